import { m } from '$lib/paraglide/messages.js';
import { addDays, diffDays, isIsoDate } from '$lib/platform/dates/iso';
import { formatWeekRange, type Locale } from '$lib/platform/dates/weeks';
import type { ActivityStatus, Pillar } from '$lib/platform/server/db/schema';
import type { ActivityListItem } from './queries/activities';
import { canMoveActivity, type RightsUser } from './policy';

/** An event object as FullCalendar 6 reads it. */
export interface CalendarEvent {
	id: string;
	title: string;
	start: string;
	end: string;
	allDay: boolean;
	backgroundColor: string;
	borderColor: string;
	textColor: string;
	url: string;
	startEditable: boolean;
	durationEditable: boolean;
	classNames: string[];
	extendedProps: {
		category: string;
		categoryId: string;
		pillar: Pillar;
		status: ActivityStatus;
		weeks: string;
		place: string;
		owner: string;
	};
}

function luminance(hex: string): number {
	const channel = (i: number) => {
		const c = parseInt(hex.slice(i, i + 2), 16) / 255;
		return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
	};
	return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** Black or white, whichever contrasts more with the category colour (WCAG relative luminance). */
export function textColourFor(background: string): '#000000' | '#ffffff' {
	if (!/^#[0-9a-f]{6}$/i.test(background)) return '#000000';
	const l = luminance(background);
	const withBlack = (l + 0.05) / 0.05;
	const withWhite = 1.05 / (l + 0.05);
	return withBlack >= withWhite ? '#000000' : '#ffffff';
}

/**
 * Dates and times are Copenhagen wall-clock values without an offset: the calendar runs in
 * Europe/Copenhagen. FullCalendar's all-day end is exclusive, ours is inclusive.
 */
export function toCalendarEvent(
	item: ActivityListItem,
	user: RightsUser | null,
	locale: Locale = 'da'
): CalendarEvent {
	const allDay = item.startTime === null || item.endTime === null;
	const cancelled = item.status === 'cancelled';
	return {
		id: item.id,
		title: cancelled ? m.cal_api_cancelled_title({ title: item.title }) : item.title,
		start: allDay ? item.startDate : `${item.startDate}T${item.startTime}`,
		end: allDay ? addDays(item.endDate, 1) : `${item.endDate}T${item.endTime}`,
		allDay,
		backgroundColor: item.colour,
		borderColor: item.colour,
		textColor: textColourFor(item.colour),
		url: `/aktiviteter/${item.id}`,
		startEditable: canMoveActivity(user, item),
		// Drag & drop keeps the length; changing it is done in the form.
		durationEditable: false,
		classNames: cancelled ? ['activity-cancelled'] : [],
		extendedProps: {
			category: locale === 'en' ? item.categoryNameEn : item.categoryNameDa,
			categoryId: item.categoryId,
			pillar: item.pillar,
			status: item.status,
			weeks: formatWeekRange(item.startDate, item.endDate, locale),
			place: item.place,
			owner: item.ownerName
		}
	};
}

const MAX_RANGE_DAYS = 400;

const RANGE_VALUE =
	/^(\d{4}-\d{2}-\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$/;

/** The date part of 'YYYY-MM-DD' or an ISO date-time as FullCalendar sends it. */
function parseRangeValue(value: string): { date: string; midnight: boolean } | null {
	const match = RANGE_VALUE.exec(value.trim());
	if (!match || !isIsoDate(match[1])) return null;
	const midnight =
		!match[2] || (match[2] === '00' && match[3] === '00' && (match[4] ?? '00') === '00');
	return { date: match[1], midnight };
}

export type RangeResult = { ok: true; from: string; to: string } | { ok: false; message: string };

/** FullCalendar's visible range [start, end) as an inclusive span of dates [from, to]. */
export function parseCalendarRange(start: string | null, end: string | null): RangeResult {
	if (!start || !end) return { ok: false, message: m.cal_api_range_missing() };
	const from = parseRangeValue(start);
	const until = parseRangeValue(end);
	if (!from || !until) return { ok: false, message: m.cal_api_date_invalid() };
	// An end at midnight is exclusive: the day it names is not shown.
	const to = until.midnight ? addDays(until.date, -1) : until.date;
	if (to < from.date) return { ok: false, message: m.cal_api_range_order() };
	if (diffDays(from.date, to) + 1 > MAX_RANGE_DAYS) {
		return { ok: false, message: m.cal_api_range_too_long({ max: MAX_RANGE_DAYS }) };
	}
	return { ok: true, from: from.date, to };
}
