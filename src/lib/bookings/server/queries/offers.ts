import { sql, type Kysely, type Transaction, type Updateable } from 'kysely';
import type { Actor } from '$lib/auth';
import { addDays, copenhagenToday } from '$lib/platform/dates/iso';
import type {
	ActivityStatus,
	ActivityUpdate,
	DB,
	NewActivity,
	NewOffer,
	OfferKind,
	OfferStatus
} from '$lib/platform/server/db/schema';
import { type OfferFilters, schoolWeekOf } from '$lib/bookings/offer-schema';
import {
	activityListQuery,
	escapeLike,
	visibleActivitiesQuery,
	type ActivityListItem,
	type VisibilityUser
} from '$lib/activities/server';
import { UUID } from '$lib/platform/server/http/result';

// Raw SQL (snake_case: CamelCasePlugin leaves sql fragments alone). Seats of requested and
// confirmed bookings, counted in the database so lists and filters agree with bookSeats.
const TAKEN = sql<number>`(select coalesce(sum(b.seats), 0)::int from booking b
	where b.offer_id = offer.id and b.status in ('requested', 'confirmed'))`;
const WAITLISTED = sql<number>`(select count(*)::int from booking b
	where b.offer_id = offer.id and b.status = 'waitlisted')`;

export interface OfferListItem extends ActivityListItem {
	offerId: string;
	activityId: string;
	groupId: string | null;
	kind: OfferKind;
	tradeCode: string | null;
	tradeNameDa: string | null;
	tradeNameEn: string | null;
	gradeLevels: number[];
	capacity: number;
	taken: number;
	free: number;
	waitlisted: number;
	offerStatus: OfferStatus;
	bookingOpensAt: string | null;
	bookingClosesAt: string | null;
	address: string;
	ownerMunicipalityId: string | null;
}

/** Offers with their activity (visibility applied), trade and seat counts. */
function offerListQuery(db: Kysely<DB>, user: Actor | null) {
	return activityListQuery(db, user)
		.innerJoin('offer', 'offer.activityId', 'activity.id')
		.leftJoin('trade', 'trade.code', 'offer.tradeCode')
		.select([
			'offer.id as offerId',
			'offer.activityId',
			'offer.groupId',
			'offer.kind',
			'offer.tradeCode',
			'trade.nameDa as tradeNameDa',
			'trade.nameEn as tradeNameEn',
			'offer.gradeLevels',
			'offer.capacity',
			TAKEN.as('taken'),
			sql<number>`offer.capacity - ${TAKEN}`.as('free'),
			WAITLISTED.as('waitlisted'),
			'offer.status as offerStatus',
			'offer.bookingOpensAt',
			'offer.bookingClosesAt',
			'offer.address',
			'owner.municipalityId as ownerMunicipalityId'
		]);
}

export interface ListOffersOptions extends OfferFilters {
	/** Only this provider's offers (its own list). */
	ownerId?: string;
	/** Also closed, cancelled and past offers (the provider's own list). */
	includeClosed?: boolean;
	today?: string;
	limit?: number;
}

