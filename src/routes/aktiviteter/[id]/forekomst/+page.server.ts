import { error, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { getLocale } from '$lib/paraglide/runtime';
import { invalid, parseForm, readForm } from '$lib/platform/server';
import {
	loadActivityFormOptions,
	activityFormValues,
	updateOccurrence
} from '$lib/activities/server';
import { ACTIVITY_ARRAY_FIELDS, activitySchema } from '$lib/activities';
import { requireOccurrence } from './occurrence.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const { user, activity, seriesId } = await requireOccurrence(locals, url, params.id);
	const locale = getLocale() === 'en' ? 'en' : 'da';
	const options = await loadActivityFormOptions(locals.db, user, locale);
	return {
		...options,
		id: activity.id,
		title: activity.title,
		seriesId,
		values: activityFormValues(activity)
	};
};

const STATUS = { invalid: 400, forbidden: 403 } as const;

export const actions: Actions = {
	default: async ({ request, locals, url, params }) => {
		const { user } = await requireOccurrence(locals, url, params.id);
		const form = await readForm(request);
		if (!form) error(400, m.form_fix_errors());
		const parsed = parseForm(activitySchema, form, { arrayFields: ACTIVITY_ARRAY_FIELDS });
		if (!parsed.ok) return parsed.failure;
		const result = await updateOccurrence(locals.db, user, params.id, parsed.data);
		if (!result.ok) {
			if (result.reason === 'not_found') error(404, m.activity_err_not_found());
			return invalid(form, result.errors ?? {}, STATUS[result.reason]);
		}
		redirect(303, `/aktiviteter/${params.id}`);
	}
};
