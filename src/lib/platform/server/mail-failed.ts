import type { Kysely } from 'kysely';
import type { DB } from './db/schema';
import { listFailedOutboxMail } from './queries/outbox';

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
	const { total, mails } = await listFailedOutboxMail(db, limit);
	return {
		total,
		mails: mails.map((mail) => ({ ...mail, failedAt: mail.failedAt! }))
	};
}
