import {
	addDays,
	daysInMonth,
	formatIsoDate,
	weekday,
	type IsoDate
} from '$lib/platform/dates/iso';
import { isoWeek } from '$lib/platform/dates/weeks';
import type { SchoolYearLabel } from '$lib/platform/dates/school-year';
import { dateToAngle, spanAngles, wheelYear, type WheelYear } from './geometry';

/** The month and week scale around the wheel (split from geometry.ts to keep both small). */
export interface MonthSector {
	year: number;
	month: number;
	start: IsoDate;
	end: IsoDate;
	startAngle: number;
	endAngle: number;
}

export interface WeekTick {
	weekYear: number;
	week: number;
	monday: IsoDate;
	/** Where the week begins; null for the week already running on 1 August. */
	tickAngle: number | null;
	/** Middle of the part of the week inside the school year, for its number. */
	labelAngle: number;
	/** Degrees of that part: a week squeezed into the context may have no room for its number. */
	sweep: number;
}

export interface DayTick {
	date: IsoDate;
	day: number;
	startAngle: number;
	endAngle: number;
}

/** The twelve months from August to July. */
export function monthSectors(year: SchoolYearLabel | WheelYear): MonthSector[] {
	const wheel = wheelYear(year);
	const firstYear = Number(wheel.start.slice(0, 4));
	return Array.from({ length: 12 }, (_, index) => {
		const month = ((7 + index) % 12) + 1;
		const calendarYear = month >= 8 ? firstYear : firstYear + 1;
		const start = formatIsoDate({ year: calendarYear, month, day: 1 });
		const end = formatIsoDate({ year: calendarYear, month, day: daysInMonth(calendarYear, month) });
		return {
			year: calendarYear,
			month,
			start,
			end,
			startAngle: dateToAngle(start, wheel, 'start'),
			endAngle: dateToAngle(end, wheel, 'end')
		};
	});
}

/** Every ISO week that touches the school year, in order (uge 53 included when it exists). */
export function weekTicks(year: SchoolYearLabel | WheelYear): WeekTick[] {
	const wheel = wheelYear(year);
	const ticks: WeekTick[] = [];
	let monday = addDays(wheel.start, 1 - weekday(wheel.start));
	while (monday <= wheel.end) {
		const sunday = addDays(monday, 6);
		// The part inside the year, and on the focus's side of its seam.
		const visible = spanAngles(monday, sunday, wheel)!;
		ticks.push({
			...isoWeek(monday),
			monday,
			tickAngle: monday >= wheel.start && !visible.clippedStart ? dateToAngle(monday, wheel) : null,
			labelAngle: (visible.startAngle + visible.endAngle) / 2,
			sweep: visible.endAngle - visible.startAngle
		});
		monday = addDays(monday, 7);
	}
	return ticks;
}

/** The days of the focus (a zoomed period), for day ticks; none without a focus. */
export function dayTicks(year: SchoolYearLabel | WheelYear): DayTick[] {
	const wheel = wheelYear(year);
	if (!wheel.focus) return [];
	const first = addDays(wheel.start, wheel.focus.startIndex);
	return Array.from({ length: wheel.focus.days }, (_, i) => {
		const date = addDays(first, i);
		return {
			date,
			day: Number(date.slice(8, 10)),
			startAngle: dateToAngle(date, wheel, 'start'),
			endAngle: dateToAngle(date, wheel, 'end')
		};
	});
}
