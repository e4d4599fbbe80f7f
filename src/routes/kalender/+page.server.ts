import { copenhagenToday } from '$lib/platform/dates/iso';
import { parseFilters } from '$lib/activities';
import { parseCalendarDate, parseCalendarView, visibleRange } from '$lib/calendar';
import { listActivities, listCalendarHolidays, listFilterOptions } from '$lib/activities/server';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, locals }) => {
	const params = url.searchParams;
	const filters = parseFilters(params);
	const view = parseCalendarView(params.get('view'));
	const date = parseCalendarDate(params.get('date'), copenhagenToday());
	const range = visibleRange(view, date);
	const db = locals.db;
	const options = await listFilterOptions(db);
	// The server-rendered list serves visitors without JavaScript and is the fallback until the
	// calendar has loaded; the calendar itself fetches from /api/activities.
	const items = await listActivities(db, locals.user, { ...range, filters });
	const activities = items.map((item) => ({
		id: item.id,
		title: item.title,
		startDate: item.startDate,
		endDate: item.endDate,
		startTime: item.startTime,
		endTime: item.endTime,
		cancelled: item.status === 'cancelled',
		categoryNameDa: item.categoryNameDa,
		categoryNameEn: item.categoryNameEn,
		colour: item.colour
	}));
	const holidays = await listCalendarHolidays(db, locals.user, {
		...range,
		municipalityId: filters.municipalityId
	});
	return {
		filters,
		view,
		viewChosen: params.has('view'),
		date,
		range,
		options,
		activities,
		holidays,
		editable: locals.user !== null
	};
};
