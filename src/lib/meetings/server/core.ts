import type { Transaction } from 'kysely';
import type { DB } from '$lib/platform/server/db/schema';
import { recordAudit } from '$lib/audit/server';

// Writes shared by creating a meeting and changing it (meeting-create.ts, meeting.ts).

export type Actor = { id: string };

/** Ids in `ids` that are not organisations. */
export async function unknownOrganisations(trx: Transaction<DB>, ids: string[]): Promise<boolean> {
	if (ids.length === 0) return false;
	const found = await trx.selectFrom('organisation').select('id').where('id', 'in', ids).execute();
	return found.length !== new Set(ids).size;
}

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
	await trx
		.deleteFrom('meetingOrganisation')
		.where('activityId', '=', activityId)
		.where('organisationId', 'not in', ids)
		.execute();
	await trx
		.insertInto('meetingOrganisation')
		.values(ids.map((organisationId) => ({ activityId, organisationId, invited: true })))
		.onConflict((oc) => oc.columns(['activityId', 'organisationId']).doUpdateSet({ invited: true }))
		.execute();
	await trx.deleteFrom('activityParticipant').where('activityId', '=', activityId).execute();
	const participants = ids.filter((id) => id !== ownerId);
	if (participants.length === 0) return;
	await trx
		.insertInto('activityParticipant')
		.values(participants.map((organisationId) => ({ activityId, organisationId })))
		.execute();
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
