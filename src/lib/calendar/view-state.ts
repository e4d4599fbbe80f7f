// The calendar page's position (view and date) and filters, kept in the URL so that a reload, a
// bookmark or a shared link comes back to the same place. Pure: no DOM, no FullCalendar.
import { filtersToParams, type ActivityFilters } from '$lib/activities';
import {
	addDays,
	daysInMonth,
	formatIsoDate,
	isIsoDate,
	parseIsoDate,
	weekday,
	type IsoDate
} from '$lib/platform/dates/iso';

export const CALENDAR_VIEWS = {
	month: 'dayGridMonth',
	week: 'timeGridWeek',
	list: 'listMonth',
	// A school year, August to July (defined in fullcalendar.ts).
	year: 'multiMonthSchoolYear'
} as const;
export type CalendarView = keyof typeof CALENDAR_VIEWS;
export type FullCalendarView = (typeof CALENDAR_VIEWS)[CalendarView];
export const VIEW_NAMES = Object.keys(CALENDAR_VIEWS) as CalendarView[];

export function parseCalendarView(value: string | null | undefined): CalendarView {
	return VIEW_NAMES.find((view) => view === value) ?? 'month';
}

export function viewFromFullCalendar(type: string): CalendarView {
	return VIEW_NAMES.find((view) => CALENDAR_VIEWS[view] === type) ?? 'month';
}

/** A valid date between the years 1900 and 2200, else the fallback (usually today). */
export function parseCalendarDate(value: string | null | undefined, fallback: IsoDate): IsoDate {
	if (!isIsoDate(value)) return fallback;
	const year = parseIsoDate(value)!.year;
	return year >= 1900 && year <= 2200 ? value : fallback;
}

/**
 * The browser-local calendar date of a Date. FullCalendar runs with timeZone 'local', so the day
 * the user dropped an event on is the local day, not the UTC one (toISOString would shift it).
 */
export function toLocalIsoDate(date: Date): IsoDate {
	return formatIsoDate({
		year: date.getFullYear(),
		month: date.getMonth() + 1,
		day: date.getDate()
	});
}

/** The days an event covers, inclusive. FullCalendar's all-day end is exclusive (the day after). */
export function eventDateSpan(start: Date, end: Date | null, allDay: boolean): DateSpan {
	const from = toLocalIsoDate(start);
	if (!end) return { from, to: from };
	const last = allDay ? addDays(toLocalIsoDate(end), -1) : toLocalIsoDate(end);
	return { from, to: last < from ? from : last };
}

export interface DateSpan {
	/** First day, inclusive. */
	from: IsoDate;
	/** Last day, inclusive. */
	to: IsoDate;
}

/** The days a view shows around a date: its month, ISO week (Monday–Sunday) or school year. */
export function visibleRange(view: CalendarView, date: IsoDate): DateSpan {
	const { year, month } = parseIsoDate(date)!;
	if (view === 'week') {
		const monday = addDays(date, 1 - weekday(date));
		return { from: monday, to: addDays(monday, 6) };
	}
	if (view === 'year') {
		const start = month >= 8 ? year : year - 1;
		return { from: `${start}-08-01`, to: `${start + 1}-07-31` };
	}
	return {
		from: formatIsoDate({ year, month, day: 1 }),
		to: formatIsoDate({ year, month, day: daysInMonth(year, month) })
	};
}

/** The start of the period `steps` periods before or after the one holding `date`. */
export function shiftPeriod(view: CalendarView, date: IsoDate, steps: number): IsoDate {
	const { from } = visibleRange(view, date);
	const { year, month } = parseIsoDate(from)!;
	if (view === 'week') return addDays(from, 7 * steps);
	if (view === 'year') return formatIsoDate({ year: year + steps, month: 8, day: 1 });
	const index = year * 12 + (month - 1) + steps;
	return formatIsoDate({ year: Math.floor(index / 12), month: (index % 12) + 1, day: 1 });
}

/** '?pillar=…&category=…&view=month&date=2027-02-01': the filters first, then the position. */
export function calendarSearch(
	filters: ActivityFilters,
	position: { view?: CalendarView; date?: IsoDate }
): string {
	const params = filtersToParams(filters);
	if (position.view) params.set('view', position.view);
	if (position.date) params.set('date', position.date);
	const search = params.toString();
	return search ? `?${search}` : '';
}

/**
 * The JSON feed URL for a range. Built here rather than with FullCalendar's extraParams, which
 * flattens an array into one comma-joined value and so loses repeated `category` parameters.
 */
export function eventsUrl(filters: ActivityFilters, start: string, end: string): string {
	const params = filtersToParams(filters);
	params.set('start', start);
	params.set('end', end);
	return `/api/activities?${params}`;
}

/** The holidays for a range: the filtered municipality's school holidays, else the user's own. */
export function holidaysUrl(filters: ActivityFilters, start: string, end: string): string {
	const params = new URLSearchParams({ start, end });
	if (filters.municipalityId) params.set('municipality', filters.municipalityId);
	return `/api/holidays?${params}`;
}
