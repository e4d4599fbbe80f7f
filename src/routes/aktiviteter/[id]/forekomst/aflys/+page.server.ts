import { error, fail, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { cancelOccurrence } from '$lib/activities/server';
import { requireOccurrence } from '../occurrence.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const { activity, seriesId } = await requireOccurrence(locals, url, params.id);
	return {
		id: activity.id,
		title: activity.title,
		seriesId,
		cancelled: activity.status === 'cancelled'
	};
};

export const actions: Actions = {
	default: async ({ locals, url, params }) => {
		const { user, seriesId } = await requireOccurrence(locals, url, params.id);
		const result = await cancelOccurrence(locals.db, user, params.id);
		if (!result.ok) {
			if (result.reason === 'not_found') error(404, m.activity_err_not_found());
			return fail(result.reason === 'forbidden' ? 403 : 400, { message: result.message });
		}
		redirect(303, `/serier/${seriesId}`);
	}
};
