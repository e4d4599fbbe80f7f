import { sql, type Kysely } from 'kysely';
import type { DB } from '$lib/platform/server/db/schema';
import { BOOKING_DETAIL_COLUMNS, bookingsWithParties } from '$lib/bookings/server';

// The queries of the organisation export (export.ts); each names its columns, in the order of
// the CSV (export-format.ts).

function bookingsQuery(db: Kysely<DB>) {
	return bookingsWithParties(db)
		.select([
			'booking.id',
			'activity.title as offerTitle',
			'provider.name as providerName',
			'school.name as schoolName',
			'activity.startDate',
			'activity.endDate',
			'booking.classLabel',
			'booking.seats',
			'booking.status',
			...BOOKING_DETAIL_COLUMNS
		])
		.orderBy('activity.startDate')
		.orderBy('booking.createdAt');
}

/** The organisation itself, its people, its plan and its bookings. */
export async function readCoreTables(db: Kysely<DB>, id: string) {
	const organisation = db
		.selectFrom('organisation')
		.leftJoin('organisation as municipality', 'municipality.id', 'organisation.municipalityId')
		.select((eb) => [
			'organisation.id',
			'organisation.kind',
			'organisation.name',
			'organisation.slug',
			'municipality.name as municipalityName',
			'organisation.description',
			'organisation.address',
			'organisation.website',
			'organisation.contactEmail',
			'organisation.phone',
			eb
				.selectFrom('organisationTrade')
				.select(sql<string[]>`coalesce(array_agg(trade_code order by trade_code), '{}')`.as('t'))
				.whereRef('organisationTrade.organisationId', '=', 'organisation.id')
				.as('trades'),
			'organisation.createdAt',
			'organisation.updatedAt'
		])
		.where('organisation.id', '=', id);
	const members = db
		.selectFrom('membership')
		.innerJoin('appUser', 'appUser.id', 'membership.userId')
		.select(['appUser.name', 'appUser.email', 'membership.role', 'membership.createdAt'])
		.where('membership.organisationId', '=', id)
		.orderBy('appUser.name');
	const activities = db
		.selectFrom('activity')
		.innerJoin('category', 'category.id', 'activity.categoryId')
		.select([
			'activity.id',
			'activity.title',
			'category.nameDa as category',
			'activity.startDate',
			'activity.endDate',
			'activity.startTime',
			'activity.endTime',
			'activity.place',
			'activity.visibility',
			'activity.status',
			'activity.description',
			'activity.createdAt',
			'activity.updatedAt'
		])
		.where('activity.ownerId', '=', id)
		.orderBy('activity.startDate');
	const participations = db
		.selectFrom('activityParticipant')
		.innerJoin('activity', 'activity.id', 'activityParticipant.activityId')
		.innerJoin('organisation as owner', 'owner.id', 'activity.ownerId')
		.select([
			'activity.id as activityId',
			'activity.title',
			'owner.name as ownerName',
			'activity.startDate',
			'activity.endDate',
			'activity.status'
		])
		.where('activityParticipant.organisationId', '=', id)
		.where('activity.ownerId', '<>', id)
		.orderBy('activity.startDate');
	const offers = db
		.selectFrom('offer')
		.innerJoin('activity', 'activity.id', 'offer.activityId')
		.select([
			'offer.id',
			'activity.title',
			'offer.kind',
			'offer.tradeCode',
			'offer.gradeLevels',
			'offer.capacity',
			'activity.startDate',
			'activity.endDate',
			'offer.bookingOpensAt',
			'offer.bookingClosesAt',
			'offer.contactName',
			'offer.contactEmail',
			'offer.address',
			'offer.whatToBring',
			'offer.whatYouSee',
			'offer.status',
			'offer.createdAt',
			'offer.updatedAt'
		])
		.where('activity.ownerId', '=', id)
		.orderBy('activity.startDate');
	const feeds = db
		.selectFrom('feedToken')
		.leftJoin('appUser', 'appUser.id', 'feedToken.createdBy')
		.select([
			'feedToken.id',
			'feedToken.scope',
			'appUser.name as createdByName',
			'feedToken.createdAt',
			'feedToken.revokedAt'
		])
		.where('feedToken.organisationId', '=', id)
		.orderBy('feedToken.createdAt');
	const [org, mem, act, par, off, made, received, fee] = await Promise.all([
		organisation.execute(),
		members.execute(),
		activities.execute(),
		participations.execute(),
		offers.execute(),
		bookingsQuery(db).where('booking.schoolId', '=', id).execute(),
		bookingsQuery(db).where('activity.ownerId', '=', id).execute(),
		feeds.execute()
	]);
	return {
		organisation: org,
		members: mem,
		activities: act,
		participations: par,
		offers: off,
		bookingsMade: made,
		bookingsReceived: received,
		feeds: fee
	};
}
