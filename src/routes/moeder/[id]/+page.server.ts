import {
	canEditAgenda,
	canPlanNextMeeting,
	canRecordAttendance,
	canWriteMinutes,
	requireMeeting,
	requireMeetingUser
} from '$lib/meetings/server';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requireMeetingUser(locals, url);
	const meeting = await requireMeeting(locals.db, user, params.id);
	return {
		meeting,
		canEditAgenda: canEditAgenda(user),
		canRecordAttendance: canRecordAttendance(user),
		canWriteMinutes: canWriteMinutes(user),
		canPlanNext: canPlanNextMeeting(user),
		// Arrived from "Planlæg næste møde" when this meeting was already planned.
		alreadyPlanned: url.searchParams.has('planlagt')
	};
};
