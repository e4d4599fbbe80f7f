import { DateTime } from 'luxon';

/** A Copenhagen calendar date, 'YYYY-MM-DD'. */
export type IsoDate = string;
/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export const ZONE = 'Europe/Copenhagen';

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

export interface DateParts {
	year: number;
	month: number;
	day: number;
}

export function isLeapYear(year: number): boolean {
	return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
	if (month === 2) return isLeapYear(year) ? 29 : 28;
	return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function daysInYear(year: number): number {
	return isLeapYear(year) ? 366 : 365;
}

function digitsAt(value: string, from: number, to: number): number {
	let result = 0;
	for (let index = from; index < to; index++) {
		const digit = value.charCodeAt(index) - 48;
		if (digit < 0 || digit > 9) return -1;
		result = result * 10 + digit;
	}
	return result;
}

// Hand-rolled rather than a RegExp: dates are parsed thousands of times per wheel layout.
export function parseIsoDate(value: string): DateParts | null {
	if (typeof value !== 'string' || value.length !== 10) return null;
	if (value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return null;
	const year = digitsAt(value, 0, 4);
	const month = digitsAt(value, 5, 7);
	const day = digitsAt(value, 8, 10);
	if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
	return { year, month, day };
}

export function isIsoDate(value: unknown): value is IsoDate {
	return typeof value === 'string' && parseIsoDate(value) !== null;
}

export function isTime(value: unknown): value is string {
	return typeof value === 'string' && TIME.test(value);
}

/** The parts of a date known to be valid; a bad one is a programming error and throws. */
export function requireDateParts(date: IsoDate): DateParts {
	const parts = parseIsoDate(date);
	if (!parts) throw new Error(`Not a valid date: ${JSON.stringify(date)}`);
	return parts;
}

function pad2(n: number): string {
	return n < 10 ? `0${n}` : String(n);
}

export function formatIsoDate({ year, month, day }: DateParts): IsoDate {
	return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

/**
 * Days since 1970-01-01 in the proleptic Gregorian calendar (Hinnant's days_from_civil).
 * Plain integer arithmetic keeps calendar dates free of any time zone and of DST.
 */
export function epochDayOf({ year, month, day }: DateParts): number {
	const y = month <= 2 ? year - 1 : year;
	const era = Math.floor(y / 400);
	const yearOfEra = y - era * 400;
	const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
	const dayOfEra =
		yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
	return era * 146097 + dayOfEra - 719468;
}

/** The inverse of epochDayOf (Hinnant's civil_from_days). */
export function datePartsOf(epochDay: number): DateParts {
	const z = epochDay + 719468;
	const era = Math.floor(z / 146097);
	const dayOfEra = z - era * 146097;
	const yearOfEra = Math.floor(
		(dayOfEra -
			Math.floor(dayOfEra / 1460) +
			Math.floor(dayOfEra / 36524) -
			Math.floor(dayOfEra / 146096)) /
			365
	);
	const dayOfYear =
		dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
	const mp = Math.floor((5 * dayOfYear + 2) / 153);
	const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
	const month = mp < 10 ? mp + 3 : mp - 9;
	return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export function toEpochDay(date: IsoDate): number {
	return epochDayOf(requireDateParts(date));
}

export function fromEpochDay(epochDay: number): IsoDate {
	return formatIsoDate(datePartsOf(epochDay));
}

/** ISO weekday of a day number; 1970-01-01 was a Thursday. */
export function weekdayOfEpochDay(epochDay: number): Weekday {
	return (((((epochDay + 3) % 7) + 7) % 7) + 1) as Weekday;
}

export function addDays(date: IsoDate, days: number): IsoDate {
	return fromEpochDay(toEpochDay(date) + days);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function diffDays(from: IsoDate, to: IsoDate): number {
	return toEpochDay(to) - toEpochDay(from);
}

export function weekday(date: IsoDate): Weekday {
	return weekdayOfEpochDay(toEpochDay(date));
}

export function compareDates(a: IsoDate, b: IsoDate): -1 | 0 | 1 {
	const delta = toEpochDay(a) - toEpochDay(b);
	return delta < 0 ? -1 : delta > 0 ? 1 : 0;
}

export function minDate(a: IsoDate, b: IsoDate): IsoDate {
	return compareDates(a, b) <= 0 ? a : b;
}

/** Inclusive spans [aStart, aEnd] and [bStart, bEnd] share at least one day. */
export function spansOverlap(
	aStart: IsoDate,
	aEnd: IsoDate,
	bStart: IsoDate,
	bEnd: IsoDate
): boolean {
	return compareDates(aStart, bEnd) <= 0 && compareDates(bStart, aEnd) <= 0;
}

/** The calendar date in Copenhagen at the instant `now`, whatever the server's zone. */
export function copenhagenToday(now: Date = new Date()): IsoDate {
	return DateTime.fromJSDate(now, { zone: ZONE }).toISODate()!;
}

/**
 * How far through its Copenhagen day the instant `now` is, from 0 to 1.
 * Measured against that day's real length, so 23- and 25-hour DST days still end at 1.
 */
export function copenhagenDayFraction(now: Date = new Date()): number {
	const local = DateTime.fromJSDate(now, { zone: ZONE });
	const startOfDay = local.startOf('day');
	const dayLength = startOfDay.plus({ days: 1 }).toMillis() - startOfDay.toMillis();
	return (local.toMillis() - startOfDay.toMillis()) / dayLength;
}
