import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { bookingAnswerSchema, bookingCancelSchema } from '$lib/bookings/schema';
import { formValues, parseForm, readForm } from '$lib/platform/server/http/forms';
import type { Refusal } from '$lib/platform/server/http/result';
import { cancelBooking, confirmBooking, declineBooking } from './answer';
import type { SessionUser } from '$lib/auth/server';

// Shared by the offer and booking pages: login, refusals as form failures, answering a booking.

/** Visitors go to the login page and come back here afterwards. */
export function requireUser(locals: App.Locals, url: URL, keepSearch = true): SessionUser {
	if (!locals.user) {
		const next = keepSearch ? url.pathname + url.search : url.pathname;
		redirect(303, `/login?next=${encodeURIComponent(next)}`);
	}
	return locals.user;
}

/** In actions: the query holds the action name (?/book), which is no page to come back to. */
export function requireActor(locals: App.Locals, url: URL): SessionUser {
	return requireUser(locals, url, false);
}

export async function requireForm(request: Request): Promise<FormData> {
	const form = await readForm(request);
	if (!form) error(400, m.form_fix_errors());
	return form;
}

/**
 * A domain refusal as the form's failure, with what was typed; "not found" is a 404 page, so
 * another school's booking is not even said to exist.
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

export type AnswerAction = 'confirm' | 'decline' | 'cancel';

/**
 * Confirm, decline (with a message) or cancel (with a reason) one booking. The id comes from the
 * route or, on the offer page's list, from the form.
 */
export async function answerBooking(
	event: Pick<RequestEvent, 'locals' | 'url' | 'request'>,
	action: AnswerAction,
	routeBookingId?: string
) {
	const user = requireActor(event.locals, event.url);
	const form = await requireForm(event.request);
	const bookingId = routeBookingId ?? String(form.get('bookingId') ?? '');
	const extra = { action, bookingId };
	const db = event.locals.db;
	if (action === 'cancel') {
		const parsed = parseForm(bookingCancelSchema, form);
		if (!parsed.ok) {
			return fail(400, { ...extra, ...parsed.failure.data });
		}
		const result = await cancelBooking(db, user, bookingId, parsed.data);
		return result.ok ? { ...extra, done: true } : refused(form, result, extra);
	}
	const parsed = parseForm(bookingAnswerSchema, form);
	if (!parsed.ok) return fail(400, { ...extra, ...parsed.failure.data });
	const answer = action === 'confirm' ? confirmBooking : declineBooking;
	const result = await answer(db, user, bookingId, parsed.data);
	return result.ok ? { ...extra, done: true } : refused(form, result, extra);
}
