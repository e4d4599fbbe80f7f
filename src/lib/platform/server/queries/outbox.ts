import type { Kysely } from 'kysely';
import type { DB, OutboxMessage } from '../db/schema';

// The SQL of the mail outbox: writing a mail, claiming due ones for delivery, recording how a try
// went, and the lists the secretariat reads.

export async function insertOutboxMail(
	db: Kysely<DB>,
	mail: { toAddress: string; subject: string; bodyText: string; nextAttemptAt: Date | null }
): Promise<string> {
	const row = await db.insertInto('outbox').values(mail).returning('id').executeTakeFirstOrThrow();
	return row.id;
}

/**
 * Takes up to `limit` unsent mails due by `now` (of `ids` only, when given), oldest due first:
 * counts the try and moves their due time to `leaseUntil` in one statement, skipping rows another
 * claimer holds (FOR UPDATE SKIP LOCKED).
 */
export function claimOutboxMail(
	db: Kysely<DB>,
	options: { now: Date; leaseUntil: Date; limit: number; ids?: readonly string[] }
) {
	let due = db
		.selectFrom('outbox')
		.select('id')
		.where('sentAt', 'is', null)
		.where('nextAttemptAt', '<=', options.now);
	if (options.ids) due = due.where('id', 'in', options.ids);
	return db
		.updateTable('outbox')
		.set((eb) => ({
			attempts: eb('attempts', '+', 1),
			nextAttemptAt: options.leaseUntil
		}))
		.where('id', 'in', due.orderBy('nextAttemptAt').limit(options.limit).forUpdate().skipLocked())
		.returning(['id', 'toAddress', 'subject', 'bodyText', 'attempts'])
		.execute();
}

/** A failed try: the error, and the next try's time (null: given up, now failed). */
export async function recordOutboxFailure(
	db: Kysely<DB>,
	id: string,
	error: string,
	nextAttemptAt: Date | null
): Promise<void> {
	await db
		.updateTable('outbox')
		.set({ error, nextAttemptAt, failedAt: nextAttemptAt ? null : new Date() })
		.where('id', '=', id)
		.where('sentAt', 'is', null)
		.execute();
}

export async function recordOutboxSent(db: Kysely<DB>, id: string): Promise<void> {
	await db
		.updateTable('outbox')
		.set({ sentAt: new Date(), error: null, nextAttemptAt: null, failedAt: null })
		.where('id', '=', id)
		.execute();
}

/** Newest first. */
export function listOutbox(db: Kysely<DB>, limit = 50): Promise<OutboxMessage[]> {
	return db
		.selectFrom('outbox')
		.selectAll()
		.orderBy('createdAt', 'desc')
		.orderBy('id', 'desc')
		.limit(limit)
		.execute();
}

/** The newest mails given up (at most `limit`) and how many there are in all. */
export async function listFailedOutboxMail(db: Kysely<DB>, limit: number) {
	const failed = db
		.selectFrom('outbox')
		.where('failedAt', 'is not', null)
		.where('sentAt', 'is', null);
	const [mails, count] = await Promise.all([
		failed
			.select(['id', 'toAddress', 'subject', 'createdAt', 'failedAt', 'attempts', 'error'])
			.orderBy('failedAt', 'desc')
			.orderBy('id')
			.limit(limit)
			.execute(),
		failed.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow()
	]);
	return { mails, total: Number(count.total) };
}
