import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { requireUser } from '$lib/platform/server';
import { findActivityForUser, updateActivity, canEditActivity } from '$lib/activities/server';
import { loadActivityForm, saveActivityForm } from '../activity-form.server';
import type { Actions, PageServerLoad } from './$types';

async function requireEditable(locals: App.Locals, url: URL, id: string) {
	const user = requireUser(locals, url);
	const activity = await findActivityForUser(locals.db, user, id);
	if (!activity) error(404, m.error_not_found());
	if (!canEditActivity(user, activity)) error(403, m.activity_err_forbidden_edit());
	return { user, activity };
}

export const load: PageServerLoad = (event) => loadActivityForm(event, requireEditable);

export const actions: Actions = {
	default: (event) => saveActivityForm(event, requireEditable, updateActivity, m.error_not_found)
};
