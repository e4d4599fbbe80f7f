import type { Kysely, Transaction } from 'kysely';
import type { Actor } from '$lib/auth';
import { m } from '$lib/paraglide/messages.js';
import type { DB } from '$lib/platform/server/db/schema';
import { canEditOffer } from './policy';
import { promoteWaitlist } from './capacity';
import { composeBookingMails, deliverBookingMails, type BookingEvent } from './notify';
import {
	cancelActivity,
	lockOfferForUser,
	setOfferColumns,
	type OfferForBooking
} from './queries/offers';
import { cancelOpenBookingsOfOffer } from './queries/bookings';
import { UUID, refuse, success, type Result } from '$lib/platform/server/http/result';
import type { MailMessage } from '$lib/platform/server/mail';
import { auditBooking, auditOffer } from './audit';
import { summaries } from '$lib/audit/server';
import { closedSchoolYearOf } from '$lib/school-year/server';

type Outcome = Result<{ id: string }> & { mails?: MailMessage[] };
type Change = (trx: Transaction<DB>, offer: OfferForBooking) => Promise<MailMessage[]>;

/**
 * Runs `change` on an editable offer under its lock; mails go out after the commit. A change that
 * writes personal data onto the bookings (`writesPersonalData`) is refused in a closed school year.
 */
async function changeOffer(
	db: Kysely<DB>,
	user: Actor | null,
	offerId: string,
	change: Change,
	options: { writesPersonalData?: boolean } = {}
): Promise<Result<{ id: string }>> {
	if (!UUID.test(offerId)) return refuse(404, m.offer_err_not_found());
	const outcome: Outcome = await db.transaction().execute(async (trx) => {
		const offer = await lockOfferForUser(trx, user, offerId);
		if (!offer) return refuse(404, m.offer_err_not_found());
		if (!canEditOffer(user, offer)) return refuse(403, m.offer_err_forbidden_edit());
		if (offer.status === 'cancelled') return refuse(409, m.offer_err_cancelled());
		if (options.writesPersonalData) {
			const closedYear = await closedSchoolYearOf(trx, offer.startDate);
			if (closedYear) return refuse(409, m.offer_err_year_closed({ year: closedYear }));
		}
		return { ...success({ id: offer.id }), mails: await change(trx, offer) };
	});
	if (!outcome.ok) return outcome;
	const { mails, ...result } = outcome;
	if (mails?.length) await deliverBookingMails(db, mails);
	return result;
}

/** No new bookings; the existing ones stand. */
export function closeOffer(db: Kysely<DB>, user: Actor | null, offerId: string) {
	return changeOffer(db, user, offerId, async (trx, offer) => {
		await setOfferColumns(trx, offer.id, { status: 'closed' });
		await auditOffer(trx, user, 'update', offer, summaries.offerClosed(offer.title));
		return [];
	});
}

/** Open for booking again; places freed while closed go to the waitlist first. */
export function reopenOffer(db: Kysely<DB>, user: Actor | null, offerId: string) {
	return changeOffer(db, user, offerId, async (trx, offer) => {
		await setOfferColumns(trx, offer.id, { status: 'open' });
		await auditOffer(trx, user, 'update', offer, summaries.offerReopened(offer.title));
		const promoted = await promoteWaitlist(trx, { ...offer, status: 'open' });
		return composeBookingMails(
			trx,
			promoted.map((bookingId) => ({ kind: 'promoted' as const, bookingId }))
		);
	});
}

/**
 * Cancels the offer and its activity (it stays on the wheel, struck through, also for the schools
 * that had booked) and every live booking with the reason; each school is told.
 */
export async function cancelOffer(
	db: Kysely<DB>,
	user: Actor | null,
	offerId: string,
	input: { reason: string }
): Promise<Result<{ id: string }>> {
	const reason = input.reason?.trim() ?? '';
	if (reason === '') {
		const message = m.booking_err_reason_required();
		return refuse(400, message, { reason: message });
	}
	return changeOffer(
		db,
		user,
		offerId,
		async (trx, offer) => {
			await setOfferColumns(trx, offer.id, { status: 'cancelled' });
			await cancelActivity(trx, offer.activityId);
			const cancelled = await cancelOpenBookingsOfOffer(trx, offer.id, reason);
			await auditOffer(trx, user, 'cancel', offer);
			// Each school sees in its own log that its booking went with the offer.
			for (const booking of cancelled)
				await auditBooking(trx, user, 'cancel', booking, offer.title);
			const events: BookingEvent[] = cancelled.map((b) => ({
				kind: 'cancelled',
				bookingId: b.id,
				by: 'provider'
			}));
			return composeBookingMails(trx, events);
		},
		{ writesPersonalData: true }
	);
}
