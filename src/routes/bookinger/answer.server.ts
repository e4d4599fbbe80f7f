import { fail } from '@sveltejs/kit';
import { bookingAnswerSchema, bookingCancelSchema } from '$lib/bookings';
import { cancelBooking, confirmBooking, declineBooking } from '$lib/bookings/server';
import { parseForm, refused, requireTarget, type ActionEvent } from '$lib/platform/server';

// Shared by the offer and booking pages: answering a booking.

export type AnswerAction = 'confirm' | 'decline' | 'cancel';

/**
 * Confirm, decline (with a message) or cancel (with a reason) one booking. The id comes from the
 * route or, on the offer page's list, from the form.
 */
export async function answerBooking(
	event: ActionEvent,
	action: AnswerAction,
	routeBookingId?: string
) {
	const { user, form, id: bookingId } = await requireTarget(event, 'bookingId', routeBookingId);
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
