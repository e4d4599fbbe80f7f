import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Actor } from '$lib/auth';
import { m } from '$lib/paraglide/messages.js';
import { copenhagenToday } from '$lib/platform/dates/iso';
import { formatDate } from '$lib/platform/dates/format';
import type { Booking, DB } from '$lib/platform/server/db/schema';
import { canBookFor } from './policy';
import type { OfferForBooking } from './queries/offers';
import { insertBookingUnderLock, lockOfferForNewBooking } from './queries/new-booking';
import { findBookingByKey } from './queries/bookings';
import { requestedMails } from './notify';
import { UUID, refuse, success, type Refusal, type Result } from '$lib/platform/server/http/result';
import { deliverOutboxInBackground } from '$lib/platform/server/mail';
import { bookingSummary } from '$lib/audit/server';

export * from '$lib/platform/server/http/result';
export { cancelBooking, confirmBooking, declineBooking } from './answer';
export * from './booking-views';
export * from './dashboards';
export * from './conflicts';
export * from './checklist';

export interface BookSeatsInput extends Pick<
	Booking,
	'offerId' | 'schoolId' | 'classLabel' | 'seats' | 'teacherName' | 'teacherEmail'
> {
	pupilFirstNames?: string[];
	/** Same key from the same school = the same booking (a double-clicked submit books once). */
	idempotencyKey: string;
	/** When the offer is full: wait in line instead of being refused. */
	joinWaitlist?: boolean;
	/**
	 * When the request does not fit: book the places that are free and put the rest of the class
	 * on the waiting list (a second booking, keyed by this key plus '-rest').
	 */
	splitRest?: boolean;
}

export interface BookSeatsValue {
	booking: Booking;
	/** With splitRest: the booking of the pupils who did not fit, on the waiting list. */
	rest?: Booking;
	/** True when the key had been used before and nothing new was booked. */
	replayed: boolean;
}

type Outcome = Result<BookSeatsValue> & { outboxIds?: string[] };

/** Refusals that depend on the offer and the day, not on the seats left. */
function offerRefusal(
	offer: OfferForBooking,
	input: BookSeatsInput,
	today: string,
	viaAllocation: boolean
): Refusal | null {
	if (offer.inAllocationRound && !viaAllocation) return refuse(409, m.booking_err_in_round());
	if (viaAllocation) return null;
	if (offer.status === 'cancelled' || offer.activityStatus === 'cancelled') {
		return refuse(409, m.booking_err_cancelled());
	}
	if (offer.status === 'closed') return refuse(409, m.booking_err_closed());
	if (today > offer.endDate) return refuse(409, m.booking_err_past());
	if (offer.bookingOpensAt && today < offer.bookingOpensAt) {
		return refuse(409, m.booking_err_not_open_yet({ date: formatDate(offer.bookingOpensAt) }));
	}
	if (offer.bookingClosesAt && today > offer.bookingClosesAt) {
		return refuse(409, m.booking_err_window_closed({ date: formatDate(offer.bookingClosesAt) }));
	}
	const names = input.pupilFirstNames ?? [];
	if (names.length > 0 && offer.kind !== 'erhvervspraktik') {
		const message = m.booking_err_names_not_praktik();
		return refuse(400, message, { pupilFirstNames: message });
	}
	if (names.length > input.seats) {
		const message = m.booking_err_names_too_many({ seats: String(input.seats) });
		return refuse(400, message, { pupilFirstNames: message });
	}
	return null;
}

function replay(existing: Booking, offerId: string): Outcome {
	if (existing.offerId !== offerId) return refuse(409, m.booking_err_key_reused());
	return success({ booking: existing, replayed: true });
}

/**
 * Under the offer lock the round trips are: the lock (offer, activity, mail data, the school and
 * whether its key was used), then one statement that sums the seats taken and inserts the booking,
 * the participant row and the provider's mail in the outbox (booking-insert.ts). The sum must not
 * be part of the locking statement: that would read the snapshot from before the wait for the
 * lock and miss the bookings just committed.
 */
