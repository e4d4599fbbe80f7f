import type { Kysely, Transaction } from 'kysely';
import { m } from '$lib/paraglide/messages.js';
import { copenhagenToday } from '$lib/dates/iso';
import { formatDate } from '$lib/dates/format';
import type { Booking, DB } from './db/schema';
import { canBookFor, type OfferUser } from './offer-rights';
import { lockOfferForBooking, takenSeats, type OfferForBooking } from './booking-capacity';
import { ACTIVE_STATUSES } from './booking-state';
import { deliverBookingMails, requestedMails } from './booking-notify';
import { UUID, refuse, success, type Refusal, type Result } from './booking-result';
import type { MailMessage } from './mail';
import { auditBooking } from './booking-audit';

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

async function findByKey(db: Kysely<DB>, schoolId: string, key: string) {
	return db
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

/**
 * What does not need the offer lock, in one query before it: the school, and whether the key
 * was used already (a replay seen here is final; a race is caught by the insert's conflict).
 */
async function loadSchool(db: Kysely<DB>, input: BookSeatsInput) {
	if (!UUID.test(input.schoolId)) return undefined;
	return db
		.selectFrom('organisation')
		.leftJoin('booking', (join) =>
			join
				.onRef('booking.schoolId', '=', 'organisation.id')
				.on('booking.idempotencyKey', '=', input.idempotencyKey)
		)
		.select([
			'organisation.id',
			'organisation.municipalityId',
			'organisation.name',
			'booking.id as existingId'
		])
		.where('organisation.id', '=', input.schoolId)
		.where('organisation.kind', '=', 'school')
		.executeTakeFirst();
}

type School = NonNullable<Awaited<ReturnType<typeof loadSchool>>>;

/**
 * Under the offer lock the round trips are: the lock (offer, activity and mail data), the seats
 * taken (its own statement: a subquery of the locking statement would read the snapshot from
 * before the wait for the lock and miss the bookings just committed), and the booking insert
 * with the participant row in one statement. Refusals end after the first or second.
 */
async function bookInTransaction(
	trx: Transaction<DB>,
	user: BookingActor | null,
	input: BookSeatsInput,
	school: School | undefined,
	today: string
): Promise<Outcome> {
	const offer = await lockOfferForBooking(trx, user, input.offerId);
	if (!offer) return refuse(404, m.offer_err_not_found());
	if (!user) return refuse(403, m.booking_err_login());
	if (!school) {
		const message = m.booking_err_school_unknown();
		return refuse(400, message, { schoolId: message });
	}
	if (!canBookFor(user, school)) {
		const message = m.booking_err_school_forbidden();
		return refuse(403, message, { schoolId: message });
	}
	// Before any capacity check: the retry of a booking that took the last seat still succeeds.
	if (school.existingId) {
		return replay((await findByKey(trx, school.id, input.idempotencyKey))!, offer.id);
	}
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
	const status = input.seats > free ? 'waitlisted' : 'requested';
	// The booking and, for a live one, the school as participant of the activity (what
	// syncParticipant would do for a new live booking) in one statement.
	const inserted = await trx
		.with('b', (db) =>
			db
				.insertInto('booking')
				.values({
					offerId: offer.id,
					schoolId: school.id,
					classLabel: input.classLabel.trim(),
					seats: input.seats,
					teacherName: input.teacherName.trim(),
					teacherEmail: input.teacherEmail.trim(),
					pupilFirstNames: input.pupilFirstNames ?? [],
					status,
					idempotencyKey: input.idempotencyKey,
					createdBy: user.id
				})
				.onConflict((oc) => oc.columns(['schoolId', 'idempotencyKey']).doNothing())
				.returningAll()
		)
		.with('p', (db) =>
			db
				.insertInto('activityParticipant')
				.columns(['activityId', 'organisationId'])
				.expression((eb) =>
					eb
						.selectFrom('b')
						.innerJoin('offer', 'offer.id', 'b.offerId')
						.select(['offer.activityId', 'b.schoolId'])
						.where('b.status', 'in', ACTIVE_STATUSES)
				)
				.onConflict((oc) => oc.columns(['activityId', 'organisationId']).doNothing())
		)
		.selectFrom('b')
		.selectAll()
		.executeTakeFirst();
	if (!inserted) return replay((await findByKey(trx, school.id, input.idempotencyKey))!, offer.id);
	// The one extra statement of the hot path: a replay above writes no event.
	await auditBooking(trx, user, 'create', inserted, offer.title);
	if (inserted.status === 'waitlisted') return success({ booking: inserted, replayed: false });
	const mails = requestedMails({ ...offer, ...inserted, schoolName: school.name });
	return { ...success({ booking: inserted as Booking, replayed: false }), mails };
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
	const school = await loadSchool(db, input);
	const outcome = await db
		.transaction()
		.execute((trx) => bookInTransaction(trx, user, input, school, today));
	if (!outcome.ok) return outcome;
	const { mails, ...result } = outcome;
	if (mails?.length) await deliverBookingMails(db, mails);
	return result;
}
