import type { Kysely } from 'kysely';
import type { ActivityFilters } from '$lib/activities';
import type { DB } from '$lib/platform/server/db/schema';
import { filterConditions, visibleActivitiesQuery, type RightsUser } from '$lib/activities/server';
import { listActivityLinks } from '$lib/bookings/server';
import { activityHref, type WheelBookingStatus } from '../links';

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
	/**
	 * Where the arc leads: the user's own school's booking of it, else its offer, else the activity.
	 * A path on this site.
	 */
	href: string;
	/** The status of the user's own organisation's booking, when it has one. */
	booking: WheelBookingStatus | null;
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
	// The embed shows what anyone may see: no one's bookings.
	const links = await listActivityLinks(db, query.publicOnly ? null : user, query);
	return rows.map((row) => {
		const link = links.get(row.id) ?? null;
		return {
			id: row.id,
			title: row.title,
			categoryId: row.categoryId,
			start: row.startDate,
			end: row.endDate,
			startTime: row.startTime,
			endTime: row.endTime,
			cancelled: row.status === 'cancelled',
			ownerName: row.ownerName,
			href: activityHref(row.id, link),
			booking: link?.booking?.status ?? null
		};
	});
}
