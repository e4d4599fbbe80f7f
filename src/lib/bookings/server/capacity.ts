import { sql, type Kysely, type Transaction } from 'kysely';
import type { ActivityStatus, DB, OfferKind, OfferStatus } from '$lib/platform/server/db/schema';
import { type RightsUser, visibleActivitiesQuery } from '$lib/activities/server';
import { ACTIVE_STATUSES } from './state';
import { auditBooking } from './audit';

/** An offer with its activity, as the booking code needs it. */
export interface OfferForBooking {
	id: string;
	activityId: string;
	kind: OfferKind;
	capacity: number;
	status: OfferStatus;
	bookingOpensAt: string | null;
	bookingClosesAt: string | null;
	title: string;
	startDate: string;
	endDate: string;
	startTime: string | null;
	endTime: string | null;
	activityStatus: ActivityStatus;
	ownerId: string;
	inAllocationRound: boolean;
}

export function offerForBookingQuery(db: Kysely<DB>, user: RightsUser | null) {
	return visibleActivitiesQuery(db, user)
		.innerJoin('offer', 'offer.activityId', 'activity.id')
		.select([
			'offer.id',
			'offer.activityId',
			'offer.kind',
			'offer.capacity',
			'offer.status',
			'offer.bookingOpensAt',
			'offer.bookingClosesAt',
			'activity.title',
			'activity.startDate',
			'activity.endDate',
			'activity.startTime',
			'activity.endTime',
			'activity.status as activityStatus',
			'activity.ownerId',
			// A place in a praktikfordeling is shared out by the round, not booked first come.
			sql<boolean>`exists (select 1 from allocation_place ap where ap.offer_id = offer.id)`.as(
				'inAllocationRound'
			)
		]);
}

/**
 * The offer row, locked until the transaction ends, when the user can see it (else null).
 * Every seat-changing statement takes this lock first: bookings on one offer are serialised
 * (on PostgreSQL as on the single-connection PGlite), so counting and inserting cannot race.
 */
export async function lockOfferForUser(
	trx: Transaction<DB>,
	user: RightsUser | null,
	offerId: string
): Promise<OfferForBooking | null> {
	const row = await offerForBookingQuery(trx, user)
		.where('offer.id', '=', offerId)
		.forUpdate('offer')
		.executeTakeFirst();
	return row ?? null;
}

/** Locks without a visibility check, for a booking the user has already been shown. */
export async function lockOffer(trx: Transaction<DB>, offerId: string): Promise<OfferForBooking> {
	return offerForBookingQuery(trx, { isSecretariat: true, memberships: [] })
		.where('offer.id', '=', offerId)
		.forUpdate('offer')
		.executeTakeFirstOrThrow();
}

/** Seats held by requested and confirmed bookings. */
export async function takenSeats(db: Kysely<DB>, offerId: string): Promise<number> {
	const row = await db
		.selectFrom('booking')
		.select(sql<number>`coalesce(sum(seats), 0)::int`.as('taken'))
		.where('offerId', '=', offerId)
		.where('status', 'in', ACTIVE_STATUSES)
		.executeTakeFirstOrThrow();
	return row.taken;
}

function isBookable(offer: OfferForBooking): boolean {
	return offer.status === 'open' && offer.activityStatus !== 'cancelled';
}

/**
 * After seats were freed (a cancellation, a decline, more capacity): moves waitlisted bookings,
 * oldest first, to requested while they fit. A large booking that does not fit yet is passed
 * over for smaller ones behind it, so free places are used; it keeps its place for next time.
 * Call with the offer locked. Returns the promoted booking ids.
 */
export async function promoteWaitlist(
	trx: Transaction<DB>,
	offer: OfferForBooking
): Promise<string[]> {
	if (!isBookable(offer)) return [];
	let free = offer.capacity - (await takenSeats(trx, offer.id));
	if (free <= 0) return [];
	const waiting = await trx
		.selectFrom('booking')
		.select(['id', 'seats', 'schoolId', 'classLabel'])
		.where('offerId', '=', offer.id)
		.where('status', '=', 'waitlisted')
		.orderBy('createdAt')
		.orderBy('id')
		.execute();
	const promoted: string[] = [];
	for (const booking of waiting) {
		if (booking.seats > free) continue;
		free -= booking.seats;
		promoted.push(booking.id);
		await trx
			.updateTable('booking')
			.set({ status: 'requested', updatedAt: new Date() })
			.where('id', '=', booking.id)
			.execute();
		// The system moves it, whoever freed the seats: actor null.
		await auditBooking(trx, null, 'update', { ...booking, status: 'requested' }, offer.title);
		await syncParticipant(trx, offer, booking.schoolId);
	}
	return promoted;
}

/**
 * A school with a live booking takes part in the offer's activity, so the booking shows on the
 * school's wheel, calendar and feed through the existing participant filters; when its last
 * live booking ends it no longer does.
 */
export async function syncParticipant(
	trx: Transaction<DB>,
	offer: { id: string; activityId: string },
	schoolId: string
): Promise<void> {
	const live = await trx
		.selectFrom('booking')
		.select('id')
		.where('offerId', '=', offer.id)
		.where('schoolId', '=', schoolId)
		.where('status', 'in', ACTIVE_STATUSES)
		.limit(1)
		.executeTakeFirst();
	if (live) {
		await trx
			.insertInto('activityParticipant')
			.values({ activityId: offer.activityId, organisationId: schoolId })
			.onConflict((oc) => oc.columns(['activityId', 'organisationId']).doNothing())
			.execute();
	} else {
		await trx
			.deleteFrom('activityParticipant')
			.where('activityId', '=', offer.activityId)
			.where('organisationId', '=', schoolId)
			.execute();
	}
}
