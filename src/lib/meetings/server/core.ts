import type { Transaction } from 'kysely';
import type { Actor } from '$lib/auth';
import type { DB } from '$lib/platform/server/db/schema';
import { recordAudit } from '$lib/audit/server';
import { replaceInvitations } from './queries';

// Writes shared by creating a meeting and changing it (create.ts, meeting.ts).

/**
 * The invited organisations take part in the activity too, so the meeting shows in their
 * calendars and feeds and a 'private' meeting stays visible to them.
 */
export async function inviteOrganisations(
	trx: Transaction<DB>,
	activityId: string,
	ownerId: string,
	ids: string[]
) {
	// The schema asks for at least one; an empty list would otherwise uninvite everyone silently.
	if (ids.length === 0) throw new Error('A meeting needs at least one invited organisation');
	await replaceInvitations(trx, activityId, ownerId, ids);
}

/** One audit event per change, owned by (and shown to the admins of) the calling organisation. */
export function audit(
	trx: Transaction<DB>,
	user: Actor,
	action: 'create' | 'update',
	meeting: { id: string; ownerId: string },
	summary: string
) {
	return recordAudit(trx, {
		actorId: user.id,
		organisationId: meeting.ownerId,
		action,
		entityType: 'meeting',
		entityId: meeting.id,
		summary
	});
}
