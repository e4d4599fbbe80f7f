import type { Kysely } from 'kysely';
import { addDays } from '$lib/platform/dates/iso';
import type { DB } from '$lib/platform/server/db/schema';
import type { ActivityListItem } from '$lib/activities/server';
import type { Actor } from '$lib/auth';
import { schoolYearOf } from '$lib/platform/dates/school-year';
import { loadDuty, type DutyPage } from '$lib/allocation/server';
import { listSchoolIdsOf, listUpcomingActivities } from './queries';

export interface Dashboard {
	upcoming: ActivityListItem[];
	/** Organisations whose activities the upcoming list covers. */
	scopeCount: number;
	/** The erhvervspraktik duty of the user's schools this school year; null when none. */
	duty: DutyPage | null;
}

const HORIZON_DAYS = 60;
const LIMIT = 12;

/**
 * The organisations whose plan a user follows: their own, and for a municipality user also
 * the schools of that municipality.
 */
async function followedOrganisationIds(db: Kysely<DB>, user: Actor): Promise<string[]> {
	const own = user.memberships.map((m) => m.organisationId);
	const municipalities = user.memberships
		.filter((m) => m.kind === 'municipality')
		.map((m) => m.organisationId);
	if (municipalities.length === 0) return own;
	const schools = await listSchoolIdsOf(db, municipalities);
	return [...new Set([...own, ...schools])];
}

/** What is coming up for the user's organisations (the secretariat: the whole alliance). */
export async function loadDashboard(
	db: Kysely<DB>,
	user: Actor,
	today: string
): Promise<Dashboard> {
	const until = addDays(today, HORIZON_DAYS);
	const orgIds = user.isSecretariat ? [] : await followedOrganisationIds(db, user);
	if (!user.isSecretariat && orgIds.length === 0)
		return { upcoming: [], scopeCount: 0, duty: null };
	const upcoming = await listUpcomingActivities(db, user, {
		from: today,
		until,
		organisationIds: user.isSecretariat ? 'all' : orgIds,
		limit: LIMIT
	});
	const duty = await loadDuty(db, user, { schoolYear: schoolYearOf(today), today });
	return { upcoming, scopeCount: orgIds.length, duty };
}
