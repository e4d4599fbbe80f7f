import type { Kysely, Transaction } from 'kysely';
import { m } from '$lib/paraglide/messages.js';
import type { AgendaInput } from '$lib/meetings/schema';
import type { DB } from '$lib/platform/server/db/schema';
import type { Actor } from '$lib/auth';
import { failure, type ActivityFailure, type ActivityResult } from '$lib/activities/server';
import { canEditAgenda, canRecordAttendance, canWriteMinutes } from './policy';
import {
	listInvitedOrganisationIds,
	lockMeeting,
	organisationsExist,
	readableMeetingsQuery,
	setPresentOrganisations,
	touchMeetingActivity,
	updateMeetingAgenda,
	updateMeetingMinutes
} from './queries';
import { audit, inviteOrganisations } from './core';

export * from './queries';
export { createMeeting } from './create';
export { planNextMeeting, newMeetingDraft, loadMeetingFormOptions } from './plan';

export type MeetingResult<T> = ActivityResult<T>;
const DA = { locale: 'da' } as const;

interface Loaded {
	id: string;
	title: string;
	ownerId: string;
}

/** The meeting locked for the change: 404 when the user cannot read it, 403 when not allowed. */
async function loadForChange(
	trx: Transaction<DB>,
	user: Actor,
	id: string,
	allowed: (user: Actor) => boolean
): Promise<MeetingResult<Loaded>> {
	const row = await readableMeetingsQuery(trx, user)
		.select(['activity.id', 'activity.title', 'activity.ownerId'])
		.where('activity.id', '=', id)
		.executeTakeFirst();
	if (!row) return failure('not_found', m.meeting_err_not_found());
	if (!allowed(user)) return failure('forbidden', m.meeting_err_forbidden());
	await lockMeeting(trx, id);
	return { ok: true, value: row };
}

/**
 * One change of a meeting in one transaction: the meeting is loaded and locked (see
 * loadForChange), `change` writes it or refuses, and the change is audited under `summary`.
 */
function changeMeeting(
	db: Kysely<DB>,
	user: Actor,
	id: string,
	allowed: (user: Actor) => boolean,
	summary: (values: { title: string }, options: typeof DA) => string,
	change: (trx: Transaction<DB>, meeting: Loaded) => Promise<ActivityFailure | void>
): Promise<MeetingResult<{ id: string }>> {
	return db.transaction().execute(async (trx) => {
		const loaded = await loadForChange(trx, user, id, allowed);
		if (!loaded.ok) return loaded;
		const refusal = await change(trx, loaded.value);
		if (refusal) return refusal;
		await audit(trx, user, 'update', loaded.value, summary({ title: loaded.value.title }, DA));
		return { ok: true as const, value: { id } };
	});
}

/** The agenda and who is invited: together they are the notice calling the meeting. */
export function updateAgenda(
	db: Kysely<DB>,
	user: Actor,
	id: string,
	input: AgendaInput
): Promise<MeetingResult<{ id: string }>> {
	return changeMeeting(
		db,
		user,
		id,
		canEditAgenda,
		m.meeting_audit_agenda,
		async (trx, meeting) => {
			if (!(await organisationsExist(trx, input.invited))) {
				return failure('invalid', m.form_fix_errors(), { invited: m.meeting_err_org_unknown() });
			}
			await updateMeetingAgenda(trx, id, input.agenda);
			await inviteOrganisations(trx, id, meeting.ownerId, input.invited);
			await touchMeetingActivity(trx, id);
		}
	);
}

/** Marks each invited organisation present or not; an organisation not invited is refused. */
export function setAttendance(
	db: Kysely<DB>,
	user: Actor,
	id: string,
	presentOrgIds: string[]
): Promise<MeetingResult<{ id: string }>> {
	return changeMeeting(
		db,
		user,
		id,
		canRecordAttendance,
		m.meeting_audit_attendance,
		async (trx) => {
			const invitedIds = new Set(await listInvitedOrganisationIds(trx, id));
			if (presentOrgIds.some((orgId) => !invitedIds.has(orgId))) {
				return failure('invalid', m.form_fix_errors(), { present: m.meeting_err_not_invited() });
			}
			await setPresentOrganisations(trx, id, presentOrgIds);
		}
	);
}

export function saveMinutes(
	db: Kysely<DB>,
	user: Actor,
	id: string,
	minutes: string
): Promise<MeetingResult<{ id: string }>> {
	return changeMeeting(db, user, id, canWriteMinutes, m.meeting_audit_minutes, (trx) =>
		updateMeetingMinutes(trx, id, minutes, user.id)
	);
}
