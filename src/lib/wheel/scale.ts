import {
	addDays,
	daysInMonth,
	formatIsoDate,
	weekday,
	type IsoDate
} from '$lib/platform/dates/iso';
import { isoWeek } from '$lib/platform/dates/weeks';
import type { SchoolYearLabel } from '$lib/platform/dates/school-year';
import { dateToAngle, wheelYear, type WheelYear } from './geometry';

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
		const visibleStart = Math.max(0, dateToAngle(monday, wheel, 'start'));
		const visibleEnd = Math.min(360, dateToAngle(sunday, wheel, 'end'));
		ticks.push({
			...isoWeek(monday),
			monday,
			tickAngle: monday >= wheel.start ? dateToAngle(monday, wheel) : null,
			labelAngle: (visibleStart + visibleEnd) / 2
		});
		monday = addDays(monday, 7);
	}
	return ticks;
}
