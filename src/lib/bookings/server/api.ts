import { json } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { bookingSchema } from '$lib/bookings/schema';
import { forbiddenJsonFields } from '$lib/platform/input-text';
import type { Booking } from '$lib/platform/server/db/schema';
import type { BookSeatsInput } from './booking';
import { UUID, type FieldErrors } from '$lib/platform/server/http/result';

// The JSON booking endpoint (POST /api/offers/[id]/bookings) for programmatic clients: the same
// bookSeats as the offer page's form, without a page around it. Messages are Danish (the locale
// middleware, which copies every request, is skipped there: see hooks.server.ts).

/** Answers vary by user and change data: never cached. */
const HEADERS = { 'cache-control': 'no-store' };
const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{8,100}$/;

export function apiError(status: number, message: string, errors?: FieldErrors): Response {
	return json(errors ? { message, errors } : { message }, { status, headers: HEADERS });
}

/** The booking as the API shows it (no internal columns such as the key or the creator). */
export function bookingResponse(booking: Booking, replayed: boolean): Response {
	const body = {
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
	// A replay answers as the first request did, but says it created nothing this time.
	const status = replayed ? 200 : 201;
	return json(body, { status, headers: { ...HEADERS, location: `/bookinger/${booking.id}` } });
}

/**
 * SvelteKit checks Origin only for form posts; a JSON post that changes data checks it itself,
 * so that another site cannot book with a visitor's cookie.
 */
export function sameOrigin(request: Request, url: URL): boolean {
	return request.headers.get('origin') === url.origin;
}

export type ParsedBooking = { ok: true; input: BookSeatsInput } | { ok: false; response: Response };

/** Header, content type and body, validated with the booking form's schema (400 in Danish). */
export async function parseBookingRequest(
	request: Request,
	offerId: string
): Promise<ParsedBooking> {
	const fail = (status: number, message: string, errors?: FieldErrors) => ({
		ok: false as const,
		response: apiError(status, message, errors)
	});
	const key = request.headers.get('idempotency-key') ?? '';
	if (!IDEMPOTENCY_KEY.test(key)) return fail(400, m.booking_api_key());
	const type = request.headers.get('content-type') ?? '';
	if (!/^application\/json\b/i.test(type)) return fail(415, m.booking_api_json());
	let body: unknown;
	try {
		body = await request.json();
	} catch {
		return fail(400, m.booking_api_json());
	}
	if (typeof body !== 'object' || body === null || Array.isArray(body)) {
		return fail(400, m.booking_api_json());
	}
	// The forms' input rule: no control characters or lone surrogates in any string.
	const garbled = forbiddenJsonFields(body);
	if (garbled.length > 0) {
		const errors = Object.fromEntries(garbled.map((field) => [field, m.val_control_chars()]));
		return fail(400, m.val_control_chars(), errors);
	}
	const parsed = bookingSchema.safeParse({ ...body, offerId, idempotencyKey: key });
	if (parsed.success) return { ok: true, input: parsed.data };
	const errors: FieldErrors = {};
	for (const issue of parsed.error.issues) {
		const field = issue.path.length ? String(issue.path[0]) : '_form';
		errors[field] ??= issue.message;
	}
	return fail(400, m.form_fix_errors(), errors);
}

/** A malformed offer id is an offer that does not exist. */
export const isOfferId = (id: string) => UUID.test(id);
