import type { Kysely, Transaction } from 'kysely';
import { m } from '$lib/paraglide/messages.js';
import type { ActivityInput } from '$lib/activities/schema';
import type { Activity, DB, OrganisationKind } from '$lib/platform/server/db/schema';
import { canCreateActivityFor, canEditActivity, type RightsUser } from './policy';
import { activityListQuery, type ActivityListItem } from './queries/activities';
import { auditActivity } from './audit';
import {
	UUID,
	failure,
	loadForChange,
	type ActivityFailure,
	type ActivityResult,
	type FieldErrors
} from './core';

export * from './core';
export * from './queries/activities';
export { cancelActivity, deleteActivity, moveActivity } from './changes';
export { listCategories, loadActivityFormOptions } from './options';

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
	const participants = await db
		.selectFrom('activityParticipant')
		.innerJoin('organisation', 'organisation.id', 'activityParticipant.organisationId')
		.select(['organisation.id', 'organisation.name', 'organisation.kind'])
		.where('activityParticipant.activityId', '=', id)
		.orderBy('organisation.name')
		.execute();
	return { ...row, participants };
}

/** Checks that need the database; field errors in the user's language (Danish first). */
async function checkReferences(
	trx: Transaction<DB>,
	user: RightsUser,
	input: ActivityInput,
	participants: string[]
): Promise<ActivityFailure | null> {
	const owner = await trx
		.selectFrom('organisation')
		.select('id')
		.where('id', '=', input.ownerId)
		.executeTakeFirst();
	if (!owner) {
		return failure('invalid', m.form_fix_errors(), { ownerId: m.activity_err_owner_unknown() });
	}
	if (!canCreateActivityFor(user, input.ownerId)) {
		const message = m.activity_err_owner_forbidden();
		return failure('forbidden', message, { ownerId: message });
	}
	const errors: FieldErrors = {};
	const category = await trx
		.selectFrom('category')
		.select('id')
		.where('id', '=', input.categoryId)
		.executeTakeFirst();
	if (!category) errors.categoryId = m.activity_err_category_unknown();
	if (participants.length > 0) {
		const found = await trx
			.selectFrom('organisation')
			.select('id')
			.where('id', 'in', participants)
			.execute();
		if (found.length !== participants.length) {
			errors.participants = m.activity_err_participants_unknown();
		}
	}
	return Object.keys(errors).length ? failure('invalid', m.form_fix_errors(), errors) : null;
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

async function replaceParticipants(trx: Transaction<DB>, activityId: string, ids: string[]) {
	await trx.deleteFrom('activityParticipant').where('activityId', '=', activityId).execute();
	if (ids.length === 0) return;
	await trx
		.insertInto('activityParticipant')
		.values(ids.map((organisationId) => ({ activityId, organisationId })))
		.execute();
}

export async function createActivity(
	db: Kysely<DB>,
	user: RightsUser & { id: string },
	input: ActivityInput
): Promise<ActivityResult<{ id: string }>> {
	return db.transaction().execute(async (trx) => {
		const participants = participantIds(input);
		const problem = await checkReferences(trx, user, input, participants);
		if (problem) return problem;
		const { id } = await trx
			.insertInto('activity')
			.values({ ...columns(input), createdBy: user.id })
			.returning('id')
			.executeTakeFirstOrThrow();
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
	user: RightsUser,
	id: string,
	input: ActivityInput
): Promise<ActivityResult<{ id: string }>> {
	return db.transaction().execute(async (trx) => {
		const loaded = await loadForChange(
			trx,
			user,
			id,
			canEditActivity,
			m.activity_err_forbidden_edit()
		);
		if (!loaded.ok) return loaded;
		const participants = participantIds(input);
		const problem = await checkReferences(trx, user, input, participants);
		if (problem) return problem;
		const values = columns(input);
		const bump = scheduleChanged(loaded.value, values) ? 1 : 0;
		await trx
			.updateTable('activity')
			.set({
				...values,
				sequence: loaded.value.sequence + bump,
				updatedAt: new Date(),
				// An occurrence edited on its own keeps its edit when the series changes later.
				detached: loaded.value.detached || loaded.value.seriesId !== null
			})
			.where('id', '=', id)
			.execute();
		await replaceParticipants(trx, id, participants);
		await auditActivity(trx, user, 'update', { ...input, id });
		return { ok: true as const, value: { id } };
	});
}
