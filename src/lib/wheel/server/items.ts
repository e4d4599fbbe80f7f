import type { Kysely } from 'kysely';
import type { ActivityFilters } from '$lib/activities';
import type { DB } from '$lib/platform/server/db/schema';
import { filterConditions, visibleActivitiesQuery, type RightsUser } from '$lib/activities/server';

/** Only what the wheel and the list need, so the page data stays small for thousands of arcs. */
export interface WheelItem {
	id: string;
	title: string;
	categoryId: string;
	start: string;
	end: string;
	startTime: string | null;
	endTime: string | null;
	cancelled: boolean;
	ownerName: string;
}

export interface WheelItemQuery {
	from: string;
	to: string;
	filters?: ActivityFilters;
	/** The embed: public, planned activities only. */
	publicOnly?: boolean;
}

/**
 * The year's activities for the wheel, visibility and filters in SQL. Nine columns rather than
 * listActivities' nineteen: on the embedded engine most of the query's cost is per value decoded.
 */
export async function listWheelItems(
	db: Kysely<DB>,
	user: RightsUser | null,
	query: WheelItemQuery
): Promise<WheelItem[]> {
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
	const rows = await select
		.orderBy('activity.startDate')
		// All-day activities before timed ones on the same day.
		.orderBy('activity.startTime', (ob) => ob.asc().nullsFirst())
		.orderBy('activity.title')
		.orderBy('activity.id')
		.execute();
	return rows.map((row) => ({
		id: row.id,
		title: row.title,
		categoryId: row.categoryId,
		start: row.startDate,
		end: row.endDate,
		startTime: row.startTime,
		endTime: row.endTime,
		cancelled: row.status === 'cancelled',
		ownerName: row.ownerName
	}));
}
