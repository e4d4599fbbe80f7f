import type { Kysely, Transaction } from 'kysely';
import type { AuditAction, DB } from '$lib/platform/server/db/schema';
import { insertAuditEvent } from './queries';

export interface AuditEntry {
	/** The user acting; null for the system (e.g. a waitlist promotion, the seed). */
	actorId: string | null;
	/** The organisation whose thing it is: its admins see the event. */
	organisationId: string | null;
	action: AuditAction;
	/** What kind of thing: 'activity', 'offer', 'booking', 'meeting', 'evaluation' … */
	entityType: string;
	entityId: string;
	/** One short Danish line a person can read, e.g. the title; never a secret or token. */
	summary?: string;
}

/**
 * Writes one audit event. Call it inside the transaction that makes the change, so the log and
 * the data commit (or roll back) together. The actor's name is copied in, so the log still reads
 * after the user is deleted.
 */
export async function recordAudit(
	db: Kysely<DB> | Transaction<DB>,
	entry: AuditEntry
): Promise<void> {
	await insertAuditEvent(db, {
		actorId: entry.actorId,
		organisationId: entry.organisationId,
		action: entry.action,
		entityType: entry.entityType,
		entityId: entry.entityId,
		summary: (entry.summary ?? '').slice(0, 300)
	});
}
