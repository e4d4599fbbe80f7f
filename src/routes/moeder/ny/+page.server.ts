import { error, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import {
	createMeeting,
	loadMeetingFormOptions,
	newMeetingDraft,
	planNextMeeting
} from '$lib/meetings/server';
import { meetingRefused, parseMeetingForm } from '../meeting.server';
import { meetingSchema } from '$lib/meetings';
import type { Actions, PageServerLoad } from './$types';
import { requireForm, requireUser } from '$lib/platform/server';

async function requireOptions(locals: App.Locals, url: URL) {
	const user = requireUser(locals, url);
	const options = await loadMeetingFormOptions(locals.db, user);
	if (!options) error(403, m.meeting_err_forbidden());
	return { user, options };
}

export const load: PageServerLoad = async ({ locals, url }) => {
	// ?efter=<meeting> plans the next meeting from a previous one (nothing is written yet). It is
	// looked up first, so a meeting the user may not read answers 404 like everywhere else.
	const previousId = url.searchParams.get('efter');
	if (previousId) {
		const draft = await planNextMeeting(locals.db, requireUser(locals, url), previousId);
		if (!draft.ok) error(draft.reason === 'not_found' ? 404 : 403, draft.message);
		if ('existingId' in draft.value) redirect(303, `/moeder/${draft.value.existingId}?planlagt`);
		const { options } = await requireOptions(locals, url);
		return { ...options, values: draft.value.values, previous: draft.value.previous };
	}
	const { user, options } = await requireOptions(locals, url);
	return { ...options, values: newMeetingDraft(user), previous: null };
};

export const actions: Actions = {
	default: async ({ request, locals, url }) => {
		const { user } = await requireOptions(locals, url);
		const form = await requireForm(request);
		const parsed = parseMeetingForm(meetingSchema, form);
		if (!parsed.ok) return parsed.failure;
		const result = await createMeeting(locals.db, user, parsed.data);
		if (!result.ok) return meetingRefused(form, result);
		redirect(303, `/moeder/${result.value.id}`);
	}
};
