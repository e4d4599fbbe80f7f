import type { Kysely } from 'kysely';
import type { Actor } from '$lib/auth';
import type { DB } from '$lib/platform/server/db/schema';
import { listActivityLinks } from '$lib/bookings/server';
import { listWheelActivities, type WheelActivityQuery } from './queries';
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

/** The year's activities for the wheel, visibility and filters in SQL, each with where it leads. */
export async function listWheelItems(
	db: Kysely<DB>,
	user: Actor | null,
	query: WheelActivityQuery
): Promise<WheelItem[]> {
	const rows = await listWheelActivities(db, user, query);
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
