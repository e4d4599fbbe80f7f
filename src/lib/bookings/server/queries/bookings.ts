import { sql, type Kysely, type Transaction } from 'kysely';
import type { Booking, BookingStatus, DB, OfferKind } from '$lib/platform/server/db/schema';
import { UUID } from '$lib/platform/server/http/result';
import { ACTIVE_STATUSES, OPEN_STATUSES } from '../state';

// The SQL over bookings. No rights are applied here: the callers decide who may see what.

/**
 * A booking with its offer, the offer's activity, the booking school and the provider (the
 * activity's owner): the join every view of a booking starts from.
 */
export function bookingsWithParties(db: Kysely<DB>) {
	return db
		.selectFrom('booking')
		.innerJoin('offer', 'offer.id', 'booking.offerId')
		.innerJoin('activity', 'activity.id', 'offer.activityId')
		.innerJoin('organisation as school', 'school.id', 'booking.schoolId')
		.innerJoin('organisation as provider', 'provider.id', 'activity.ownerId');
}

/** The booking and who it concerns, or null when it does not exist. */
export async function loadBookingParties(db: Kysely<DB>, bookingId: string) {
	if (!UUID.test(bookingId)) return null;
	const row = await bookingsWithParties(db)
		.select([
			'booking.offerId',
			'booking.schoolId',
			'booking.status',
			'school.municipalityId as schoolMunicipalityId',
			'activity.ownerId as providerId'
		])
		.where('booking.id', '=', bookingId)
		.executeTakeFirst();
	return row ?? null;
}

export interface BookingListItem {
	id: string;
	offerId: string;
	status: BookingStatus;
	classLabel: string;
	seats: number;
	teacherName: string;
	teacherEmail: string;
	pupilFirstNames: string[];
	message: string;
	cancelReason: string;
	agreementSignedAt: string | null;
	parentsConsentAt: string | null;
	uuNotifiedAt: string | null;
	createdAt: Date;
	updatedAt: Date;
	schoolId: string;
	schoolName: string;
	schoolMunicipalityId: string | null;
	offerKind: OfferKind;
	activityId: string;
	title: string;
	startDate: string;
	endDate: string;
	startTime: string | null;
	endTime: string | null;
	providerId: string;
	providerName: string;
}

/** What the school wrote on a booking and the dates of its checklist, in the order lists show them. */
export const BOOKING_DETAIL_COLUMNS = [
	'booking.teacherName',
	'booking.teacherEmail',
	'booking.pupilFirstNames',
	'booking.message',
	'booking.cancelReason',
	'booking.agreementSignedAt',
	'booking.parentsConsentAt',
	'booking.uuNotifiedAt',
	'booking.createdAt',
	'booking.updatedAt'
] as const;

/** Bookings as lists show them. */
function bookingListQuery(db: Kysely<DB>) {
	return bookingsWithParties(db).select([
		'booking.id',
		'booking.offerId',
		'booking.status',
		'booking.classLabel',
		'booking.seats',
		...BOOKING_DETAIL_COLUMNS,
		'booking.schoolId',
		'school.name as schoolName',
		'school.municipalityId as schoolMunicipalityId',
		'offer.kind as offerKind',
		'offer.activityId',
		'activity.title',
		'activity.startDate',
		'activity.endDate',
		'activity.startTime',
		'activity.endTime',
		'activity.ownerId as providerId',
		'provider.name as providerName'
	]);
}

/** Dashboards list bookings by when they happen, then in the order they were made. */
function byStartDate(query: ReturnType<typeof bookingListQuery>) {
	return query
		.orderBy('activity.startDate')
		.orderBy('activity.startTime', (ob) => ob.asc().nullsFirst())
		.orderBy('booking.createdAt');
}

/** A booking as its page shows it, with the offer's practical details. */
export async function findBookingDetail(db: Kysely<DB>, bookingId: string) {
	return bookingListQuery(db)
		.select(['offer.address', 'offer.whatToBring', 'offer.contactName', 'offer.contactEmail'])
		.where('booking.id', '=', bookingId)
		.executeTakeFirst();
}

