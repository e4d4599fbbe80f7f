import type { Kysely } from 'kysely';
import type { Actor } from '$lib/auth';
import type { DB } from '$lib/platform/server/db/schema';
import { UUID } from '$lib/platform/server/http/result';
import { bookingSides, canBookFor, canEditOffer } from './policy';
import { allowedActions, type BookingAction } from './state';
import { sidesList } from './answer';
import {
	countWaitlistedBefore,
	findBookingDetail,
	listBookingsOfOffer,
	type BookingListItem
} from './queries/bookings';
import { findOfferOwner } from './queries/offers';
import { listSchools } from './queries/organisations';

// What a user sees of bookings outside the dashboards: one booking, an offer's bookings, and the
// schools the booking form offers.

export type { BookingListItem };

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
	user: Actor | null,
	bookingId: string
): Promise<BookingDetail | null> {
	if (!UUID.test(bookingId)) return null;
	const row = await findBookingDetail(db, bookingId);
	if (!row) return null;
	const sides = bookingSides(user, row);
	if (!sides.school && !sides.provider) return null;
	const waitlistPosition =
		row.status === 'waitlisted' ? (await countWaitlistedBefore(db, row)) + 1 : null;
	return { ...row, sides, actions: allowedActions(row.status, sidesList(sides)), waitlistPosition };
}

/**
 * The bookings of an offer: all of them for the provider (and the secretariat), only the user's
 * own schools' for anyone else. Null when the offer does not exist.
 */
export async function listBookingsForOffer(
	db: Kysely<DB>,
	user: Actor | null,
	offerId: string
): Promise<BookingListItem[] | null> {
	if (!UUID.test(offerId)) return null;
	const offer = await findOfferOwner(db, offerId);
	if (!offer || !user) return null;
	const rows = await listBookingsOfOffer(db, offerId);
	if (canEditOffer(user, offer)) return rows;
	return rows.filter((r) =>
		canBookFor(user, { id: r.schoolId, municipalityId: r.schoolMunicipalityId })
	);
}

/** Schools the user may book for (the form's choices), by name. */
export async function listBookableSchools(
	db: Kysely<DB>,
	user: Actor | null
): Promise<{ id: string; name: string; municipalityId: string | null }[]> {
	if (!user) return [];
	const orgIds = user.isSecretariat ? null : user.memberships.map((ms) => ms.organisationId);
	if (orgIds?.length === 0) return [];
	const rows = await listSchools(db, orgIds);
	return rows.filter((school) => canBookFor(user, school));
}
