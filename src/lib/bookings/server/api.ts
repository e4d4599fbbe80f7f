import { m } from '$lib/paraglide/messages.js';
import { bookingSchema } from '$lib/bookings/schema';
import { forbiddenJsonFields } from '$lib/platform/input-text';
import type { Booking } from '$lib/platform/server/db/schema';
import type { BookSeatsInput } from './booking';
import {
	UUID,
	refuse,
	success,
	type FieldErrors,
	type Result
} from '$lib/platform/server/http/result';

// The JSON booking endpoint (POST /api/offers/[id]/bookings) for programmatic clients: the same
// bookSeats as the offer page's form, without a page around it. The route reads the request and
// answers in JSON; here is what the body must hold and what the answer shows. Messages are Danish
// (the locale middleware, which copies every request, is skipped there: see hooks.server.ts).

const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{8,100}$/;

export const isIdempotencyKey = (key: string) => IDEMPOTENCY_KEY.test(key);

/** A malformed offer id is an offer that does not exist. */
export const isOfferId = (id: string) => UUID.test(id);

/** The booking as the API shows it (no internal columns such as the key or the creator). */
export function bookingApiBody(booking: Booking, replayed: boolean) {
	return {
		booking: {
			id: booking.id,
			offerId: booking.offerId,
			schoolId: booking.schoolId,
			classLabel: booking.classLabel,
			seats: booking.seats,
			teacherName: booking.teacherName,
			teacherEmail: booking.teacherEmail,
			pupilFirstNames: booking.pupilFirstNames,
			status: booking.status,
			createdAt: booking.createdAt
		},
		replayed
	};
}

/** A parsed JSON body, validated with the booking form's schema (400 in Danish). */
export function parseBookingBody(
	body: unknown,
	offerId: string,
	idempotencyKey: string
): Result<BookSeatsInput> {
	if (typeof body !== 'object' || body === null || Array.isArray(body)) {
		return refuse(400, m.booking_api_json());
	}
	// The forms' input rule: no control characters or lone surrogates in any string.
	const garbled = forbiddenJsonFields(body);
	if (garbled.length > 0) {
		const errors = Object.fromEntries(garbled.map((field) => [field, m.val_control_chars()]));
		return refuse(400, m.val_control_chars(), errors);
	}
	const parsed = bookingSchema.safeParse({ ...body, offerId, idempotencyKey });
	if (parsed.success) return success(parsed.data);
	const errors: FieldErrors = {};
	for (const issue of parsed.error.issues) {
		const field = issue.path.length ? String(issue.path[0]) : '_form';
		errors[field] ??= issue.message;
	}
	return refuse(400, m.form_fix_errors(), errors);
}
