import type { Kysely, Transaction } from 'kysely';
import { m } from '$lib/paraglide/messages.js';
import type { AgendaInput } from '$lib/meetings/schema';
import type { DB } from '$lib/platform/server/db/schema';
import { type RightsUser, failure, type ActivityResult } from '$lib/activities/server';
import { canEditAgenda, canRecordAttendance, canWriteMinutes } from './policy';
import { readableMeetingsQuery } from './queries';
import { audit, inviteOrganisations, unknownOrganisations } from './core';

export * from './queries';
export { createMeeting } from './create';
export { planNextMeeting, newMeetingDraft, loadMeetingFormOptions } from './plan';

type Actor = RightsUser & { id: string };
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
	user: RightsUser,
	id: string,
	allowed: (user: RightsUser) => boolean
): Promise<MeetingResult<Loaded>> {
	const row = await readableMeetingsQuery(trx, user)
		.select(['activity.id', 'activity.title', 'activity.ownerId'])
		.where('activity.id', '=', id)
		.executeTakeFirst();
	if (!row) return failure('not_found', m.meeting_err_not_found());
	if (!allowed(user)) return failure('forbidden', m.meeting_err_forbidden());
	await trx
		.selectFrom('meeting')
		.select('activityId')
		.where('activityId', '=', id)
		.forUpdate()
		.execute();
	return { ok: true, value: row };
}

/** The agenda and who is invited: together they are the notice calling the meeting. */
export async function updateAgenda(
	db: Kysely<DB>,
	user: Actor,
	id: string,
	input: AgendaInput
): Promise<MeetingResult<{ id: string }>> {
	return db.transaction().execute(async (trx) => {
		const loaded = await loadForChange(trx, user, id, canEditAgenda);
		if (!loaded.ok) return loaded;
		if (await unknownOrganisations(trx, input.invited)) {
			return failure('invalid', m.form_fix_errors(), { invited: m.meeting_err_org_unknown() });
		}
		await trx
			.updateTable('meeting')
			.set({ agenda: input.agenda })
			.where('activityId', '=', id)
			.execute();
		await inviteOrganisations(trx, id, loaded.value.ownerId, input.invited);
		await trx.updateTable('activity').set({ updatedAt: new Date() }).where('id', '=', id).execute();
		await audit(
			trx,
			user,
			'update',
			loaded.value,
			m.meeting_audit_agenda({ title: loaded.value.title }, DA)
		);
		return { ok: true as const, value: { id } };
	});
}

/** Marks each invited organisation present or not; an organisation not invited is refused. */
export async function setAttendance(
	db: Kysely<DB>,
	user: Actor,
	id: string,
	presentOrgIds: string[]
): Promise<MeetingResult<{ id: string }>> {
	return db.transaction().execute(async (trx) => {
		const loaded = await loadForChange(trx, user, id, canRecordAttendance);
		if (!loaded.ok) return loaded;
		const invited = await trx
			.selectFrom('meetingOrganisation')
			.select('organisationId')
			.where('activityId', '=', id)
			.where('invited', '=', true)
			.execute();
		const invitedIds = new Set(invited.map((r) => r.organisationId));
		if (presentOrgIds.some((orgId) => !invitedIds.has(orgId))) {
			return failure('invalid', m.form_fix_errors(), { present: m.meeting_err_not_invited() });
		}
		await trx
			.updateTable('meetingOrganisation')
			.set({ present: false })
			.where('activityId', '=', id)
			.execute();
		if (presentOrgIds.length > 0) {
			await trx
				.updateTable('meetingOrganisation')
				.set({ present: true })
				.where('activityId', '=', id)
				.where('organisationId', 'in', presentOrgIds)
				.execute();
		}
		await audit(
			trx,
			user,
			'update',
			loaded.value,
			m.meeting_audit_attendance({ title: loaded.value.title }, DA)
		);
		return { ok: true as const, value: { id } };
	});
}

export async function saveMinutes(
	db: Kysely<DB>,
	user: Actor,
	id: string,
	minutes: string
): Promise<MeetingResult<{ id: string }>> {
	return db.transaction().execute(async (trx) => {
		const loaded = await loadForChange(trx, user, id, canWriteMinutes);
		if (!loaded.ok) return loaded;
		await trx
			.updateTable('meeting')
			.set({ minutes, minutesUpdatedAt: new Date(), minutesUpdatedBy: user.id })
			.where('activityId', '=', id)
			.execute();
		await audit(
			trx,
			user,
			'update',
			loaded.value,
			m.meeting_audit_minutes({ title: loaded.value.title }, DA)
		);
		return { ok: true as const, value: { id } };
	});
}
