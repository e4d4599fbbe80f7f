import type { Kysely } from 'kysely';
import { danishPublicHolidays } from '$lib/platform/dates/holidays';
import type { DB } from '$lib/platform/server/db/schema';
import { UUID } from './core';
import type { RightsUser } from './policy';
import {
	holidayMunicipalitiesOf,
	isMunicipalityId,
	schoolHolidaysBetween
} from './queries/holidays';

/** A day or span off school: a Danish public holiday or a municipality's school holiday. */
export interface CalendarHoliday {
	kind: 'public' | 'school';
	name: string;
	/** Inclusive dates. */
	startDate: string;
	endDate: string;
	/** The municipality of a school holiday; null for a public holiday. */
	municipality: string | null;
}

/**
 * Public holidays, and the school holidays of the chosen municipality — or, without a choice,
 * of the user's own (a school's municipality, a municipality's own). School holidays are
 * public information: anyone may see any municipality's.
 */
export async function listCalendarHolidays(
	db: Kysely<DB>,
	user: RightsUser | null,
	range: { from: string; to: string; municipalityId?: string | null }
): Promise<CalendarHoliday[]> {
	const chosen =
		range.municipalityId && UUID.test(range.municipalityId) ? range.municipalityId : null;
	const municipalities = chosen
		? (await isMunicipalityId(db, chosen))
			? [chosen]
			: []
		: await holidayMunicipalitiesOf(db, user?.memberships.map((m) => m.organisationId) ?? []);
	const school = await schoolHolidaysBetween(db, municipalities, range.from, range.to);
	return [
		...danishPublicHolidays(range.from, range.to).map((holiday): CalendarHoliday => ({
			kind: 'public',
			name: holiday.name,
			startDate: holiday.date,
			endDate: holiday.date,
			municipality: null
		})),
		...school.map((row): CalendarHoliday => ({
			kind: 'school',
			name: row.name,
			startDate: row.startDate,
			endDate: row.endDate,
			municipality: municipalities.length > 1 ? row.municipalityName : null
		}))
	].sort((a, b) => a.startDate.localeCompare(b.startDate) || a.kind.localeCompare(b.kind));
}
