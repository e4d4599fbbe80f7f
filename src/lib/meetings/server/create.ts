import type { Kysely, Transaction } from 'kysely';
import { m } from '$lib/paraglide/messages.js';
import type { MeetingInput } from '$lib/meetings/schema';
import type { DB } from '$lib/platform/server/db/schema';
import type { Actor } from '$lib/auth';
import { failure, type ActivityResult, type FieldErrors } from '$lib/activities/server';
import { canCreateMeeting } from './policy';
import { audit, inviteOrganisations } from './core';
import { findMeetingCategoryId, insertMeeting, meetingExists, organisationsExist } from './queries';

const DA = { locale: 'da' } as const;

async function checkMeetingReferences(
	trx: Transaction<DB>,
	input: MeetingInput
): Promise<FieldErrors> {
	const errors: FieldErrors = {};
	if (!(await organisationsExist(trx, [input.ownerId])))
		errors.ownerId = m.activity_err_owner_unknown();
	if (!(await organisationsExist(trx, input.invited))) errors.invited = m.meeting_err_org_unknown();
	if (input.previousActivityId && !(await meetingExists(trx, input.previousActivityId)))
		errors.previousActivityId = m.meeting_err_previous_unknown();
	return errors;
}

/** Creates the activity (category alliancemoede), the meeting row and the invitations at once. */
export async function createMeeting(
	db: Kysely<DB>,
	user: Actor,
	input: MeetingInput
): Promise<ActivityResult<{ id: string }>> {
	// createActivity opens its own transaction; the activity row is written here so the activity,
	// the meeting and its invitations commit or roll back together.
	return db.transaction().execute(async (trx) => {
		if (!canCreateMeeting(user)) return failure('forbidden', m.meeting_err_forbidden());
		const categoryId = await findMeetingCategoryId(trx);
		if (!categoryId) {
			const missing = m.meeting_err_category_missing();
			return failure('invalid', missing, { _form: missing });
		}
		const errors = await checkMeetingReferences(trx, input);
		if (Object.keys(errors).length) return failure('invalid', m.form_fix_errors(), errors);
		const id = await insertMeeting(trx, {
			activity: {
				title: input.title,
				place: input.place,
				categoryId,
				ownerId: input.ownerId,
				date: input.date,
				startTime: input.startTime,
				endTime: input.endTime,
				visibility: input.visibility,
				createdBy: user.id
			},
			agenda: input.agenda,
			previousActivityId: input.previousActivityId ?? null
		});
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