/** Waitlisted bookings on the offer made before this one (the same order promoteWaitlist uses). */
export async function countWaitlistedBefore(
	db: Kysely<DB>,
	booking: { id: string; offerId: string; createdAt: Date }
): Promise<number> {
	const row = await db
		.selectFrom('booking')
		.select(sql<number>`count(*)::int`.as('n'))
		.where('offerId', '=', booking.offerId)
		.where('status', '=', 'waitlisted')
		.where((eb) =>
			eb.or([
				eb('createdAt', '<', booking.createdAt),
				eb.and([eb('createdAt', '=', booking.createdAt), eb('id', '<', booking.id)])
			])
		)
		.executeTakeFirstOrThrow();
	return row.n;
}

/** Every booking of an offer, oldest first. */
export function listBookingsOfOffer(db: Kysely<DB>, offerId: string): Promise<BookingListItem[]> {
	return bookingListQuery(db)
		.where('booking.offerId', '=', offerId)
		.orderBy('booking.createdAt')
		.orderBy('booking.id')
		.execute();
}

/** A school's bookings, by start date. */
export function listBookingsOfSchool(db: Kysely<DB>, schoolId: string): Promise<BookingListItem[]> {
	return byStartDate(bookingListQuery(db).where('booking.schoolId', '=', schoolId)).execute();
}

/** The bookings of a municipality's schools, by start date. */
export function listBookingsOfMunicipality(
	db: Kysely<DB>,
	municipalityId: string
): Promise<BookingListItem[]> {
	return byStartDate(
		bookingListQuery(db).where('school.municipalityId', '=', municipalityId)
	).execute();
}

/** Bookings in `status` on offers of these providers (not ended before `endingFrom`). */
export function listProviderBookings(
	db: Kysely<DB>,
	providerIds: string[],
	status: BookingStatus,
	endingFrom?: string
): Promise<BookingListItem[]> {
	let query = bookingListQuery(db)
		.where('activity.ownerId', 'in', providerIds)
		.where('booking.status', '=', status);
	if (endingFrom) query = query.where('activity.endDate', '>=', endingFrom);
	return byStartDate(query).execute();
}

/**
 * Live erhvervspraktik bookings that have not ended; of these schools or their municipalities'
 * schools unless `orgIds` is null (all), narrowed to one school or municipality.
 */
export function listLivePraktikBookings(
	db: Kysely<DB>,
	orgIds: string[] | null,
	options: { today: string; schoolId?: string; municipalityId?: string }
): Promise<BookingListItem[]> {
	let query = bookingListQuery(db)
		.where('offer.kind', '=', 'erhvervspraktik')
		.where('booking.status', 'in', ACTIVE_STATUSES)
		.where('activity.endDate', '>=', options.today);
	if (orgIds) {
		query = query.where((eb) =>
			eb.or([eb('booking.schoolId', 'in', orgIds), eb('school.municipalityId', 'in', orgIds)])
		);
	}
	if (options.schoolId) query = query.where('booking.schoolId', '=', options.schoolId);
	if (options.municipalityId)
		query = query.where('school.municipalityId', '=', options.municipalityId);
	return query.orderBy('activity.startDate').execute();
}

/** Open bookings of these activities made by these schools or their municipalities' schools. */
export function listOpenBookingsOfActivities(
	db: Kysely<DB>,
	orgIds: string[],
	activityIds: readonly string[]
): Promise<BookingListItem[]> {
	return bookingListQuery(db)
		.where('offer.activityId', 'in', [...activityIds])
		.where('booking.status', 'in', OPEN_STATUSES)
		.where((eb) =>
			eb.or([eb('booking.schoolId', 'in', orgIds), eb('school.municipalityId', 'in', orgIds)])
		)
		.orderBy('booking.classLabel')
		.orderBy('booking.createdAt')
		.execute();
}

/** The booking a school made with this idempotency key, if any. */
export async function findBookingByKey(
	db: Kysely<DB>,
	schoolId: string,
	key: string
): Promise<Booking | undefined> {
	return db
		.selectFrom('booking')
		.selectAll()
		.where('schoolId', '=', schoolId)
		.where('idempotencyKey', '=', key)
		.executeTakeFirst();
}

export function findBookingOrThrow(db: Kysely<DB>, bookingId: string): Promise<Booking> {
	return db.selectFrom('booking').selectAll().where('id', '=', bookingId).executeTakeFirstOrThrow();
}

