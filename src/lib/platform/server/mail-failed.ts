import type { Kysely } from 'kysely';
import type { DB } from './db/schema';

// Mail given up after its last try (mail-backoff.ts): the secretariat sees these on /log, so
// that a provider who never got a booking request can be told another way.

export interface FailedMail {
	id: string;
	toAddress: string;
	subject: string;
	createdAt: Date;
	failedAt: Date;
	attempts: number;
	error: string | null;
}

/** The newest failed mails (at most `limit`) and how many there are in all. */
export async function listFailedMail(
	db: Kysely<DB>,
	limit = 20
): Promise<{ total: number; mails: FailedMail[] }> {
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
	return {
		total: Number(count.total),
		mails: mails.map((mail) => ({ ...mail, failedAt: mail.failedAt! }))
	};
}
