import type { Kysely } from 'kysely';
import { addDays } from '$lib/platform/dates/iso';
import type { DB } from '$lib/platform/server/db/schema';
import { activityListQuery, type ActivityListItem } from '$lib/activities/server';
import type { SessionUser } from '$lib/auth/server';
import { schoolYearOf } from '$lib/platform/dates/school-year';
import { loadDuty, type DutyPage } from '$lib/allocation/server';

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
async function followedOrganisationIds(db: Kysely<DB>, user: SessionUser): Promise<string[]> {
	const own = user.memberships.map((m) => m.organisationId);
	const municipalities = user.memberships
		.filter((m) => m.kind === 'municipality')
		.map((m) => m.organisationId);
	if (municipalities.length === 0) return own;
	const schools = await db
		.selectFrom('organisation')
		.select('id')
		.where('municipalityId', 'in', municipalities)
		.execute();
	return [...new Set([...own, ...schools.map((s) => s.id)])];
}

/** What is coming up for the user's organisations (the secretariat: the whole alliance). */
export async function loadDashboard(
	db: Kysely<DB>,
	user: SessionUser,
	today: string
): Promise<Dashboard> {
	const until = addDays(today, HORIZON_DAYS);
	let query = activityListQuery(db, user)
		.where('activity.endDate', '>=', today)
		.where('activity.startDate', '<=', until)
		.where('activity.status', '=', 'planned');
	const orgIds = user.isSecretariat ? [] : await followedOrganisationIds(db, user);
	if (!user.isSecretariat) {
		if (orgIds.length === 0) return { upcoming: [], scopeCount: 0, duty: null };
		query = query.where((eb) =>
			eb.or([
				eb('activity.ownerId', 'in', orgIds),
				eb.exists(
					eb
						.selectFrom('activityParticipant as dp')
						.select(eb.lit(1).as('one'))
						.whereRef('dp.activityId', '=', 'activity.id')
						.where('dp.organisationId', 'in', orgIds)
				)
			])
		);
	}
	const upcoming = await query
		.orderBy('activity.startDate')
		.orderBy('activity.startTime', (ob) => ob.asc().nullsFirst())
		.orderBy('activity.id')
		.limit(LIMIT)
		.execute();
	const duty = await loadDuty(db, user, { schoolYear: schoolYearOf(today), today });
	return { upcoming, scopeCount: orgIds.length, duty };
}
