import { redirect } from '@sveltejs/kit';
import { saveMinutes, canWriteMinutes } from '$lib/meetings/server';
import { meetingRefused, parseMeetingForm, requireMeetingEditor } from '../../meeting.server';
import { minutesSchema } from '$lib/meetings';
import type { Actions, PageServerLoad } from './$types';
import { requireForm } from '$lib/platform/server';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const { meeting } = await requireMeetingEditor(locals, url, params.id, canWriteMinutes);
	return { meeting, values: { minutes: meeting.minutes }, saved: url.searchParams.has('gemt') };
};

export const actions: Actions = {
	default: async ({ request, locals, url, params }) => {
		const { user } = await requireMeetingEditor(locals, url, params.id, canWriteMinutes);
		const form = await requireForm(request);
		const parsed = parseMeetingForm(minutesSchema, form);
		if (!parsed.ok) return parsed.failure;
		const result = await saveMinutes(locals.db, user, params.id, parsed.data.minutes);
		if (!result.ok) return meetingRefused(form, result);
		redirect(303, `/moeder/${params.id}/referat?gemt`);
	}
};
