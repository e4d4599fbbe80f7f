import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { requireUser } from '$lib/platform/server';
import { canCreateActivities } from '$lib/activities/server';

/** A user with an organisation to create activities (one or a series) for. */
export function requireCreator(locals: App.Locals, url: URL) {
	const user = requireUser(locals, url);
	if (!canCreateActivities(user)) error(403, m.activity_err_no_organisation());
	return user;
}
