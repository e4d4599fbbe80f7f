import { isIsoDate } from '$lib/platform/dates/iso';
import { schoolYearRange } from '$lib/platform/dates/school-year';

/** Activities live in the school years the alliance plans for; anything else is a typo. */
export const FIRST_SCHOOL_YEAR = '2020/21';
export const LAST_SCHOOL_YEAR = '2035/36';
export const ACTIVITY_DATE_MIN = schoolYearRange(FIRST_SCHOOL_YEAR).start;
export const ACTIVITY_DATE_MAX = schoolYearRange(LAST_SCHOOL_YEAR).end;

/** A valid date inside the planning range (plain string comparison works for 'YYYY-MM-DD'). */
export function isWithinActivityRange(date: string): boolean {
	return isIsoDate(date) && date >= ACTIVITY_DATE_MIN && date <= ACTIVITY_DATE_MAX;
}
