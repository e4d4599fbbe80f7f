import {
	canEditAgenda,
	canPlanNextMeeting,
	canRecordAttendance,
	canWriteMinutes
} from '$lib/meetings/server';
import { requireMeeting } from '../meeting.server';
import type { PageServerLoad } from './$types';
import { requireUser } from '$lib/platform/server';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requireUser(locals, url);
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
