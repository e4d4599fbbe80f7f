import { error, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { getLocale } from '$lib/paraglide/runtime';
import { invalid, parseForm, readForm, requireUser } from '$lib/platform/server';
import {
	findActivityForUser,
	loadActivityFormOptions,
	updateActivity,
	activityFormValues,
	canEditActivity
} from '$lib/activities/server';
import { ACTIVITY_ARRAY_FIELDS, activitySchema } from '$lib/activities';
import type { Actions, PageServerLoad } from './$types';

async function requireEditable(locals: App.Locals, url: URL, id: string) {
	const user = requireUser(locals, url);
	const activity = await findActivityForUser(locals.db, user, id);
	if (!activity) error(404, m.error_not_found());
	if (!canEditActivity(user, activity)) error(403, m.activity_err_forbidden_edit());
	return { user, activity };
}

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const { user, activity } = await requireEditable(locals, url, params.id);
	const locale = getLocale() === 'en' ? 'en' : 'da';
	const options = await loadActivityFormOptions(locals.db, user, locale);
	return {
		...options,
		id: activity.id,
		title: activity.title,
		values: activityFormValues(activity)
	};
};

const STATUS = { invalid: 400, forbidden: 403 } as const;

export const actions: Actions = {
	default: async ({ request, locals, url, params }) => {
		const { user } = await requireEditable(locals, url, params.id);
		const form = await readForm(request);
		if (!form) error(400, m.form_fix_errors());
		const parsed = parseForm(activitySchema, form, { arrayFields: ACTIVITY_ARRAY_FIELDS });
		if (!parsed.ok) return parsed.failure;
		const result = await updateActivity(locals.db, user, params.id, parsed.data);
		if (!result.ok) {
			if (result.reason === 'not_found') error(404, m.error_not_found());
			return invalid(form, result.errors ?? {}, STATUS[result.reason]);
		}
		redirect(303, `/aktiviteter/${params.id}`);
	}
};
