import type { Kysely } from 'kysely';
import type { Actor } from '$lib/auth';
import type { DB } from '$lib/platform/server/db/schema';
import {
	activityListQuery,
	involvesOrganisations,
	type ActivityListItem
} from '$lib/activities/server';

// The SQL of the front page dashboard.

/** The schools that belong to these municipalities. */
export async function listSchoolIdsOf(
	db: Kysely<DB>,
	municipalityIds: readonly string[]
): Promise<string[]> {
	const rows = await db
		.selectFrom('organisation')
		.select('id')
		.where('municipalityId', 'in', municipalityIds)
		.execute();
	return rows.map((r) => r.id);
}

/**
 * Planned activities the user may see that touch [from, until], of these organisations (as owner
 * or participant; 'all' for the whole alliance): by date, all-day ones first, at most `limit`.
 */
export function listUpcomingActivities(
	db: Kysely<DB>,
	user: Actor,
	options: {
		from: string;
		until: string;
		organisationIds: 'all' | readonly string[];
		limit: number;
	}
): Promise<ActivityListItem[]> {
	let query = activityListQuery(db, user)
		.where('activity.endDate', '>=', options.from)
		.where('activity.startDate', '<=', options.until)
		.where('activity.status', '=', 'planned');
	const orgIds = options.organisationIds;
	if (orgIds !== 'all') {
		query = query.where((eb) => involvesOrganisations(eb, orgIds));
	}
	return query
		.orderBy('activity.startDate')
		.orderBy('activity.startTime', (ob) => ob.asc().nullsFirst())
		.orderBy('activity.id')
		.limit(options.limit)
		.execute();
}
