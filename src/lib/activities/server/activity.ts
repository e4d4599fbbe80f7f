import type { Kysely } from 'kysely';
import { m } from '$lib/paraglide/messages.js';
import type { ActivityInput } from '$lib/activities/schema';
import type { Activity, DB, OrganisationKind } from '$lib/platform/server/db/schema';
import type { Actor } from '$lib/auth';
import { canEditActivity, type RightsUser } from './policy';
import {
	activityListQuery,
	insertActivity,
	listActivityParticipants,
	replaceParticipants,
	updateActivityRow,
	type ActivityListItem
} from './queries/activities';
import { auditActivity } from './audit';
import { UUID, changeActivity, type ActivityResult } from './core';
import { checkActivityReferences } from './references';

export * from './core';
export * from './queries/activities';
export { cancelActivity, deleteActivity, moveActivity } from './changes';
export { loadActivityFormOptions } from './options';
export { listCategories } from './queries/catalogue';

export interface ActivityParticipantInfo {
	id: string;
	name: string;
	kind: OrganisationKind;
}

export interface ActivityDetail extends ActivityListItem {
	description: string;
	ownerKind: OrganisationKind;
	updatedAt: Date;
	seriesId: string | null;
	participants: ActivityParticipantInfo[];
}

/** The activity, or null when it does not exist or the user may not see it (the route says 404). */
export async function findActivityForUser(
	db: Kysely<DB>,
	user: RightsUser | null,
	id: string
): Promise<ActivityDetail | null> {
	if (!UUID.test(id)) return null;
	const row = await activityListQuery(db, user)
		.select([
			'activity.description',
			'owner.kind as ownerKind',
			'activity.updatedAt',
			'activity.seriesId'
		])
		.where('activity.id', '=', id)
		.executeTakeFirst();
	if (!row) return null;
	return { ...row, participants: await listActivityParticipants(db, id) };
}

/** The owner takes part by definition, so it is not stored twice. */
function participantIds(input: ActivityInput): string[] {
	return [...new Set(input.participants.map((id) => id.toLowerCase()))].filter(
		(id) => id !== input.ownerId.toLowerCase()
	);
}

const withSeconds = (time: string | null) => (time === null ? null : `${time}:00`);

function columns(input: ActivityInput) {
	return {
		title: input.title,
		description: input.description,
		place: input.place,
		categoryId: input.categoryId,
		ownerId: input.ownerId,
		startDate: input.startDate,
		endDate: input.endDate,
		startTime: withSeconds(input.startTime),
		endTime: withSeconds(input.endTime),
		visibility: input.visibility
	};
}

export async function createActivity(
	db: Kysely<DB>,
	user: Actor,
	input: ActivityInput
): Promise<ActivityResult<{ id: string }>> {
	return db.transaction().execute(async (trx) => {
		const participants = participantIds(input);
		const problem = await checkActivityReferences(trx, user, input, participants);
		if (problem) return problem;
		const id = await insertActivity(trx, { ...columns(input), createdBy: user.id });
		await replaceParticipants(trx, id, participants);
		await auditActivity(trx, user, 'create', { ...input, id });
		return { ok: true as const, value: { id } };
	});
}

/** Changes that calendar clients must see as a new version of the event (iCalendar SEQUENCE). */
function scheduleChanged(before: Activity, after: ReturnType<typeof columns>): boolean {
	return (
		before.startDate !== after.startDate ||
		before.endDate !== after.endDate ||
		before.startTime !== after.startTime ||
		before.endTime !== after.endTime ||
		before.place !== after.place
	);
}

export async function updateActivity(
	db: Kysely<DB>,
	user: Actor,
	id: string,
	input: ActivityInput
): Promise<ActivityResult<{ id: string }>> {
	const rule = { allowed: canEditActivity, forbidden: m.activity_err_forbidden_edit };
	return changeActivity(db, user, id, rule, async (trx, activity) => {
		const participants = participantIds(input);
		const problem = await checkActivityReferences(trx, user, input, participants);
		if (problem) return problem;
		const values = columns(input);
		const bump = scheduleChanged(activity, values) ? 1 : 0;
		await updateActivityRow(trx, id, {
			...values,
			sequence: activity.sequence + bump,
			updatedAt: new Date(),
			// An occurrence edited on its own keeps its edit when the series changes later.
			detached: activity.detached || activity.seriesId !== null
		});
		await replaceParticipants(trx, id, participants);
		await auditActivity(trx, user, 'update', { ...input, id });
		return { ok: true as const, value: { id } };
	});
}
