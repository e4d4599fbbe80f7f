import type { PublicHoliday } from '$lib/platform/dates/holidays';
import type { Locale } from '$lib/platform/dates/weeks';
import type { SchoolHolidaySpan, WheelCategoryInfo } from './server/wheel';

/** What every page that draws the wheel loads beside its activities (the page, print, embed). */
export interface WheelPageData {
	categories: WheelCategoryInfo[];
	holidays: SchoolHolidaySpan[];
	publicHolidays: PublicHoliday[];
	now: Date;
	year: string;
	lang: Locale;
}

/** The wheel's props that come straight from such page data: `<Wheel {...wheelProps(data)} />`. */
export function wheelProps(data: WheelPageData) {
	return {
		categories: data.categories,
		holidays: data.holidays,
		publicHolidays: data.publicHolidays,
		today: data.now,
		year: data.year,
		locale: data.lang
	};
}
