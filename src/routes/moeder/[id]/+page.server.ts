import {
	canEditAgenda,
	canPlanNextMeeting,
	canRecordAttendance,
	canWriteMinutes
} from '$lib/server/meeting-rights';
import { requireMeeting, requireMeetingUser } from '$lib/server/meeting-routes';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requireMeetingUser(locals, url);
	const meeting = await requireMeeting(locals.db, user, params.id);
	return {
		meeting,
		canEditAgenda: canEditAgenda(user),
		canRecordAttendance: canRecordAttendance(user),
		canWriteMinutes: canWriteMinutes(user),
		canPlanNext: canPlanNextMeeting(user)
	};
};
