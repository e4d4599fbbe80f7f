import type { Kysely, Transaction } from 'kysely';
import type { Actor } from '$lib/auth';
import { m } from '$lib/paraglide/messages.js';
import type { Booking, BookingStatus, DB } from '$lib/platform/server/db/schema';
import { bookingSides } from './policy';
import { holdsSeats, transition, type BookingAction, type BookingSide } from './state';
import { promoteWaitlist, syncParticipant } from './capacity';
import { lockOffer } from './queries/offers';
import { composeBookingMails, deliverBookingMails, type BookingEvent } from './notify';
import { UUID, refuse, success, type Result } from '$lib/platform/server/http/result';
import { findBookingOrThrow, loadBookingParties, setBookingColumns } from './queries/bookings';
import type { MailMessage } from '$lib/platform/server/mail';
import { auditBooking } from './audit';
import { closedSchoolYearOf } from '$lib/school-year/server';

const STATUS_TEXT: Record<BookingStatus, () => string> = {
	requested: () => m.booking_status_requested(),
	confirmed: () => m.booking_status_confirmed(),
	declined: () => m.booking_status_declined(),
	cancelled: () => m.booking_status_cancelled(),
	waitlisted: () => m.booking_status_waitlisted()
};
const ACTION_TEXT: Record<BookingAction, () => string> = {
	confirm: () => m.booking_action_confirm(),
	decline: () => m.booking_action_decline(),
	cancel: () => m.booking_action_cancel(),
	promote: () => m.booking_action_promote()
};

function statusText(status: BookingStatus): string {
	return STATUS_TEXT[status]();
}

export function sidesList(sides: { school: boolean; provider: boolean }): BookingSide[] {
	return [
		...(sides.provider ? ['provider' as const] : []),
		...(sides.school ? ['school' as const] : [])
	];
}

type Outcome = Result<Booking> & { mails?: MailMessage[] };

async function changeInTransaction(
	trx: Transaction<DB>,
	user: Actor | null,
	bookingId: string,
	action: BookingAction,
	text: string
): Promise<Outcome> {
	const parties = await loadBookingParties(trx, bookingId);
	const sides = parties ? bookingSides(user, parties) : { school: false, provider: false };
	if (!parties || (!sides.school && !sides.provider)) return refuse(404, m.booking_err_not_found());
	// The offer lock first, as every seat change takes it: the status is read again under it.
	const offer = await lockOffer(trx, parties.offerId);
	// An answer's message and a cancellation's reason are personal data: a closed year gets none.
	const closedYear = await closedSchoolYearOf(trx, offer.startDate);
	if (closedYear) return refuse(409, m.booking_err_year_closed({ year: closedYear }));
	const before = await findBookingOrThrow(trx, bookingId);
	const moved = transition(before.status, action, sidesList(sides));
	if (!moved.ok && moved.error === 'illegal_transition') {
		return refuse(
			409,
			m.booking_err_transition({ status: statusText(before.status), action: ACTION_TEXT[action]() })
		);
	}
	if (!moved.ok) return refuse(403, m.booking_err_forbidden_answer());
	if (action === 'cancel' && text.trim() === '') {
		const message = m.booking_err_reason_required();
		return refuse(400, message, { reason: message });
	}
	const after = await setBookingColumns(trx, bookingId, {
		status: moved.to,
		...(action === 'cancel' ? { cancelReason: text.trim() } : { message: text.trim() })
	});
	await auditBooking(trx, user, action === 'cancel' ? 'cancel' : 'update', after, offer.title);
	const events: BookingEvent[] = [];
	if (moved.to === 'cancelled') {
		// Someone on both sides (the secretariat) cancels for the school, so the provider is told.
		events.push({ kind: 'cancelled', bookingId, by: sides.school ? 'school' : 'provider' });
	} else if (moved.to === 'confirmed' || moved.to === 'declined') {
		events.push({ kind: moved.to, bookingId });
	}
	if (holdsSeats(before.status) && !holdsSeats(moved.to)) {
		for (const id of await promoteWaitlist(trx, offer))
			events.push({ kind: 'promoted', bookingId: id });
	}
	await syncParticipant(trx, offer, before.schoolId);
	const mails = await composeBookingMails(trx, events);
	return { ...success(after), mails };
}

async function change(
	db: Kysely<DB>,
	user: Actor | null,
	bookingId: string,
	action: BookingAction,
	text: string
): Promise<Result<Booking>> {
	if (!UUID.test(bookingId)) return refuse(404, m.booking_err_not_found());
	const outcome = await db
		.transaction()
		.execute((trx) => changeInTransaction(trx, user, bookingId, action, text));
	if (!outcome.ok) return outcome;
	const { mails, ...result } = outcome;
	if (mails?.length) await deliverBookingMails(db, mails);
	return result;
}

/** The provider accepts a request; the school is told, with the provider's message. */
export function confirmBooking(
	db: Kysely<DB>,
	user: Actor | null,
	bookingId: string,
	input: { message?: string } = {}
): Promise<Result<Booking>> {
	return change(db, user, bookingId, 'confirm', input.message ?? '');
}

/** The provider turns a request down; its seats go to the waitlist. */
export function declineBooking(
	db: Kysely<DB>,
	user: Actor | null,
	bookingId: string,
	input: { message?: string } = {}
): Promise<Result<Booking>> {
	return change(db, user, bookingId, 'decline', input.message ?? '');
}

/** Either side cancels with a reason; freed seats go to the waitlist, and the other side is told. */
export function cancelBooking(
	db: Kysely<DB>,
	user: Actor | null,
	bookingId: string,
	input: { reason: string }
): Promise<Result<Booking>> {
	return change(db, user, bookingId, 'cancel', input.reason ?? '');
}
