import { sql, type Kysely, type SqlBool, type Transaction } from 'kysely';
import { ZONE } from '$lib/platform/dates/iso';
import type { SchoolYearRange } from '$lib/platform/dates/school-year';
import type { DB } from '$lib/platform/server/db/schema';

// The outbox's part of closing a school year. Its mails (booking requests, answers, cancellations,
// invitations) carry teachers' and contacts' names and addresses, and the booking answers quote
// the booking's message. An outbox row has no booking or activity reference
// (db/migrations/2026_11_27_000000_create_foundation.ts), so a mail belongs to the school year in
// which it was written: from 1 August 00:00 to 1 August 00:00 a year later, Copenhagen time.

type Db = Kysely<DB> | Transaction<DB>;

export interface OutboxCounts {
	/** Mails written in the school year. */
	mails: number;
	/** Of those, the ones never sent (no SMTP_URL, or delivery failed). */
	unsentMails: number;
}

function writtenInYear(range: SchoolYearRange) {
	const from = sql`(${range.start}::date)::timestamp at time zone ${ZONE}::text`;
	const until = sql`(${range.end}::date + 1)::timestamp at time zone ${ZONE}::text`;
	return sql<SqlBool>`(outbox.created_at >= ${from} and outbox.created_at < ${until})`;
}

const unsent = sql<SqlBool>`outbox.sent_at is null`;

export async function countOutboxOfYear(db: Db, range: SchoolYearRange): Promise<OutboxCounts> {
	const row = await db
		.selectFrom('outbox')
		.select((eb) => [
			eb.fn.countAll<string>().as('mails'),
			sql<string>`count(*) filter (where ${unsent})`.as('unsentMails')
		])
		.where(writtenInYear(range))
		.executeTakeFirstOrThrow();
	return { mails: Number(row.mails), unsentMails: Number(row.unsentMails) };
}

/**
 * Deletes the year's mails, sent or not. Unsent ones go too: without SMTP_URL nothing is ever
 * sent and a failed delivery is given up after its last retry, so keeping them would keep the
 * data for good; the caller counts them in the audit event and the page shows them before the
 * secretariat confirms.
 */
export async function deleteOutboxOfYear(
	trx: Transaction<DB>,
	range: SchoolYearRange
): Promise<OutboxCounts> {
	const deleted = await trx
		.deleteFrom('outbox')
		.where(writtenInYear(range))
		.returning(sql<boolean>`${unsent}`.as('unsent'))
		.execute();
	return { mails: deleted.length, unsentMails: deleted.filter((row) => row.unsent).length };
}
