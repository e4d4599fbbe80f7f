import type { Kysely } from 'kysely';
import type { DB } from '$lib/platform/server/db/schema';
import type { Job } from '$lib/platform/server/jobs';
import { deliverDueMail } from '$lib/platform/server/mail-delivery';
import {
	deleteExpiredOidcAttempts,
	deleteExpiredSessions,
	deleteStaleBuckets
} from '$lib/auth/server';
import { mailSoonChanges } from '$lib/feeds/server';

// The periodic jobs of a running server (hooks.server.ts starts them with jobs.ts).

/** Due mail is looked for this often; the shortest back-off is a minute (mail-backoff.ts). */
const MAIL_RETRY_EVERY_MS = 30_000;
const CLEANUP_EVERY_MS = 60 * 60_000;
/** Changes of booked activities within 48 hours are mailed within about this long. */
const SOON_CHANGES_EVERY_MS = 60_000;

/** Rows that only matter until they expire: sessions past their end, idle throttle buckets. */
export async function deleteExpiredRows(db: Kysely<DB>, now = new Date()) {
	const sessions = await deleteExpiredSessions(db, now);
	const throttleBuckets = await deleteStaleBuckets(db, now);
	const oidcAttempts = await deleteExpiredOidcAttempts(db, now);
	return { sessions, throttleBuckets, oidcAttempts };
}

export const serverJobs: readonly Job[] = [
	// Claims with FOR UPDATE SKIP LOCKED: instances share the due mail, never send one twice.
	{ name: 'mail-retry', everyMs: MAIL_RETRY_EVERY_MS, run: (db) => deliverDueMail(db) },
	{ name: 'cleanup', everyMs: CLEANUP_EVERY_MS, exclusive: true, run: deleteExpiredRows },
	// Claims its rows with FOR UPDATE SKIP LOCKED: each change is mailed by one instance.
	{ name: 'soon-changes', everyMs: SOON_CHANGES_EVERY_MS, run: (db) => mailSoonChanges(db) }
];