/** Bookable offers for schools to browse, soonest first; free places computed in SQL. */
export async function listOffers(
	db: Kysely<DB>,
	user: Actor | null,
	options: ListOffersOptions = {}
): Promise<OfferListItem[]> {
	let query = offerListQuery(db, user);
	if (!options.includeClosed) {
		query = query
			.where('offer.status', '=', 'open')
			.where('activity.status', '=', 'planned')
			.where('activity.endDate', '>=', options.today ?? copenhagenToday());
	}
	if (options.ownerId) query = query.where('activity.ownerId', '=', options.ownerId);
	if (options.kind) query = query.where('offer.kind', '=', options.kind);
	if (options.trade) query = query.where('offer.tradeCode', '=', options.trade);
	const week = options.week ? schoolWeekOf(options.week) : null;
	if (week) {
		// The whole ISO week, weekend included.
		query = query
			.where('activity.startDate', '<=', addDays(week.startDate, 6))
			.where('activity.endDate', '>=', week.startDate);
	}
	const municipality = options.municipalityId;
	if (municipality) {
		query = query.where((eb) =>
			eb.or([eb('owner.id', '=', municipality), eb('owner.municipalityId', '=', municipality)])
		);
	}
	if (options.grade !== undefined) {
		query = query.where(sql<boolean>`${options.grade}::int = any(offer.grade_levels)`);
	}
	if (options.onlyFree) query = query.where(sql<boolean>`${TAKEN} < offer.capacity`);
	const q = options.q?.trim();
	if (q) {
		const pattern = `%${escapeLike(q)}%`;
		query = query.where((eb) =>
			eb.or([
				eb('activity.title', 'ilike', pattern),
				eb('activity.description', 'ilike', pattern),
				eb('owner.name', 'ilike', pattern)
			])
		);
	}
	return query
		.orderBy('activity.startDate')
		.orderBy('activity.startTime', (ob) => ob.asc().nullsFirst())
		.orderBy('activity.title')
		.orderBy('offer.id')
		.limit(options.limit ?? 500)
		.execute();
}

export interface OfferDetail extends OfferListItem {
	description: string;
	contactName: string;
	contactEmail: string;
	whatToBring: string;
	whatYouSee: string;
	/** Whether the user may edit it (canEditOffer, added by findOfferForUser). */
	canEdit: boolean;
	/** The other weeks or sessions created together, with their free places. */
	siblings: Pick<
		OfferListItem,
		'offerId' | 'startDate' | 'endDate' | 'startTime' | 'free' | 'offerStatus'
	>[];
}

/** The offer with its siblings, or null when it does not exist or the user may not see its activity. */
export async function findOfferRow(
	db: Kysely<DB>,
	user: Actor | null,
	offerId: string
): Promise<Omit<OfferDetail, 'canEdit'> | null> {
	if (!UUID.test(offerId)) return null;
	const row = await offerListQuery(db, user)
		.select([
			'activity.description',
			'offer.contactName',
			'offer.contactEmail',
			'offer.whatToBring',
			'offer.whatYouSee'
		])
		.where('offer.id', '=', offerId)
		.executeTakeFirst();
	if (!row) return null;
	const siblings = row.groupId
		? await offerListQuery(db, user)
				.where('offer.groupId', '=', row.groupId)
				.where('offer.id', '<>', offerId)
				.orderBy('activity.startDate')
				.execute()
		: [];
	return {
		...row,
		siblings: siblings.map((s) => ({
			offerId: s.offerId,
			startDate: s.startDate,
			endDate: s.endDate,
			startTime: s.startTime,
			free: s.free,
			offerStatus: s.offerStatus
		}))
	};
}

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

/** Offers whose activity the user may see, with what booking them needs. */
export function offerForBookingQuery(db: Kysely<DB>, user: VisibilityUser | null) {
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
	user: Actor | null,
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
	return offerForBookingQuery(trx, SEES_EVERY_OFFER)
		.where('offer.id', '=', offerId)
		.forUpdate('offer')
		.executeTakeFirstOrThrow();
}

/** The system's view: the visibility rule lets the secretariat see everything. */
const SEES_EVERY_OFFER: VisibilityUser = { isSecretariat: true, memberships: [] };

/** The dates and times of an offer the user may see, or null. */
export async function findVisibleOfferSpan(db: Kysely<DB>, user: Actor | null, offerId: string) {
	const row = await visibleActivitiesQuery(db, user)
		.innerJoin('offer', 'offer.activityId', 'activity.id')
		.select(['activity.startDate', 'activity.endDate', 'activity.startTime', 'activity.endTime'])
		.where('offer.id', '=', offerId)
		.executeTakeFirst();
	return row ?? null;
}

