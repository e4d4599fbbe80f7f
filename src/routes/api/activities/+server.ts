import { json } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { getLocale } from '$lib/paraglide/runtime';
import { listActivities, parseCalendarRange, toCalendarEvents } from '$lib/activities/server';
import { parseActivityFilters } from '$lib/activities';
import { listOwnBookingsForActivities } from '$lib/bookings/server';
import type { RequestHandler } from './$types';

// Answers vary by user; never let a shared cache keep one user's private activities.
const HEADERS = { 'cache-control': 'private, no-store' };

/** FullCalendar's event source: ?start=&end= plus the wheel's filter parameters. */
export const GET: RequestHandler = async ({ url, locals }) => {
	const range = parseCalendarRange(url.searchParams.get('start'), url.searchParams.get('end'));
	if (!range.ok) return json({ message: range.message }, { status: 400, headers: HEADERS });
	const parsed = parseActivityFilters(url.searchParams);
	if (!parsed.ok) {
		return json(
			{ message: m.cal_api_filter_invalid({ name: parsed.param }) },
			{ status: 400, headers: HEADERS }
		);
	}
	const items = await listActivities(locals.db, locals.user, {
		from: range.from,
		to: range.to,
		filters: parsed.filters
	});
	const own = await listOwnBookingsForActivities(
		locals.db,
		locals.user,
		items.map((item) => item.id)
	);
	const bookings = new Map<string, typeof own>();
	for (const booking of own) {
		bookings.set(booking.activityId, [...(bookings.get(booking.activityId) ?? []), booking]);
	}
	const locale = getLocale() === 'en' ? 'en' : 'da';
	return json(
		items.flatMap((item) => toCalendarEvents(item, locals.user, locale, bookings.get(item.id))),
		{ headers: HEADERS }
	);
};
