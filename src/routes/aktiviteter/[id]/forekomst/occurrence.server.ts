import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { findActivityForUser, canEditActivity, seriesIdOf } from '$lib/activities/server';
import { requireUser } from '$lib/platform/server';

/** The occurrence when it is one (of a series), the user may see it and may edit it. */
export async function requireOccurrence(locals: App.Locals, url: URL, id: string) {
	const user = requireUser(locals, url);
	const db = locals.db;
	const activity = await findActivityForUser(db, user, id);
	const seriesId = activity ? await seriesIdOf(db, id) : null;
	if (!activity || !seriesId) error(404, m.activity_err_not_found());
	if (!canEditActivity(user, activity)) error(403, m.activity_err_forbidden_edit());
	return { user, activity, seriesId };
}
