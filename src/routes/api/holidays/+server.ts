import { json } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { listCalendarHolidays, parseCalendarRange, UUID } from '$lib/activities/server';
import type { RequestHandler } from './$types';

// The default municipality is the user's own: the answer varies by user.
const HEADERS = { 'cache-control': 'private, no-store' };

/** The calendar's second source: public holidays and school holidays, ?start=&end=&municipality=. */
export const GET: RequestHandler = async ({ url, locals }) => {
	const range = parseCalendarRange(url.searchParams.get('start'), url.searchParams.get('end'));
	if (!range.ok) return json({ message: range.message }, { status: 400, headers: HEADERS });
	const municipalityId = url.searchParams.get('municipality') || null;
	if (municipalityId !== null && !UUID.test(municipalityId)) {
		return json(
			{ message: m.cal_api_filter_invalid({ name: 'municipality' }) },
			{ status: 400, headers: HEADERS }
		);
	}
	const holidays = await listCalendarHolidays(locals.db, locals.user, {
		from: range.from,
		to: range.to,
		municipalityId
	});
	return json(holidays, { headers: HEADERS });
};