/** The provider of an offer (its activity's owner), or null when there is no such offer. */
export async function findOfferOwner(
	db: Kysely<DB>,
	offerId: string
): Promise<{ ownerId: string } | null> {
	const row = await db
		.selectFrom('offer')
		.innerJoin('activity', 'activity.id', 'offer.activityId')
		.select('activity.ownerId')
		.where('offer.id', '=', offerId)
		.executeTakeFirst();
	return row ?? null;
}

export function findOfferKindAndTitle(db: Kysely<DB>, offerId: string) {
	return db
		.selectFrom('offer')
		.innerJoin('activity', 'activity.id', 'offer.activityId')
		.select(['offer.kind', 'activity.title'])
		.where('offer.id', '=', offerId)
		.executeTakeFirstOrThrow();
}

export async function tradeExists(trx: Transaction<DB>, tradeCode: string): Promise<boolean> {
	const trade = await trx
		.selectFrom('trade')
		.select('code')
		.where('code', '=', tradeCode)
		.executeTakeFirst();
	return trade !== undefined;
}

export async function findCategoryIdBySlug(
	trx: Transaction<DB>,
	slug: string
): Promise<string | null> {
	const category = await trx
		.selectFrom('category')
		.select('id')
		.where('slug', '=', slug)
		.executeTakeFirst();
	return category?.id ?? null;
}

/** A new offer and its activity; the ids of both. */
export async function insertOfferWithActivity(
	trx: Transaction<DB>,
	activity: NewActivity,
	offer: Omit<NewOffer, 'activityId'>
): Promise<{ activityId: string; offerId: string }> {
	const inserted = await trx
		.insertInto('activity')
		.values(activity)
		.returning('id')
		.executeTakeFirstOrThrow();
	const row = await trx
		.insertInto('offer')
		.values({ ...offer, activityId: inserted.id })
		.returning('id')
		.executeTakeFirstOrThrow();
	return { activityId: inserted.id, offerId: row.id };
}

export function findActivitySchedule(trx: Transaction<DB>, activityId: string) {
	return trx
		.selectFrom('activity')
		.select(['startDate', 'endDate', 'startTime', 'endTime', 'place', 'sequence'])
		.where('id', '=', activityId)
		.executeTakeFirstOrThrow();
}

/** Sets columns of the offer's activity (its updatedAt too). */
export async function setActivityColumns(
	trx: Transaction<DB>,
	activityId: string,
	values: Omit<ActivityUpdate, 'id' | 'updatedAt'>
): Promise<void> {
	await trx
		.updateTable('activity')
		.set({ ...values, updatedAt: new Date() })
		.where('id', '=', activityId)
		.execute();
}

/** Cancels the activity; calendar clients see the cancellation as a new version of the event. */
export async function cancelActivity(trx: Transaction<DB>, activityId: string): Promise<void> {
	const { sequence } = await findActivitySchedule(trx, activityId);
	await setActivityColumns(trx, activityId, { status: 'cancelled', sequence: sequence + 1 });
}

/** Sets columns of the offer (its updatedAt too). */
export async function setOfferColumns(
	trx: Transaction<DB>,
	offerId: string,
	values: Omit<Updateable<DB['offer']>, 'id' | 'activityId' | 'updatedAt'>
): Promise<void> {
	await trx
		.updateTable('offer')
		.set({ ...values, updatedAt: new Date() })
		.where('id', '=', offerId)
		.execute();
}

/** The school takes part in the offer's activity (once). */
export async function addParticipant(
	trx: Transaction<DB>,
	activityId: string,
	organisationId: string
): Promise<void> {
	await trx
		.insertInto('activityParticipant')
		.values({ activityId, organisationId })
		.onConflict((oc) => oc.columns(['activityId', 'organisationId']).doNothing())
		.execute();
}

export async function removeParticipant(
	trx: Transaction<DB>,
	activityId: string,
	organisationId: string
): Promise<void> {
	await trx
		.deleteFrom('activityParticipant')
		.where('activityId', '=', activityId)
		.where('organisationId', '=', organisationId)
		.execute();
}
