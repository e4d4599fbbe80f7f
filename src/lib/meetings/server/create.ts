import type { Kysely, Transaction } from 'kysely';
import { m } from '$lib/paraglide/messages.js';
import type { MeetingInput } from '$lib/meetings/schema';
import type { DB } from '$lib/platform/server/db/schema';
import {
	type RightsUser,
	failure,
	type ActivityResult,
	type FieldErrors
} from '$lib/activities/server';
import { canCreateMeeting } from './policy';
import { audit, inviteOrganisations, unknownOrganisations } from './core';

const DA = { locale: 'da' } as const;

async function checkMeetingReferences(
	trx: Transaction<DB>,
	input: MeetingInput
): Promise<FieldErrors> {
	const errors: FieldErrors = {};
	const owner = await trx
		.selectFrom('organisation')
		.select('id')
		.where('id', '=', input.ownerId)
		.executeTakeFirst();
	if (!owner) errors.ownerId = m.activity_err_owner_unknown();
	if (await unknownOrganisations(trx, input.invited)) errors.invited = m.meeting_err_org_unknown();
	if (input.previousActivityId) {
		const previous = await trx
			.selectFrom('meeting')
			.select('activityId')
			.where('activityId', '=', input.previousActivityId)
			.executeTakeFirst();
		if (!previous) errors.previousActivityId = m.meeting_err_previous_unknown();
	}
	return errors;
}

/** Creates the activity (category alliancemoede), the meeting row and the invitations at once. */
export async function createMeeting(
	db: Kysely<DB>,
	user: RightsUser & { id: string },
	input: MeetingInput
): Promise<ActivityResult<{ id: string }>> {
	// createActivity opens its own transaction; the activity row is written here so the activity,
	// the meeting and its invitations commit or roll back together.
	return db.transaction().execute(async (trx) => {
		if (!canCreateMeeting(user)) return failure('forbidden', m.meeting_err_forbidden());
		const category = await trx
			.selectFrom('category')
			.select('id')
			.where('slug', '=', 'alliancemoede')
			.executeTakeFirst();
		if (!category) {
			const missing = m.meeting_err_category_missing();
			return failure('invalid', missing, { _form: missing });
		}
		const errors = await checkMeetingReferences(trx, input);
		if (Object.keys(errors).length) return failure('invalid', m.form_fix_errors(), errors);
		const { id } = await trx
			.insertInto('activity')
			.values({
				title: input.title,
				place: input.place,
				categoryId: category.id,
				ownerId: input.ownerId,
				startDate: input.date,
				endDate: input.date,
				startTime: `${input.startTime}:00`,
				endTime: `${input.endTime}:00`,
				visibility: input.visibility,
				createdBy: user.id
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		await trx
			.insertInto('meeting')
			.values({
				activityId: id,
				agenda: input.agenda,
				previousActivityId: input.previousActivityId ?? null
			})
			.execute();
		await inviteOrganisations(trx, id, input.ownerId, input.invited);
		await audit(
			trx,
			user,
			'create',
			{ id, ownerId: input.ownerId },
			m.meeting_audit_created({ title: input.title }, DA)
		);
		return { ok: true as const, value: { id } };
	});
}
