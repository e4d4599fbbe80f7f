import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { formValues, readForm } from './forms';
import type { Refusal } from './result';

// The route side of the one result type: who is asking, the posted form, and a domain refusal
// mapped to HTTP. Every route guards itself with these; the domains only return results.

type LoggedIn = NonNullable<App.Locals['user']>;

/**
 * The logged-in user. A visitor is sent to the login page and brought back here afterwards; a
 * form action's address (`?/book`) is no page to come back to, so then only the path is kept.
 */
export function requireUser(locals: App.Locals, url: URL): LoggedIn {
	if (locals.user) return locals.user;
	const next = url.search.startsWith('?/') ? url.pathname : url.pathname + url.search;
	redirect(303, `/login?next=${encodeURIComponent(next)}`);
}

/** The posted form; a body that is not a form is a Danish 400. */
export async function requireForm(request: Request): Promise<FormData> {
	const form = await readForm(request);
	if (!form) error(400, m.form_fix_errors());
	return form;
}

/** What a form action shared by several pages needs of its event. */
export type ActionEvent = Pick<RequestEvent, 'locals' | 'url' | 'request'>;

/**
 * The user, the posted form and the id of the row the action is on: the route's, or on a page
 * that lists several rows, the form's `field`.
 */
export async function requireTarget(event: ActionEvent, field: string, routeId?: string) {
	const user = requireUser(event.locals, event.url);
	const form = await requireForm(event.request);
	return { user, form, id: routeId ?? String(form.get(field) ?? '') };
}

/**
 * A domain refusal as the form's failure, with what was typed; "not found" is a 404 page, so
 * another organisation's data is not even said to exist.
 */
export function refused<T extends Record<string, unknown>>(
	form: FormData,
	refusal: Refusal,
	extra?: T
) {
	if (refusal.status === 404) error(404, refusal.message);
	return fail(refusal.status, {
		...extra,
		message: refusal.message,
		errors: refusal.errors ?? {},
		values: formValues(form)
	});
}
