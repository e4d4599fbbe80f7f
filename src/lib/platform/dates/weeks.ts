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
	return formatIsoWeekRange(isoWeek(start), isoWeek(end), locale);
}

/** formatWeekRange of the weeks already known. */
export function formatIsoWeekRange(first: IsoWeek, last: IsoWeek, locale: Locale = 'da'): string {
	const words = WEEK_WORD[locale];
	const sameWeek = first.week === last.week && first.weekYear === last.weekYear;
	return sameWeek ? `${words.one} ${first.week}` : `${words.many} ${first.week}–${last.week}`;
}

/** What `<input type="week">` sends: '2027-W06'. */
export function formatIsoWeekValue({ weekYear, week }: IsoWeek): string {
	return `${weekYear}-W${String(week).padStart(2, '0')}`;
}

const WEEK_ONLY = /^(?:uge|week|u)?\s*\.?\s*(\d{1,2})$/;
const WEEK_AND_YEAR = /^(?:uge|week|u)?\s*\.?\s*(\d{1,2})\s*(?:[/,-]|\s)\s*(\d{4})$/;
const ISO_WEEK = /^(\d{4})\s*-?\s*w\s*(\d{1,2})$/;

/**
 * A week as people type it where the browser has no week picker: 'uge 44', '44', '44/2027',
 * 'uge 44 2027' and the picker's own '2027-W44'. A week without a year is the next one with that
 * number: this year's while it has not ended, else next year's. Null when it is no week.
 */
export function parseWeekInput(text: string, today: IsoDate): IsoWeek | null {
	const value = text.trim().toLowerCase().replace(/\s+/g, ' ');
	let weekYear: number;
	let week: number;
	const iso = ISO_WEEK.exec(value);
	const withYear = WEEK_AND_YEAR.exec(value);
	const alone = WEEK_ONLY.exec(value);
	if (iso) {
		weekYear = Number(iso[1]);
		week = Number(iso[2]);
	} else if (withYear) {
		week = Number(withYear[1]);
		weekYear = Number(withYear[2]);
	} else if (alone) {
		week = Number(alone[1]);
		const now = isoWeek(today);
		weekYear = week >= now.week ? now.weekYear : now.weekYear + 1;
	} else {
		return null;
	}
	return isValidIsoWeek(weekYear, week) ? { weekYear, week } : null;
}
