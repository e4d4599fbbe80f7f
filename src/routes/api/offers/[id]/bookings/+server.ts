import { json } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import {
	bookSeats,
	bookingApiBody,
	isIdempotencyKey,
	isOfferId,
	parseBookingBody
} from '$lib/bookings/server';
import type { FieldErrors } from '$lib/platform/server';
import type { RequestHandler } from './$types';

/** Answers vary by user and change data: never cached. */
const HEADERS = { 'cache-control': 'no-store' };

function apiError(status: number, message: string, errors?: FieldErrors): Response {
	return json(errors ? { message, errors } : { message }, { status, headers: HEADERS });
}

/** The body as JSON; undefined when it is none. */
async function readJson(request: Request): Promise<unknown> {
	try {
		return await request.json();
	} catch {
		return undefined;
	}
}

/**
 * Books seats on an offer: JSON body as the booking form's fields, an Idempotency-Key header
 * (the same key books once), the session cookie. 201 booked or waitlisted, 200 a replay,
 * 400/401/403/404/409/415 with a Danish message (see README, "JSON API").
 */
export const POST: RequestHandler = async ({ request, url, params, locals }) => {
	// SvelteKit checks Origin only for form posts; a JSON post that changes data checks it
	// itself, so that another site cannot book with a visitor's cookie.
	if (request.headers.get('origin') !== url.origin) return apiError(403, m.booking_api_origin());
	if (!locals.user) return apiError(401, m.booking_err_login());
	if (!isOfferId(params.id)) return apiError(404, m.offer_err_not_found());
	const key = request.headers.get('idempotency-key') ?? '';
	if (!isIdempotencyKey(key)) return apiError(400, m.booking_api_key());
	if (!/^application\/json\b/i.test(request.headers.get('content-type') ?? '')) {
		return apiError(415, m.booking_api_json());
	}
	const parsed = parseBookingBody(await readJson(request), params.id, key);
	if (!parsed.ok) return apiError(parsed.status, parsed.message, parsed.errors);
	const result = await bookSeats(locals.db, locals.user, parsed.value);
	if (!result.ok) return apiError(result.status, result.message, result.errors);
	const { booking, replayed } = result.value;
	// A replay answers as the first request did, but says it created nothing this time.
	return json(bookingApiBody(booking, replayed), {
		status: replayed ? 200 : 201,
		headers: { ...HEADERS, location: `/bookinger/${booking.id}` }
	});
};
