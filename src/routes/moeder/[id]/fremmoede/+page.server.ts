import { redirect } from '@sveltejs/kit';
import { setAttendance, canRecordAttendance } from '$lib/meetings/server';
import { meetingRefused, parseMeetingForm, requireMeetingEditor } from '../../meeting.server';
import { attendanceSchema } from '$lib/meetings';
import type { Actions, PageServerLoad } from './$types';
import { requireForm } from '$lib/platform/server';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const { meeting } = await requireMeetingEditor(locals, url, params.id, canRecordAttendance);
	const present = meeting.invited.filter((o) => o.present).map((o) => o.id);
	return { meeting, values: { present } as Record<string, string | string[]> };
};

export const actions: Actions = {
	default: async ({ request, locals, url, params }) => {
		const { user } = await requireMeetingEditor(locals, url, params.id, canRecordAttendance);
		const form = await requireForm(request);
		const parsed = parseMeetingForm(attendanceSchema, form);
		if (!parsed.ok) return parsed.failure;
		const result = await setAttendance(locals.db, user, params.id, parsed.data.present);
		if (!result.ok) return meetingRefused(form, result);
		redirect(303, `/moeder/${params.id}`);
	}
};
