import { sql, type Kysely } from 'kysely';
import type { BookingStatus, DB, OfferKind } from '$lib/platform/server/db/schema';
import { bookingSides, canBookFor, canEditOffer, type OfferUser } from '../policy';
import { allowedActions, type BookingAction } from '../state';
import { UUID } from '$lib/platform/server/http/result';

/** The booking and who it concerns (no rights applied), or null when it does not exist. */
export async function loadBookingParties(db: Kysely<DB>, bookingId: string) {
	if (!UUID.test(bookingId)) return null;
	const row = await db
		.selectFrom('booking')
		.innerJoin('offer', 'offer.id', 'booking.offerId')
		.innerJoin('activity', 'activity.id', 'offer.activityId')
		.innerJoin('organisation as school', 'school.id', 'booking.schoolId')
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

/** Bookings joined with their offer, activity, school and provider; no rights applied. */
export function bookingListQuery(db: Kysely<DB>) {
	return db
		.selectFrom('booking')
		.innerJoin('offer', 'offer.id', 'booking.offerId')
		.innerJoin('activity', 'activity.id', 'offer.activityId')
		.innerJoin('organisation as school', 'school.id', 'booking.schoolId')
		.innerJoin('organisation as provider', 'provider.id', 'activity.ownerId')
		.select([
			'booking.id',
			'booking.offerId',
			'booking.status',
			'booking.classLabel',
			'booking.seats',
			'booking.teacherName',
			'booking.teacherEmail',
			'booking.pupilFirstNames',
			'booking.message',
			'booking.cancelReason',
			'booking.agreementSignedAt',
			'booking.parentsConsentAt',
			'booking.uuNotifiedAt',
			'booking.createdAt',
			'booking.updatedAt',
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

export interface BookingDetail extends BookingListItem {
	address: string;
	whatToBring: string;
	contactName: string;
	contactEmail: string;
	sides: { school: boolean; provider: boolean };
	/** What the user may do now (for the buttons). */
	actions: BookingAction[];
	/** 1 for the first in line; null when not waitlisted. */
	waitlistPosition: number | null;
}

/** The booking, or null when it does not exist or is neither the user's school's nor provider's. */
export async function findBookingForUser(
	db: Kysely<DB>,
	user: OfferUser | null,
	bookingId: string
): Promise<BookingDetail | null> {
	if (!UUID.test(bookingId)) return null;
	const row = await bookingListQuery(db)
		.select(['offer.address', 'offer.whatToBring', 'offer.contactName', 'offer.contactEmail'])
		.where('booking.id', '=', bookingId)
		.executeTakeFirst();
	if (!row) return null;
	const sides = bookingSides(user, { ...row, schoolMunicipalityId: row.schoolMunicipalityId });
	if (!sides.school && !sides.provider) return null;
	const sideList = [
		...(sides.provider ? (['provider'] as const) : []),
		...(sides.school ? (['school'] as const) : [])
	];
	let waitlistPosition: number | null = null;
	if (row.status === 'waitlisted') {
		const ahead = await db
			.selectFrom('booking')
			.select(sql<number>`count(*)::int`.as('n'))
			.where('offerId', '=', row.offerId)
			.where('status', '=', 'waitlisted')
			.where((eb) =>
				eb.or([
					eb('createdAt', '<', row.createdAt),
					eb.and([eb('createdAt', '=', row.createdAt), eb('id', '<', row.id)])
				])
			)
			.executeTakeFirstOrThrow();
		waitlistPosition = ahead.n + 1;
	}
	return { ...row, sides, actions: allowedActions(row.status, sideList), waitlistPosition };
}

/**
 * The bookings of an offer: all of them for the provider (and the secretariat), only the user's
 * own schools' for anyone else. Null when the offer does not exist.
 */
export async function listBookingsForOffer(
	db: Kysely<DB>,
	user: OfferUser | null,
	offerId: string
): Promise<BookingListItem[] | null> {
	if (!UUID.test(offerId)) return null;
	const offer = await db
		.selectFrom('offer')
		.innerJoin('activity', 'activity.id', 'offer.activityId')
		.select('activity.ownerId')
		.where('offer.id', '=', offerId)
		.executeTakeFirst();
	if (!offer || !user) return null;
	const rows = await bookingListQuery(db)
		.where('booking.offerId', '=', offerId)
		.orderBy('booking.createdAt')
		.orderBy('booking.id')
		.execute();
	if (canEditOffer(user, offer)) return rows;
	return rows.filter((r) =>
		canBookFor(user, { id: r.schoolId, municipalityId: r.schoolMunicipalityId })
	);
}

/** Schools the user may book for (the form's choices), by name. */
export async function listBookableSchools(
	db: Kysely<DB>,
	user: OfferUser | null
): Promise<{ id: string; name: string; municipalityId: string | null }[]> {
	if (!user) return [];
	const orgIds = user.memberships.map((ms) => ms.organisationId);
	let query = db
		.selectFrom('organisation')
		.select(['id', 'name', 'municipalityId'])
		.where('kind', '=', 'school')
		.orderBy('name');
	if (!user.isSecretariat) {
		if (orgIds.length === 0) return [];
		query = query.where((eb) =>
			eb.or([eb('id', 'in', orgIds), eb('municipalityId', 'in', orgIds)])
		);
	}
	const rows = await query.execute();
	return rows.filter((school) => canBookFor(user, school));
}
