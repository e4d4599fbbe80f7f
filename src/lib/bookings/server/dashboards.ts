import type { Kysely } from 'kysely';
import { copenhagenToday } from '$lib/platform/dates/iso';
import type { BookingStatus, DB } from '$lib/platform/server/db/schema';
import type { OfferUser } from './policy';
import { BOOKING_STATUSES } from './state';
import { UUID } from '$lib/platform/server/http/result';
import { bookingListQuery, type BookingListItem } from './queries/bookings';

type Options = { today?: string };

function isMemberOf(user: OfferUser, organisationId: string): boolean {
	return user.memberships.some((ms) => ms.organisationId === organisationId);
}

function byStartDate(query: ReturnType<typeof bookingListQuery>) {
	return query
		.orderBy('activity.startDate')
		.orderBy('activity.startTime', (ob) => ob.asc().nullsFirst())
		.orderBy('booking.createdAt');
}

export interface SchoolBookings {
	byStatus: Record<BookingStatus, BookingListItem[]>;
	/** Requested and confirmed bookings that have not ended, soonest first. */
	upcoming: BookingListItem[];
}

/** A school's bookings; null unless the user is its member, its municipality or the secretariat. */
export async function schoolBookings(
	db: Kysely<DB>,
	user: OfferUser | null,
	schoolId: string,
	options: Options = {}
): Promise<SchoolBookings | null> {
	if (!user || !UUID.test(schoolId)) return null;
	const school = await db
		.selectFrom('organisation')
		.select(['id', 'municipalityId'])
		.where('id', '=', schoolId)
		.where('kind', '=', 'school')
		.executeTakeFirst();
	if (!school) return null;
	const allowed =
		user.isSecretariat ||
		isMemberOf(user, school.id) ||
		(school.municipalityId !== null && isMemberOf(user, school.municipalityId));
	if (!allowed) return null;
	const today = options.today ?? copenhagenToday();
	const rows = await byStartDate(
		bookingListQuery(db).where('booking.schoolId', '=', schoolId)
	).execute();
	const byStatus = Object.fromEntries(
		BOOKING_STATUSES.map((s) => [s, [] as BookingListItem[]])
	) as Record<BookingStatus, BookingListItem[]>;
	for (const row of rows) byStatus[row.status].push(row);
	const upcoming = rows.filter(
		(r) => (r.status === 'requested' || r.status === 'confirmed') && r.endDate >= today
	);
	return { byStatus, upcoming };
}

/** Organisations whose offers the user answers for: their own memberships only. */
function providerIds(user: OfferUser | null): string[] {
	return user?.memberships.map((ms) => ms.organisationId) ?? [];
}

/** Requests waiting for the user's organisations to answer (the count is the navigation badge). */
export async function providerRequestsWaiting(
	db: Kysely<DB>,
	user: OfferUser | null
): Promise<{ count: number; items: BookingListItem[] }> {
	const ids = providerIds(user);
	if (ids.length === 0) return { count: 0, items: [] };
	const items = await byStartDate(
		bookingListQuery(db)
			.where('activity.ownerId', 'in', ids)
			.where('booking.status', '=', 'requested')
	).execute();
	return { count: items.length, items };
}

/** Confirmed bookings on the user's organisations' offers that have not ended, and the pupils. */
export async function providerUpcoming(
	db: Kysely<DB>,
	user: OfferUser | null,
	options: Options = {}
): Promise<{ items: BookingListItem[]; bookings: number; pupils: number }> {
	const ids = providerIds(user);
	if (ids.length === 0) return { items: [], bookings: 0, pupils: 0 };
	const today = options.today ?? copenhagenToday();
	const items = await byStartDate(
		bookingListQuery(db)
			.where('activity.ownerId', 'in', ids)
			.where('booking.status', '=', 'confirmed')
			.where('activity.endDate', '>=', today)
	).execute();
	return { items, bookings: items.length, pupils: items.reduce((sum, b) => sum + b.seats, 0) };
}

export interface MunicipalitySchoolSummary {
	id: string;
	name: string;
	counts: Record<BookingStatus, number>;
	/** Seats of requested and confirmed bookings that have not ended. */
	upcomingSeats: number;
}

/** Every school of a municipality with its bookings; null unless a member or the secretariat. */
export async function municipalityOverview(
	db: Kysely<DB>,
	user: OfferUser | null,
	municipalityId: string,
	options: Options = {}
): Promise<{ schools: MunicipalitySchoolSummary[]; upcoming: BookingListItem[] } | null> {
	if (!user || !UUID.test(municipalityId)) return null;
	if (!user.isSecretariat && !isMemberOf(user, municipalityId)) return null;
	const today = options.today ?? copenhagenToday();
	const schools = await db
		.selectFrom('organisation')
		.select(['id', 'name'])
		.where('kind', '=', 'school')
		.where('municipalityId', '=', municipalityId)
		.orderBy('name')
		.execute();
	const rows = await byStartDate(
		bookingListQuery(db).where('school.municipalityId', '=', municipalityId)
	).execute();
	const live = (r: BookingListItem) =>
		(r.status === 'requested' || r.status === 'confirmed') && r.endDate >= today;
	const summaries = schools.map((school) => {
		const own = rows.filter((r) => r.schoolId === school.id);
		const counts = Object.fromEntries(
			BOOKING_STATUSES.map((s) => [s, own.filter((r) => r.status === s).length])
		) as Record<BookingStatus, number>;
		const upcomingSeats = own.filter(live).reduce((sum, r) => sum + r.seats, 0);
		return { ...school, counts, upcomingSeats };
	});
	return { schools: summaries, upcoming: rows.filter(live) };
}

/** A booking as the booking school's calendar shows it. */
export interface OwnBooking {
	id: string;
	activityId: string;
	status: 'requested' | 'confirmed' | 'waitlisted';
	classLabel: string;
}

/**
 * The open bookings of these activities made by the user's own organisations: a school's own,
 * or its municipality's schools' for a municipality member. Not the secretariat's view of
 * everyone's bookings: the calendar marks what is the user's.
 */
export async function listOwnBookingsForActivities(
	db: Kysely<DB>,
	user: OfferUser | null,
	activityIds: readonly string[]
): Promise<OwnBooking[]> {
	const orgIds = user?.memberships.map((ms) => ms.organisationId) ?? [];
	if (orgIds.length === 0 || activityIds.length === 0) return [];
	const rows = await bookingListQuery(db)
		.where('offer.activityId', 'in', [...activityIds])
		.where('booking.status', 'in', ['requested', 'confirmed', 'waitlisted'])
		.where((eb) =>
			eb.or([eb('booking.schoolId', 'in', orgIds), eb('school.municipalityId', 'in', orgIds)])
		)
		.orderBy('booking.classLabel')
		.orderBy('booking.createdAt')
		.execute();
	return rows.map((row) => ({
		id: row.id,
		activityId: row.activityId,
		status: row.status as OwnBooking['status'],
		classLabel: row.classLabel
	}));
}
