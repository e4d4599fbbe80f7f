import { m } from '$lib/paraglide/messages.js';
import {
	bookSeats,
	apiError,
	bookingResponse,
	isOfferId,
	parseBookingRequest,
	sameOrigin
} from '$lib/bookings/server';
import type { RequestHandler } from './$types';

/**
 * Books seats on an offer: JSON body as the booking form's fields, an Idempotency-Key header
 * (the same key books once), the session cookie. 201 booked or waitlisted, 200 a replay,
 * 400/401/403/404/409 with a Danish message (see README, "JSON API").
 */
export const POST: RequestHandler = async ({ request, url, params, locals }) => {
	if (!sameOrigin(request, url)) return apiError(403, m.booking_api_origin());
	if (!locals.user) return apiError(401, m.booking_err_login());
	if (!isOfferId(params.id)) return apiError(404, m.offer_err_not_found());
	const parsed = await parseBookingRequest(request, params.id);
	if (!parsed.ok) return parsed.response;
	const result = await bookSeats(locals.db, locals.user, parsed.input);
	if (!result.ok) return apiError(result.status, result.message, result.errors);
	return bookingResponse(result.value.booking, result.value.replayed);
};
