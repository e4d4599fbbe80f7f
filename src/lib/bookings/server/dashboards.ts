import type { Kysely } from 'kysely';
import type { Actor } from '$lib/auth';
import { copenhagenToday } from '$lib/platform/dates/iso';
import type { BookingStatus, DB } from '$lib/platform/server/db/schema';
import { canViewMunicipalityBookings, canViewSchoolBookings } from './policy';
import { BOOKING_STATUSES } from './state';
import { UUID } from '$lib/platform/server/http/result';
import {
	listBookingsOfMunicipality,
	listBookingsOfSchool,
	listOpenBookingsOfActivities,
	listProviderBookings,
	type BookingListItem
} from './queries/bookings';
import { findSchool, listSchoolsOfMunicipality } from './queries/organisations';

type Options = { today?: string };

export interface SchoolBookings {
	byStatus: Record<BookingStatus, BookingListItem[]>;
	/** Requested and confirmed bookings that have not ended, soonest first. */
	upcoming: BookingListItem[];
}

/** A school's bookings; null unless the user is its member, its municipality or the secretariat. */
export async function schoolBookings(
	db: Kysely<DB>,
	user: Actor | null,
	schoolId: string,
	options: Options = {}
): Promise<SchoolBookings | null> {
	if (!user || !UUID.test(schoolId)) return null;
	const school = await findSchool(db, schoolId);
	if (!school || !canViewSchoolBookings(user, school)) return null;
	const today = options.today ?? copenhagenToday();
	const rows = await listBookingsOfSchool(db, schoolId);
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
function providerIds(user: Actor | null): string[] {
	return user?.memberships.map((ms) => ms.organisationId) ?? [];
}

/** Requests waiting for the user's organisations to answer (the count is the navigation badge). */
export async function providerRequestsWaiting(
	db: Kysely<DB>,
	user: Actor | null
): Promise<{ count: number; items: BookingListItem[] }> {
	const ids = providerIds(user);
	if (ids.length === 0) return { count: 0, items: [] };
	const items = await listProviderBookings(db, ids, 'requested');
	return { count: items.length, items };
}

/** Confirmed bookings on the user's organisations' offers that have not ended, and the pupils. */
export async function providerUpcoming(
	db: Kysely<DB>,
	user: Actor | null,
	options: Options = {}
): Promise<{ items: BookingListItem[]; bookings: number; pupils: number }> {
	const ids = providerIds(user);
	if (ids.length === 0) return { items: [], bookings: 0, pupils: 0 };
	const today = options.today ?? copenhagenToday();
	const items = await listProviderBookings(db, ids, 'confirmed', today);
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
	user: Actor | null,
	municipalityId: string,
	options: Options = {}
): Promise<{ schools: MunicipalitySchoolSummary[]; upcoming: BookingListItem[] } | null> {
	if (!user || !UUID.test(municipalityId)) return null;
	if (!canViewMunicipalityBookings(user, municipalityId)) return null;
	const today = options.today ?? copenhagenToday();
	const schools = await listSchoolsOfMunicipality(db, municipalityId);
	const rows = await listBookingsOfMunicipality(db, municipalityId);
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
	user: Actor | null,
	activityIds: readonly string[]
): Promise<OwnBooking[]> {
	const orgIds = user?.memberships.map((ms) => ms.organisationId) ?? [];
	if (orgIds.length === 0 || activityIds.length === 0) return [];
	const rows = await listOpenBookingsOfActivities(db, orgIds, activityIds);
	return rows.map((row) => ({
		id: row.id,
		activityId: row.activityId,
		status: row.status as OwnBooking['status'],
		classLabel: row.classLabel
	}));
}
