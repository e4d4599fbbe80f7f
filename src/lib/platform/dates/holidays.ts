import Holidays from 'date-holidays';
import { compareDates, parseIsoDate, type IsoDate } from './iso';

export interface PublicHoliday {
	date: IsoDate;
	name: string;
}

const denmark = new Holidays('DK', { types: ['public'] });
const byYear = new Map<number, PublicHoliday[]>();

/**
 * Store bededag was abolished as a public holiday from 2024. date-holidays 3.37 already ends the
 * rule 'prior to 2024'; the filter keeps that true should a data update ever bring it back.
 */
function isAbolishedStoreBededag(year: number, name: string): boolean {
	return year >= 2024 && /bededag/i.test(name);
}

function holidaysOfYear(year: number): PublicHoliday[] {
	let holidays = byYear.get(year);
	if (!holidays) {
		holidays = denmark
			.getHolidays(year, 'da')
			.filter((holiday) => holiday.type === 'public')
			// `date` is local to Denmark ('2027-03-25 00:00:00'), unlike `start`, which is an instant.
			.map((holiday) => ({ date: holiday.date.slice(0, 10), name: holiday.name }))
			.filter((holiday) => !isAbolishedStoreBededag(year, holiday.name));
		byYear.set(year, holidays);
	}
	return holidays;
}

function yearOf(date: IsoDate): number {
	const parts = parseIsoDate(date);
	if (!parts) throw new Error(`Not a valid date: ${JSON.stringify(date)}`);
	return parts.year;
}

/** Danish public holidays from `from` to `to`, both inclusive, in date order. */
export function danishPublicHolidays(from: IsoDate, to: IsoDate): PublicHoliday[] {
	const result: PublicHoliday[] = [];
	for (let year = yearOf(from); year <= yearOf(to); year++) {
		for (const holiday of holidaysOfYear(year)) {
			if (compareDates(holiday.date, from) >= 0 && compareDates(holiday.date, to) <= 0) {
				result.push(holiday);
			}
		}
	}
	return result;
}

export function publicHolidayOn(date: IsoDate): PublicHoliday | null {
	return holidaysOfYear(yearOf(date)).find((holiday) => holiday.date === date) ?? null;
}

export function isPublicHoliday(date: IsoDate): boolean {
	return publicHolidayOn(date) !== null;
}
