import { m } from '$lib/paraglide/messages.js';
import { addDays, diffDays, isIsoDate } from '$lib/platform/dates/iso';
import { formatWeekRange, type Locale } from '$lib/platform/dates/weeks';
import type { ActivityStatus, Pillar } from '$lib/platform/server/db/schema';
import type { ActivityListItem } from './queries/activities';
import { activitySessions } from '../daily-sessions';
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
	/** Every day of a course on several mornings carries the activity's id: dragged together. */
	groupId: string;
	extendedProps: {
		/** The activity's first day: a drag moves it by as many days as the dragged day moved. */
		activityStart: string;
		/** The user's own organisation's booking of this activity, when the event is one. */
		booking: { id: string; status: CalendarBookingStatus; classLabel: string } | null;
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

/** A booking as the calendar shows it to the booking school. */
export type CalendarBookingStatus = 'requested' | 'confirmed' | 'waitlisted';
export interface CalendarBooking {
	id: string;
	activityId: string;
	status: CalendarBookingStatus;
	classLabel: string;
}

/**
 * The activity as calendar events: one per day when it has daily hours (a course on three
 * mornings is three events, not one 51-hour block), else one. With bookings of the user's own
 * organisation, each booking is its own event (per day), titled with its class and linked to
 * the booking page; its status is written in the event, not told by colour.
 *
 * Dates and times are Copenhagen wall-clock values without an offset: the calendar runs in
 * Europe/Copenhagen. FullCalendar's all-day end is exclusive, ours is inclusive.
 */
export function toCalendarEvents(
	item: ActivityListItem,
	user: RightsUser | null,
	locale: Locale = 'da',
	bookings: CalendarBooking[] = []
): CalendarEvent[] {
	const allDay = item.startTime === null || item.endTime === null;
	const cancelled = item.status === 'cancelled';
	const title = cancelled ? m.cal_api_cancelled_title({ title: item.title }) : item.title;
	const movable = canMoveActivity(user, item);
	const sessions = activitySessions(item);
	const variants =
		bookings.length > 0
			? bookings.map((booking) => ({
					key: `booking-${booking.id}`,
					title: `${title} – ${booking.classLabel}`,
					url: `/bookinger/${booking.id}`,
					booking: { id: booking.id, status: booking.status, classLabel: booking.classLabel }
				}))
			: [{ key: 'activity', title, url: `/aktiviteter/${item.id}`, booking: null }];
	return variants.flatMap((variant) =>
		sessions.map((session) => ({
			id: item.id,
			groupId: `${item.id}/${variant.key}`,
			title: variant.title,
			start: allDay ? session.startDate : `${session.startDate}T${session.startTime}`,
			end: allDay ? addDays(session.endDate, 1) : `${session.endDate}T${session.endTime}`,
			allDay,
			backgroundColor: item.colour,
			borderColor: item.colour,
			textColor: textColourFor(item.colour),
			url: variant.url,
			// A booking is answered on its page; moving the offer is the provider's business.
			startEditable: movable && variant.booking === null,
			// Drag & drop keeps the length; changing it is done in the form.
			durationEditable: false,
			classNames: [
				...(cancelled ? ['activity-cancelled'] : []),
				...(variant.booking ? ['own-booking', `booking-${variant.booking.status}`] : [])
			],
			extendedProps: {
				activityStart: item.startDate,
				booking: variant.booking,
				category: locale === 'en' ? item.categoryNameEn : item.categoryNameDa,
				categoryId: item.categoryId,
				pillar: item.pillar,
				status: item.status,
				weeks: formatWeekRange(item.startDate, item.endDate, locale),
				place: item.place,
				owner: item.ownerName
			}
		}))
	);
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
