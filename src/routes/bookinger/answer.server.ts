import { fail, type RequestEvent } from '@sveltejs/kit';
import { bookingAnswerSchema, bookingCancelSchema } from '$lib/bookings';
import { cancelBooking, confirmBooking, declineBooking } from '$lib/bookings/server';
import { parseForm, refused, requireForm, requireUser } from '$lib/platform/server';

// Shared by the offer and booking pages: answering a booking.

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
	const user = requireUser(event.locals, event.url);
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
