import type { Kysely } from 'kysely';
import type { DB } from '$lib/platform/server/db/schema';
import type { FeedSpec } from './scope';
import {
	feedActivitiesQuery,
	feedBookingsQuery,
	feedHolidaysQuery,
	providerBookingsQuery,
	type FeedWindow
} from './queries';

// The rows a feed body is built from (the validators in feed-queries.ts count the same sets).

const ACTIVITY_COLUMNS = [
	'activity.id',
	'activity.title',
	'activity.description',
	'activity.place',
	'activity.startDate',
	'activity.endDate',
	'activity.startTime',
	'activity.endTime',
	'activity.status',
	'activity.sequence',
	'activity.updatedAt',
	'category.nameDa as categoryName',
	'owner.name as ownerName',
	'owner.address as ownerAddress',
	'offer.contactName',
	'offer.contactEmail',
	'offer.address as offerAddress',
	'offer.updatedAt as offerUpdatedAt'
] as const;

export async function findFeedActivities(db: Kysely<DB>, spec: FeedSpec, window: FeedWindow) {
	return feedActivitiesQuery(db, spec, window)
		.innerJoin('category', 'category.id', 'activity.categoryId')
		.innerJoin('organisation as owner', 'owner.id', 'activity.ownerId')
		.leftJoin('offer', 'offer.activityId', 'activity.id')
		.select(ACTIVITY_COLUMNS)
		.orderBy('activity.startDate')
		.orderBy('activity.id')
		.execute();
}

/** One activity as a feed row; the caller has checked that the user may see it. */
export async function findActivityFeedRow(db: Kysely<DB>, id: string) {
	return db
		.selectFrom('activity')
		.innerJoin('category', 'category.id', 'activity.categoryId')
		.innerJoin('organisation as owner', 'owner.id', 'activity.ownerId')
		.leftJoin('offer', 'offer.activityId', 'activity.id')
		.select(ACTIVITY_COLUMNS)
		.where('activity.id', '=', id)
		.executeTakeFirst();
}
export type FeedActivityRow = Awaited<ReturnType<typeof findFeedActivities>>[number];

export async function findFeedBookings(db: Kysely<DB>, spec: FeedSpec, window: FeedWindow) {
	return feedBookingsQuery(db, spec, window)
		.innerJoin('category', 'category.id', 'activity.categoryId')
		.innerJoin('organisation as owner', 'owner.id', 'activity.ownerId')
		.innerJoin('organisation as school', 'school.id', 'booking.schoolId')
		.select([
			'booking.id',
			'booking.status as bookingStatus',
			'booking.classLabel',
			'booking.seats',
			'booking.teacherName',
			'booking.teacherEmail',
			'booking.updatedAt as bookingUpdatedAt',
			'school.name as schoolName',
			'activity.id as activityId',
			'activity.title',
			'activity.description',
			'activity.place',
			'activity.startDate',
			'activity.endDate',
			'activity.startTime',
			'activity.endTime',
			'activity.status',
			'activity.sequence',
			'activity.updatedAt',
			'category.nameDa as categoryName',
			'owner.name as ownerName',
			'owner.address as ownerAddress',
			'offer.contactName',
			'offer.contactEmail',
			'offer.address as offerAddress',
			'offer.updatedAt as offerUpdatedAt'
		])
		.orderBy('activity.startDate')
		.orderBy('booking.id')
		.execute();
}
export type FeedBookingRow = Awaited<ReturnType<typeof findFeedBookings>>[number];

/** Every booking on the providers' offers, by activity id (the open ones are listed). */
export async function findProviderBookings(db: Kysely<DB>, spec: FeedSpec, window: FeedWindow) {
	const rows = await providerBookingsQuery(db, spec, window)
		.innerJoin('organisation as school', 'school.id', 'booking.schoolId')
		.select([
			'activity.id as activityId',
			'booking.status',
			'booking.classLabel',
			'booking.seats',
			'booking.teacherName',
			'booking.teacherEmail',
			'booking.updatedAt',
			'school.name as schoolName'
		])
		.orderBy('school.name')
		.orderBy('booking.classLabel')
		.execute();
	const byActivity = new Map<string, typeof rows>();
	for (const row of rows) {
		const list = byActivity.get(row.activityId) ?? [];
		list.push(row);
		byActivity.set(row.activityId, list);
	}
	return byActivity;
}
export type ProviderBookingRow =
	Awaited<ReturnType<typeof findProviderBookings>> extends Map<string, (infer R)[]> ? R : never;

export async function findFeedHolidays(
	db: Kysely<DB>,
	municipalityIds: string[],
	window: FeedWindow
) {
	return feedHolidaysQuery(db, municipalityIds, window)
		.innerJoin('organisation', 'organisation.id', 'schoolHoliday.municipalityId')
		.select([
			'schoolHoliday.id',
			'schoolHoliday.name',
			'schoolHoliday.startDate',
			'schoolHoliday.endDate',
			'organisation.name as municipalityName'
		])
		.orderBy('schoolHoliday.startDate')
		.orderBy('schoolHoliday.id')
		.execute();
}
export type FeedHolidayRow = Awaited<ReturnType<typeof findFeedHolidays>>[number];
