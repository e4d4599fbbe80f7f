import type { Kysely } from 'kysely';
import { copenhagenToday } from '$lib/platform/dates/iso';
import { formatSchoolYear, schoolYearRange } from '$lib/platform/dates/school-year';
import type { DB } from '$lib/platform/server/db/schema';
import { canCloseSchoolYear } from './policy';
import type { Actor } from '$lib/auth';
import { countBookingsPerSchoolYear, listClosures } from './queries';

export type SchoolYearStatus = 'closed' | 'closable' | 'running';

export interface SchoolYearRow {
	year: string;
	status: SchoolYearStatus;
	bookings: number;
	/** Bookings still holding pupils' names or teacher details. */
	personal: number;
	closedAt: Date | null;
	bookingsCleared: number | null;
}

/**
 * Every school year with bookings or a closure, newest first, with its status on `now`; null for
 * a user who may not close years.
 */
export async function listSchoolYears(
	db: Kysely<DB>,
	user: Actor | null,
	now: Date = new Date()
): Promise<SchoolYearRow[] | null> {
	if (!canCloseSchoolYear(user)) return null;
	const [counted, closures] = await Promise.all([countBookingsPerSchoolYear(db), listClosures(db)]);
	const today = copenhagenToday(now);
	const rows = new Map<string, SchoolYearRow>();
	for (const c of counted) {
		const year = formatSchoolYear(Number(c.startYear));
		const ended = today > schoolYearRange(year).end;
		rows.set(year, {
			year,
			status: ended ? 'closable' : 'running',
			bookings: Number(c.bookings),
			personal: Number(c.personal),
			closedAt: null,
			bookingsCleared: null
		});
	}
	for (const closure of closures) {
		const row = rows.get(closure.schoolYear);
		rows.set(closure.schoolYear, {
			year: closure.schoolYear,
			bookings: row?.bookings ?? 0,
			personal: row?.personal ?? 0,
			status: 'closed',
			closedAt: closure.closedAt,
			bookingsCleared: closure.bookingsCleared
		});
	}
	return [...rows.values()].sort((a, b) => b.year.localeCompare(a.year));
}
