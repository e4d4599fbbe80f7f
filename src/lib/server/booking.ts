import type { Kysely, Transaction } from 'kysely';
import { m } from '$lib/paraglide/messages.js';
import { copenhagenToday } from '$lib/dates/iso';
import { formatDate } from '$lib/dates/format';
import type { Booking, DB } from './db/schema';
import { canBookFor, type OfferUser } from './offer-rights';
import {
	isBookable,
	lockOfferForUser,
	syncParticipant,
	takenSeats,
	type OfferForBooking
} from './booking-capacity';
import { composeBookingMails, deliverBookingMails } from './booking-notify';
import { UUID, refuse, success, type Refusal, type Result } from './booking-result';
import type { MailMessage } from './mail';

export * from './booking-result';
export { cancelBooking, confirmBooking, declineBooking } from './booking-answer';
export * from './booking-queries';
export * from './booking-dashboards';
export * from './booking-conflicts';
export * from './booking-checklist';

export type BookingActor = OfferUser & { id: string };

export interface BookSeatsInput {
	offerId: string;
	schoolId: string;
	classLabel: string;
	seats: number;
	teacherName: string;
	teacherEmail: string;
	pupilFirstNames?: string[];
	/** Same key from the same school = the same booking (a double-clicked submit books once). */
	idempotencyKey: string;
	/** When the offer is full: wait in line instead of being refused. */
	joinWaitlist?: boolean;
}

export interface BookSeatsValue {
	booking: Booking;
	/** True when the key had been used before and nothing new was booked. */
	replayed: boolean;
}

type Outcome = Result<BookSeatsValue> & { mails?: MailMessage[] };

/** Refusals that depend on the offer and the day, not on the seats left. */
function offerRefusal(
	offer: OfferForBooking,
	input: BookSeatsInput,
	today: string
): Refusal | null {
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

async function findByKey(trx: Transaction<DB>, schoolId: string, key: string) {
	return trx
		.selectFrom('booking')
		.selectAll()
		.where('schoolId', '=', schoolId)
		.where('idempotencyKey', '=', key)
		.executeTakeFirst();
}

function replay(existing: Booking, offerId: string): Outcome {
	if (existing.offerId !== offerId) return refuse(409, m.booking_err_key_reused());
	return success({ booking: existing, replayed: true });
}

async function bookInTransaction(
	trx: Transaction<DB>,
	user: BookingActor | null,
	input: BookSeatsInput,
	today: string
): Promise<Outcome> {
	const offer = await lockOfferForUser(trx, user, input.offerId);
	if (!offer) return refuse(404, m.offer_err_not_found());
	if (!user) return refuse(403, m.booking_err_login());
	const school = UUID.test(input.schoolId)
		? await trx
				.selectFrom('organisation')
				.select(['id', 'municipalityId'])
				.where('id', '=', input.schoolId)
				.where('kind', '=', 'school')
				.executeTakeFirst()
		: undefined;
	if (!school) {
		const message = m.booking_err_school_unknown();
		return refuse(400, message, { schoolId: message });
	}
	if (!canBookFor(user, school)) {
		const message = m.booking_err_school_forbidden();
		return refuse(403, message, { schoolId: message });
	}
	// Before any capacity check: the retry of a booking that took the last seat still succeeds.
	const existing = await findByKey(trx, school.id, input.idempotencyKey);
	if (existing) return replay(existing, offer.id);
	const refusal = offerRefusal(offer, input, today);
	if (refusal) return refusal;
	const free = offer.capacity - (await takenSeats(trx, offer.id));
	if (input.seats > free && !input.joinWaitlist) {
		const message = m.booking_err_full({
			free: String(Math.max(free, 0)),
			seats: String(input.seats)
		});
		return refuse(409, message, { seats: message });
	}
	const inserted = await trx
		.insertInto('booking')
		.values({
			offerId: offer.id,
			schoolId: school.id,
			classLabel: input.classLabel.trim(),
			seats: input.seats,
			teacherName: input.teacherName.trim(),
			teacherEmail: input.teacherEmail.trim(),
			pupilFirstNames: input.pupilFirstNames ?? [],
			status: input.seats > free ? 'waitlisted' : 'requested',
			idempotencyKey: input.idempotencyKey,
			createdBy: user.id
		})
		.onConflict((oc) => oc.columns(['schoolId', 'idempotencyKey']).doNothing())
		.returningAll()
		.executeTakeFirst();
	if (!inserted) return replay((await findByKey(trx, school.id, input.idempotencyKey))!, offer.id);
	if (inserted.status === 'waitlisted') return success({ booking: inserted, replayed: false });
	await syncParticipant(trx, offer, school.id);
	const mails = await composeBookingMails(trx, [{ kind: 'requested', bookingId: inserted.id }]);
	return { ...success({ booking: inserted, replayed: false }), mails };
}

/**
 * Books seats on an offer for a school, in one transaction under the offer's row lock: the seats
 * of requested and confirmed bookings never exceed capacity. When the offer is full the booking
 * is refused, or waitlisted with `joinWaitlist`. The provider is told after the commit.
 */
export async function bookSeats(
	db: Kysely<DB>,
	user: BookingActor | null,
	input: BookSeatsInput,
	options: { today?: string } = {}
): Promise<Result<BookSeatsValue>> {
	if (!UUID.test(input.offerId)) return refuse(404, m.offer_err_not_found());
	if (!Number.isInteger(input.seats) || input.seats < 1) {
		const message = m.booking_err_seats();
		return refuse(400, message, { seats: message });
	}
	const today = options.today ?? copenhagenToday();
	const outcome = await db
		.transaction()
		.execute((trx) => bookInTransaction(trx, user, input, today));
	if (!outcome.ok) return outcome;
	const { mails, ...result } = outcome;
	if (mails?.length) await deliverBookingMails(db, mails);
	return result;
}
