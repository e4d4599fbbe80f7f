import { error, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { getLocale } from '$lib/paraglide/runtime';
import { isIsoDate } from '$lib/platform/dates/iso';
import { invalid, parseForm, readForm } from '$lib/platform/server';
import { createActivity, loadActivityFormOptions } from '$lib/activities/server';
import { ACTIVITY_ARRAY_FIELDS, activitySchema } from '$lib/activities';
import { requireCreator } from '../creator.server';
import type { Actions, PageServerLoad } from './$types';

const STATUS = { invalid: 400, forbidden: 403, not_found: 404 } as const;

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireCreator(locals, url);
	const options = await loadActivityFormOptions(
		locals.db,
		user,
		getLocale() === 'en' ? 'en' : 'da'
	);
	// ?date=2027-02-08 pre-fills the day clicked in the calendar.
	const date = url.searchParams.get('date');
	const day = isIsoDate(date) ? date : '';
	return {
		...options,
		values: {
			ownerId: options.owners.length === 1 ? options.owners[0].id : '',
			startDate: day,
			endDate: day,
			allDay: 'on',
			visibility: 'alliance'
		} as Record<string, string | string[]>
	};
};

export const actions: Actions = {
	default: async ({ request, locals, url }) => {
		const user = requireCreator(locals, url);
		const form = await readForm(request);
		if (!form) error(400, m.form_fix_errors());
		const parsed = parseForm(activitySchema, form, { arrayFields: ACTIVITY_ARRAY_FIELDS });
		if (!parsed.ok) return parsed.failure;
		const result = await createActivity(locals.db, user, parsed.data);
		if (!result.ok) return invalid(form, result.errors ?? {}, STATUS[result.reason]);
		redirect(303, `/aktiviteter/${result.value.id}`);
	}
};
