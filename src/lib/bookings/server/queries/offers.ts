import { sql, type Kysely } from 'kysely';
import { addDays, copenhagenToday } from '$lib/platform/dates/iso';
import type { DB, OfferKind, OfferStatus } from '$lib/platform/server/db/schema';
import { type OfferFilters, schoolWeekOf } from '$lib/bookings/offer-schema';
import { activityListQuery, escapeLike, type ActivityListItem } from '$lib/activities/server';
import { canEditOffer, type OfferUser } from '../policy';
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
function offerListQuery(db: Kysely<DB>, user: OfferUser | null) {
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
	user: OfferUser | null,
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
	canEdit: boolean;
	/** The other weeks or sessions created together, with their free places. */
	siblings: Pick<
		OfferListItem,
		'offerId' | 'startDate' | 'endDate' | 'startTime' | 'free' | 'offerStatus'
	>[];
}

/** The offer, or null when it does not exist or the user may not see its activity (404). */
export async function findOfferForUser(
	db: Kysely<DB>,
	user: OfferUser | null,
	offerId: string
): Promise<OfferDetail | null> {
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
		canEdit: canEditOffer(user, row),
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