/** Sets columns of one booking (its updatedAt too) and returns the booking as it is now. */
export function setBookingColumns(
	trx: Transaction<DB>,
	bookingId: string,
	values: Partial<
		Pick<
			Booking,
			| 'status'
			| 'message'
			| 'cancelReason'
			| 'agreementSignedAt'
			| 'parentsConsentAt'
			| 'uuNotifiedAt'
		>
	>
): Promise<Booking> {
	return trx
		.updateTable('booking')
		.set({ ...values, updatedAt: new Date() })
		.where('id', '=', bookingId)
		.returningAll()
		.executeTakeFirstOrThrow();
}

/** Cancels the offer's open bookings with the reason; the bookings that were cancelled. */
export function cancelOpenBookingsOfOffer(trx: Transaction<DB>, offerId: string, reason: string) {
	return trx
		.updateTable('booking')
		.set({ status: 'cancelled', cancelReason: reason, updatedAt: new Date() })
		.where('offerId', '=', offerId)
		.where('status', 'in', OPEN_STATUSES)
		.returning(['id', 'schoolId', 'classLabel', 'status'])
		.execute();
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

/** The offer's waiting list, first in line first. */
export function listWaitlisted(trx: Transaction<DB>, offerId: string) {
	return trx
		.selectFrom('booking')
		.select(['id', 'seats', 'schoolId', 'classLabel'])
		.where('offerId', '=', offerId)
		.where('status', '=', 'waitlisted')
		.orderBy('createdAt')
		.orderBy('id')
		.execute();
}

export async function hasLiveBooking(
	trx: Transaction<DB>,
	offerId: string,
	schoolId: string
): Promise<boolean> {
	const live = await trx
		.selectFrom('booking')
		.select('id')
		.where('offerId', '=', offerId)
		.where('schoolId', '=', schoolId)
		.where('status', 'in', ACTIVE_STATUSES)
		.limit(1)
		.executeTakeFirst();
	return live !== undefined;
}

/** Live bookings of the school's classes during the span, soonest first. */
export function listSchoolBookingsDuring(
	db: Kysely<DB>,
	span: { schoolId: string; startDate: string; endDate: string; excludeBookingId?: string }
) {
	let query = bookingsWithParties(db)
		.select([
			'booking.id',
			'booking.classLabel',
			'activity.title',
			'activity.startDate',
			'activity.endDate',
			'activity.startTime',
			'activity.endTime'
		])
		.where('booking.schoolId', '=', span.schoolId)
		.where('booking.status', 'in', ACTIVE_STATUSES)
		.where('activity.startDate', '<=', span.endDate)
		.where('activity.endDate', '>=', span.startDate)
		.orderBy('activity.startDate');
	if (span.excludeBookingId) query = query.where('booking.id', '<>', span.excludeBookingId);
	return query.execute();
}

/** What the conflict check of an existing booking looks at. */
export function findBookingSpan(db: Kysely<DB>, bookingId: string) {
	return bookingsWithParties(db)
		.select([
			'booking.schoolId',
			'booking.classLabel',
			'booking.status',
			'booking.agreementSignedAt',
			'offer.kind',
			'activity.title',
			'activity.startDate',
			'activity.endDate',
			'activity.startTime',
			'activity.endTime'
		])
		.where('booking.id', '=', bookingId)
		.executeTakeFirstOrThrow();
}

/** What the booking mails say about a booking, from the data as it is now. */
export function findBookingMailFacts(db: Kysely<DB>, bookingId: string) {
	return bookingsWithParties(db)
		.select([
			'booking.schoolId',
			'booking.classLabel',
			'booking.seats',
			'booking.teacherName',
			'booking.teacherEmail',
			'booking.message',
			'booking.cancelReason',
			'offer.contactName',
			'offer.contactEmail',
			'offer.address',
			'offer.whatToBring',
			'activity.title',
			'activity.startDate',
			'activity.endDate',
			'activity.startTime',
			'school.name as schoolName',
			'provider.name as providerName',
			'provider.contactEmail as ownerEmail'
		])
		.where('booking.id', '=', bookingId)
		.executeTakeFirstOrThrow();
}
