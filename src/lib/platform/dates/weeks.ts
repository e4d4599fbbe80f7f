import {
	addDays,
	datePartsOf,
	epochDayOf,
	fromEpochDay,
	toEpochDay,
	weekdayOfEpochDay,
	type IsoDate,
	type Weekday
} from './iso';

export interface IsoWeek {
	weekYear: number;
	week: number;
}

export type Locale = 'da' | 'en';

export function isoWeek(date: IsoDate): IsoWeek {
	return isoWeekOfEpochDay(toEpochDay(date));
}

function isoWeekOfEpochDay(epochDay: number): IsoWeek {
	// The ISO week belongs to the year that holds its Thursday.
	const thursday = epochDay + 4 - weekdayOfEpochDay(epochDay);
	const weekYear = datePartsOf(thursday).year;
	const january1 = epochDayOf({ year: weekYear, month: 1, day: 1 });
	return { weekYear, week: Math.floor((thursday - january1) / 7) + 1 };
}

export function weeksInYear(weekYear: number): 52 | 53 {
	// 28 December always lies in the last ISO week of its year.
	return isoWeekOfEpochDay(epochDayOf({ year: weekYear, month: 12, day: 28 })).week as 52 | 53;
}

function isValidIsoWeek(weekYear: number, week: number): boolean {
	return Number.isInteger(week) && week >= 1 && week <= weeksInYear(weekYear);
}

export function mondayOfIsoWeek(weekYear: number, week: number): IsoDate | null {
	if (!isValidIsoWeek(weekYear, week)) return null;
	// 4 January is always in week 1.
	const january4 = epochDayOf({ year: weekYear, month: 1, day: 4 });
	const mondayOfWeek1 = january4 - (weekdayOfEpochDay(january4) - 1);
	return fromEpochDay(mondayOfWeek1 + (week - 1) * 7);
}

export function dateFromIsoWeek(weekYear: number, week: number, day: Weekday): IsoDate | null {
	const monday = mondayOfIsoWeek(weekYear, week);
	return monday === null ? null : addDays(monday, day - 1);
}

const WEEK_WORD: Record<Locale, { one: string; many: string }> = {
	da: { one: 'uge', many: 'uge' },
	en: { one: 'week', many: 'weeks' }
};

/** 'uge 42', 'uge 41–42', 'uge 52–1'. */
export function formatWeekRange(
	start: IsoDate,
	end: IsoDate = start,
	locale: Locale = 'da'
): string {
	const first = isoWeek(start);
	const last = isoWeek(end);
	const words = WEEK_WORD[locale];
	const sameWeek = first.week === last.week && first.weekYear === last.weekYear;
	return sameWeek ? `${words.one} ${first.week}` : `${words.many} ${first.week}–${last.week}`;
}
