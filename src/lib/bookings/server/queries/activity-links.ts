import type { Kysely } from 'kysely';
import type { DB } from '$lib/platform/server/db/schema';
import type { Actor } from '$lib/auth';
import { OPEN_STATUSES } from '../state';
import { bookingsWithParties } from './bookings';

/** A booking still alive: the status a school follows on the wheel and in the calendar. */
export type OpenBookingStatus = 'requested' | 'confirmed' | 'waitlisted';

/** Where an activity that is an offer leads: its offer, and the user's own school's booking. */
export interface ActivityLink {
	offerId: string;
	/** The booking of one of the user's own schools (or its municipality's), if any. */
	booking: { id: string; status: OpenBookingStatus } | null;
}

/** The booking a school cares most about when it has several on one offer. */
const PRIORITY: Record<OpenBookingStatus, number> = { confirmed: 0, requested: 1, waitlisted: 2 };

/**
 * The offers among the activities of a date range, keyed by activity id, each with the user's own
 * open booking. "Own" is by membership: a school's members, and a municipality's members for its
 * schools. The secretariat's right to see every booking does not make them its own. Two queries,
 * one per table, so the cost grows with the offers and bookings of the range, not with the wheel.
 */
export async function listActivityLinks(
	db: Kysely<DB>,
	user: Actor | null,
	range: { from: string; to: string }
): Promise<Map<string, ActivityLink>> {
	const offers = await db
		.selectFrom('offer')
		.innerJoin('activity', 'activity.id', 'offer.activityId')
		.select(['offer.id as offerId', 'offer.activityId'])
		.where('activity.startDate', '<=', range.to)
		.where('activity.endDate', '>=', range.from)
		.execute();
	const links = new Map<string, ActivityLink>(
		offers.map((o) => [o.activityId, { offerId: o.offerId, booking: null }])
	);
	const own = user?.memberships.map((m) => m.organisationId) ?? [];
	if (links.size === 0 || own.length === 0) return links;
	const bookings = await bookingsWithParties(db)
		.select(['booking.id', 'booking.status', 'booking.createdAt', 'offer.activityId'])
		.where('activity.startDate', '<=', range.to)
		.where('activity.endDate', '>=', range.from)
		.where('booking.status', 'in', OPEN_STATUSES)
		.where((eb) =>
			eb.or([eb('booking.schoolId', 'in', own), eb('school.municipalityId', 'in', own)])
		)
		.orderBy('booking.createdAt')
		.orderBy('booking.id')
		.execute();
	for (const row of bookings) {
		const link = links.get(row.activityId);
		const status = row.status as OpenBookingStatus;
		if (!link) continue;
		if (!link.booking || PRIORITY[status] < PRIORITY[link.booking.status]) {
			link.booking = { id: row.id, status };
		}
	}
	return links;
}
