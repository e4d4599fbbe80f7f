// When an activity is held. A course on three mornings is stored as one activity (1–3 March,
// 09:00–12:00): its times are the times of each day, not one block from the first morning to the
// last noon. Pure: calendars, feeds and pages share this reading of the stored fields.
import { DateTime } from 'luxon';
import { addDays, diffDays, ZONE, type IsoDate } from '$lib/platform/dates/iso';

export interface ActivityTimes {
	/** Inclusive Copenhagen dates 'YYYY-MM-DD'. */
	startDate: IsoDate;
	endDate: IsoDate;
	/** 'HH:MM' or 'HH:MM:SS' Copenhagen wall time; null = all day. */
	startTime: string | null;
	endTime: string | null;
}

/** One stretch of time in which the activity takes place. */
export interface ActivitySession {
	startDate: IsoDate;
	endDate: IsoDate;
	startTime: string | null;
	endTime: string | null;
	/** The instants in Europe/Copenhagen; for an all-day session midnight to midnight. */
	startsAt: Date;
	endsAt: Date;
}

const hhmm = (time: string) => time.slice(0, 5);

/**
 * Held on several days with the same hours each day. An end time before the start time on a
 * multi-day activity (Friday 16:00 to Sunday 12:00, a camp) cannot be daily hours: it stays one
 * stretch.
 */
export function hasDailyTimes(a: ActivityTimes): boolean {
	return (
		a.startTime !== null &&
		a.endTime !== null &&
		a.endDate > a.startDate &&
		hhmm(a.endTime) > hhmm(a.startTime)
	);
}

/** A Copenhagen wall-clock date and time as an instant (a time skipped in spring moves on). */
export function copenhagenInstant(date: IsoDate, time = '00:00'): Date {
	return DateTime.fromISO(`${date}T${hhmm(time)}`, { zone: ZONE }).toJSDate();
}

function session(
	startDate: IsoDate,
	endDate: IsoDate,
	startTime: string | null,
	endTime: string | null
): ActivitySession {
	const timed = startTime !== null && endTime !== null;
	return {
		startDate,
		endDate,
		startTime: timed ? startTime : null,
		endTime: timed ? endTime : null,
		startsAt: copenhagenInstant(startDate, timed ? startTime : '00:00'),
		endsAt: timed ? copenhagenInstant(endDate, endTime) : copenhagenInstant(addDays(endDate, 1))
	};
}

/**
 * The sessions of an activity in date order: one per day for daily hours, otherwise one (an
 * all-day span, a single day, or a stretch across nights).
 */
export function activitySessions(a: ActivityTimes): ActivitySession[] {
	if (!hasDailyTimes(a)) return [session(a.startDate, a.endDate, a.startTime, a.endTime)];
	const days = diffDays(a.startDate, a.endDate) + 1;
	return Array.from({ length: days }, (_, i) => {
		const day = addDays(a.startDate, i);
		return session(day, day, a.startTime, a.endTime);
	});
}
