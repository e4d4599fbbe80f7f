import { redirect } from '@sveltejs/kit';
import { loadMeetingFormOptions, updateAgenda, canEditAgenda } from '$lib/meetings/server';
import { meetingRefused, parseMeetingForm, requireMeetingEditor } from '../../meeting.server';
import { agendaSchema } from '$lib/meetings';
import type { Actions, PageServerLoad } from './$types';
import { requireForm } from '$lib/platform/server';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const { user, meeting } = await requireMeetingEditor(locals, url, params.id, canEditAgenda);
	const options = await loadMeetingFormOptions(locals.db, user);
	return {
		meeting,
		organisations: options?.organisations ?? [],
		values: { agenda: meeting.agenda, invited: meeting.invitedOrgIds },
		saved: url.searchParams.has('gemt')
	};
};

export const actions: Actions = {
	default: async ({ request, locals, url, params }) => {
		const { user } = await requireMeetingEditor(locals, url, params.id, canEditAgenda);
		const form = await requireForm(request);
		const parsed = parseMeetingForm(agendaSchema, form);
		if (!parsed.ok) return parsed.failure;
		const result = await updateAgenda(locals.db, user, params.id, parsed.data);
		if (!result.ok) return meetingRefused(form, result);
		redirect(303, `/moeder/${params.id}/dagsorden?gemt`);
	}
};