async function bookInTransaction(
	trx: Transaction<DB>,
	user: Actor | null,
	input: BookSeatsInput,
	today: string,
	viaAllocation: boolean
): Promise<Outcome> {
	const offer = await lockOfferForNewBooking(trx, user, input);
	if (!offer) return refuse(404, m.offer_err_not_found());
	if (!user) return refuse(403, m.booking_err_login());
	if (!offer.schoolId) {
		const message = m.booking_err_school_unknown();
		return refuse(400, message, { schoolId: message });
	}
	const school = { id: offer.schoolId, municipalityId: offer.schoolMunicipalityId };
	if (!canBookFor(user, school)) {
		const message = m.booking_err_school_forbidden();
		return refuse(403, message, { schoolId: message });
	}
	// Before any capacity check: the retry of a booking that took the last seat still succeeds.
	if (offer.priorId) {
		return replay((await findBookingByKey(trx, school.id, input.idempotencyKey))!, offer.id);
	}
	const refusal = offerRefusal(offer, input, today, viaAllocation);
	if (refusal) return refusal;
	const values = {
		classLabel: input.classLabel.trim(),
		seats: input.seats,
		teacherName: input.teacherName.trim(),
		teacherEmail: input.teacherEmail.trim()
	};
	// Made here, not by the database: the provider's mail links to the booking it announces.
	const id = randomUUID();
	const row = await insertBookingUnderLock(trx, {
		...values,
		id,
		offerId: offer.id,
		activityId: offer.activityId,
		capacity: offer.capacity,
		schoolId: school.id,
		pupilFirstNames: input.pupilFirstNames ?? [],
		idempotencyKey: input.idempotencyKey,
		joinWaitlist: input.joinWaitlist ?? false,
		createdBy: user.id,
		requestedMails: requestedMails({
			...offer,
			...values,
			bookingId: id,
			schoolName: offer.schoolName!
		}),
		auditSummary: {
			requested: bookingSummary({ ...values, status: 'requested' }, offer.title),
			waitlisted: bookingSummary({ ...values, status: 'waitlisted' }, offer.title)
		}
	});
	const free = offer.capacity - row.taken;
	if (!row.id) {
		// The key was used meanwhile (on this or another offer), or there is no room.
		if (row.priorOfferId || input.seats <= free || input.joinWaitlist) {
			return replay((await findBookingByKey(trx, school.id, input.idempotencyKey))!, offer.id);
		}
		if (input.splitRest && free > 0) return splitInTransaction(trx, user, input, free, today);
		const message = m.booking_err_full({
			free: String(Math.max(free, 0)),
			seats: String(input.seats)
		});
		return refuse(409, message, { seats: message });
	}
	const inserted = row as Booking;
	// Its audit event was written by the same statement; a replay above writes none.
	return { ...success({ booking: inserted, replayed: false }), outboxIds: row.outboxIds ?? [] };
}

/**
 * The places that are free are booked, the rest of the class waits: two bookings in the same
 * transaction, under the same offer lock. First names go with the seats in the order typed.
 */
async function splitInTransaction(
	trx: Transaction<DB>,
	user: Actor,
	input: BookSeatsInput,
	free: number,
	today: string
): Promise<Outcome> {
	const names = input.pupilFirstNames ?? [];
	const fits = await bookInTransaction(
		trx,
		user,
		{ ...input, seats: free, pupilFirstNames: names.slice(0, free), splitRest: false },
		today,
		false
	);
	if (!fits.ok) return fits;
	const rest = await bookInTransaction(
		trx,
		user,
		{
			...input,
			seats: input.seats - free,
			pupilFirstNames: names.slice(free),
			idempotencyKey: `${input.idempotencyKey}-rest`,
			joinWaitlist: true,
			splitRest: false
		},
		today,
		false
	);
	if (!rest.ok) return rest;
	return {
		...success({ booking: fits.value.booking, rest: rest.value.booking, replayed: false }),
		outboxIds: [...(fits.outboxIds ?? []), ...(rest.outboxIds ?? [])]
	};
}

/**
 * Books seats on an offer for a school, in one transaction under the offer's row lock: the seats
 * of requested and confirmed bookings never exceed capacity. When the offer is full the booking
 * is refused, waitlisted with `joinWaitlist`, or split with `splitRest`. The provider is told after the commit.
 */
export async function bookSeats(
	db: Kysely<DB>,
	user: Actor | null,
	input: BookSeatsInput,
	options: { today?: string; viaAllocation?: boolean } = {}
): Promise<Result<BookSeatsValue>> {
	if (!UUID.test(input.offerId)) return refuse(404, m.offer_err_not_found());
	if (!Number.isInteger(input.seats) || input.seats < 1) {
		const message = m.booking_err_seats();
		return refuse(400, message, { seats: message });
	}
	const today = options.today ?? copenhagenToday();
	const outcome = await db
		.transaction()
		.execute((trx) => bookInTransaction(trx, user, input, today, options.viaAllocation ?? false));
	if (!outcome.ok) return outcome;
	const { outboxIds, ...result } = outcome;
	// Recorded in the transaction; SMTP, when configured, is not waited for.
	if (outboxIds?.length) deliverOutboxInBackground(db, outboxIds);
	return result;
}
