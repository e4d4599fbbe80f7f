import { sql, type Kysely } from 'kysely';
import type { Actor } from '$lib/auth';
import type { ActivityFilters } from '$lib/activities';
import { filterConditions, visibleActivitiesQuery } from '$lib/activities/server';
import type { DB } from '$lib/platform/server/db/schema';
import { selectJsonRows } from '$lib/platform/server/db/json-rows';

// The wheel's SQL: its categories, activities and holidays, and the fingerprint of all of them.

/** Categories by ring and sort (the wheel then groups them by pillar). */
export function listCategories(db: Kysely<DB>) {
	return db
		.selectFrom('category')
		.select(['id', 'nameDa', 'nameEn', 'pillar', 'colour', 'ring', 'sort'])
		.orderBy('ring')
		.orderBy('sort')
		.orderBy('nameDa')
		.execute();
}

/** The municipality's school holidays touching [from, to], in date order. */
export function listHolidaysBetween(
	db: Kysely<DB>,
	municipalityId: string,
	from: string,
	to: string
) {
	return db
		.selectFrom('schoolHoliday')
		.select(['name', 'startDate', 'endDate'])
		.where('municipalityId', '=', municipalityId)
		.where('startDate', '<=', to)
		.where('endDate', '>=', from)
		.orderBy('startDate')
		.execute();
}

export interface WheelActivityQuery {
	from: string;
	to: string;
	filters?: ActivityFilters;
	/** The embed: public, planned activities only. */
	publicOnly?: boolean;
}

/**
 * The activities touching [from, to] that the user may see, filtered, in the wheel's order. Nine
 * columns rather than listActivities' nineteen, carried as one JSON value (selectJsonRows): on
 * the embedded engine most of the query's cost is per value decoded.
 */
export function listWheelActivities(db: Kysely<DB>, user: Actor | null, query: WheelActivityQuery) {
	let select = visibleActivitiesQuery(db, user)
		.innerJoin('organisation as owner', 'owner.id', 'activity.ownerId')
		.select([
			'activity.id',
			'activity.title',
			'activity.categoryId',
			'activity.startDate',
			'activity.endDate',
			'activity.startTime',
			'activity.endTime',
			'activity.status',
			'owner.name as ownerName'
		])
		.where('activity.startDate', '<=', query.to)
		.where('activity.endDate', '>=', query.from)
		.where(filterConditions(query.filters ?? {}));
	if (query.publicOnly) {
		select = select
			.where('activity.visibility', '=', 'public')
			.where('activity.status', '=', 'planned');
	}
	return selectJsonRows(
		db,
		select
			.orderBy('activity.startDate')
			// All-day activities before timed ones on the same day.
			.orderBy('activity.startTime', (ob) => ob.asc().nullsFirst())
			.orderBy('activity.title')
			.orderBy('activity.id')
	);
}

/**
 * A fingerprint of everything an exported wheel draws: the activities and who takes part,
 * organisation names, categories and school holidays, hashed from the rows themselves (so it
 * does not depend on every writer stamping updated_at). One query: a few ms for 2,000
 * activities, against the ~1 s a PNG costs to draw.
 */
export async function wheelDataVersion(db: Kysely<DB>): Promise<string> {
	const { rows } = await sql<{ version: string }>`
		select concat_ws(':',
			(select md5(coalesce(string_agg(a::text, '|' order by a.id), '')) from activity a),
			(select md5(coalesce(string_agg(p::text, '|' order by p::text), ''))
				from activity_participant p),
			(select md5(coalesce(string_agg(o.id || o.name, '|' order by o.id), '')) from organisation o),
			(select md5(coalesce(string_agg(c::text, '|' order by c.id), '')) from category c),
			(select md5(coalesce(string_agg(h::text, '|' order by h.id), '')) from school_holiday h)
		) as version`.execute(db);
	return rows[0].version;
}
