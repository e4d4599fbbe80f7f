import type { Transaction } from 'kysely';
import type { DB } from '$lib/platform/server/db/schema';
import { auditBooking } from './audit';
import { hasLiveBooking, listWaitlisted, takenSeats, setBookingColumns } from './queries/bookings';
import { addParticipant, removeParticipant, type OfferForBooking } from './queries/offers';

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
	const promoted: string[] = [];
	for (const booking of await listWaitlisted(trx, offer.id)) {
		if (booking.seats > free) continue;
		free -= booking.seats;
		promoted.push(booking.id);
		await setBookingColumns(trx, booking.id, { status: 'requested' });
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
	if (await hasLiveBooking(trx, offer.id, schoolId)) {
		await addParticipant(trx, offer.activityId, schoolId);
	} else {
		await removeParticipant(trx, offer.activityId, schoolId);
	}
}
