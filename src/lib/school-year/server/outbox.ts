import type { Kysely, Transaction } from 'kysely';
import type { SchoolYearRange } from '$lib/platform/dates/school-year';
import type { DB } from '$lib/platform/server/db/schema';
import { countOutboxMailOfYear, deleteOutboxMailOfYear } from './queries';

// The outbox's part of closing a school year. Its mails (booking requests, answers, cancellations,
// invitations) carry teachers' and contacts' names and addresses, and the booking answers quote
// the booking's message. An outbox row has no booking or activity reference
// (db/migrations/2026_11_27_000000_create_foundation.ts), so a mail belongs to the school year in
// which it was written (queries.ts).

export interface OutboxCounts {
	/** Mails written in the school year. */
	mails: number;
	/** Of those, the ones never sent (no SMTP_URL, or delivery failed). */
	unsentMails: number;
}

export async function countOutboxOfYear(
	db: Kysely<DB>,
	range: SchoolYearRange
): Promise<OutboxCounts> {
	const row = await countOutboxMailOfYear(db, range);
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
	const deleted = await deleteOutboxMailOfYear(trx, range);
	return { mails: deleted.length, unsentMails: deleted.filter((row) => row.unsent).length };
}
