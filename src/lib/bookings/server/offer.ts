import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Actor } from '$lib/auth';
import { m } from '$lib/paraglide/messages.js';
import { formatDate } from '$lib/platform/dates/format';
import { addDays, copenhagenToday } from '$lib/platform/dates/iso';
import { isoWeek } from '$lib/platform/dates/weeks';
import { kindIssues, type OfferInput, type OfferUpdateInput } from '$lib/bookings/offer-schema';
import type { DB, OfferKind, OrganisationKind } from '$lib/platform/server/db/schema';
import { canCreateOfferFor, canEditOffer } from './policy';
import { promoteWaitlist } from './capacity';
import { takenSeats } from './queries/bookings';
import {
	findActivitySchedule,
	findCategoryIdBySlug,
	findOfferRow,
	insertOfferWithActivity,
	lockOfferForUser,
	tradeExists,
	setActivityColumns,
	setOfferColumns,
	type OfferDetail
} from './queries/offers';
import { findOrganisationKind } from './queries/organisations';
import { composeBookingMails, deliverBookingMails } from './notify';
import { refuse, success, type Refusal, type Result } from '$lib/platform/server/http/result';
import { auditOffer } from './audit';

export * from './queries/offers';
export { cancelOffer, closeOffer, reopenOffer } from './offer-changes';

/** The offer, or null when it does not exist or the user may not see its activity (404). */
export async function findOfferForUser(
	db: Kysely<DB>,
	user: Actor | null,
	offerId: string
): Promise<OfferDetail | null> {
	const row = await findOfferRow(db, user, offerId);
	return row && { ...row, canEdit: canEditOffer(user, row) };
}

/**
 * The wheel category of an offer. A forløb at Industrimuseet is on the museum's ring; a forløb at
 * Learnmark (or another provider) is a taster of a vocational education, i.e. GF1-inspiration.
 */
function categorySlugFor(kind: OfferKind, ownerKind: OrganisationKind): string {
	if (kind === 'erhvervspraktik') return 'erhvervspraktik';
	if (kind === 'visit') return 'virksomhedsbesoeg';
	return ownerKind === 'museum' ? 'industrimuseet' : 'gf1-inspirationsdag';
}

async function tradeRefusal(
	trx: Transaction<DB>,
	tradeCode: string | null
): Promise<Refusal | null> {
	if (tradeCode === null || (await tradeExists(trx, tradeCode))) return null;
	const message = m.offer_err_trade_unknown();
	return refuse(400, message, { tradeCode: message });
}

function kindRefusal(kind: OfferKind, input: Parameters<typeof kindIssues>[1]): Refusal | null {
	const errors = kindIssues(kind, input);
	return Object.keys(errors).length ? refuse(400, m.form_fix_errors(), errors) : null;
}

const withSeconds = (time: string | null) => (time === null ? null : `${time}:00`);

function offerColumns(input: OfferInput | OfferUpdateInput) {
	return {
		tradeCode: input.tradeCode,
		gradeLevels: [...new Set(input.gradeLevels)].sort((a, b) => a - b),
		capacity: input.capacity,
		bookingOpensAt: input.bookingOpensAt,
		bookingClosesAt: input.bookingClosesAt,
		contactName: input.contactName,
		contactEmail: input.contactEmail,
		address: input.address,
		whatToBring: input.whatToBring,
		whatYouSee: input.whatYouSee
	};
}

/** The school must tell UU about an erhvervspraktik this many days before it begins. */
export const UU_NOTICE_DAYS = 21;

/** A week or date that has begun cannot be offered; the refusal names it. */
function pastSessionRefusal(input: OfferInput, today: string): Refusal | null {
	const past = input.sessions.find((s) => s.startDate < today);
	if (!past) return null;
	if (input.kind === 'erhvervspraktik') {
		const { week, weekYear } = isoWeek(past.startDate);
		const message = m.offer_err_week_past({ week: String(week), year: String(weekYear) });
		return refuse(400, message, { weeks: message });
	}
	const message = m.offer_err_date_past({ date: formatDate(past.startDate) });
	return refuse(400, message, { dates: message });
}

/** Erhvervspraktik weeks that begin before the school can give UU its three weeks' notice. */
export function weeksInsideUuNotice(input: Pick<OfferInput, 'kind' | 'sessions'>, today: string) {
	if (input.kind !== 'erhvervspraktik') return [];
	const deadline = addDays(today, UU_NOTICE_DAYS);
	return input.sessions.filter((s) => s.startDate < deadline).map((s) => isoWeek(s.startDate).week);
}

/**
 * Publishes an offer: one activity + offer per week (erhvervspraktik) or per session date, in one
 * transaction, tied by a group id when there are several. Weeks and dates that have begun are
 * refused; `uuWeeks` lists the weeks too close for the school to give UU three weeks' notice.
 */
export async function createOffer(
	db: Kysely<DB>,
	user: Actor | null,
	input: OfferInput,
	options: { today?: string } = {}
): Promise<
	Result<{ offerIds: string[]; activityIds: string[]; groupId: string | null; uuWeeks: number[] }>
> {
	if (!user) return refuse(403, m.offer_err_forbidden_create());
	const invalid = kindRefusal(input.kind, input);
	if (invalid) return invalid;
	if (input.sessions.length === 0)
		return refuse(400, m.form_fix_errors(), { dates: m.offer_val_dates() });
	const today = options.today ?? copenhagenToday();
	const past = pastSessionRefusal(input, today);
	if (past) return past;
	const uuWeeks = weeksInsideUuNotice(input, today);
	return db.transaction().execute(async (trx) => {
		const owner = await findOrganisationKind(trx, input.ownerId);
		if (!owner) {
			return refuse(400, m.form_fix_errors(), { ownerId: m.offer_err_owner_unknown() });
		}
		if (!canCreateOfferFor(user, owner)) {
			const message = m.offer_err_forbidden_create();
			return refuse(403, message, { ownerId: message });
		}
		const tradeProblem = await tradeRefusal(trx, input.tradeCode);
		if (tradeProblem) return tradeProblem;
		const slug = categorySlugFor(input.kind, owner.kind);
		const categoryId = await findCategoryIdBySlug(trx, slug);
		if (!categoryId) throw new Error(`Category '${slug}' is missing: the catalogue was not seeded`);
		const groupId = input.sessions.length > 1 ? randomUUID() : null;
		const offerIds: string[] = [];
		const activityIds: string[] = [];
		for (const session of input.sessions) {
			const { activityId, offerId } = await insertOfferWithActivity(
				trx,
				{
					ownerId: owner.id,
					categoryId,
					title: input.title,
					description: input.description,
					place: input.address,
					startDate: session.startDate,
					endDate: session.endDate,
					startTime: withSeconds(input.startTime),
					endTime: withSeconds(input.endTime),
					visibility: input.visibility,
					createdBy: user.id
				},
				{ ...offerColumns(input), groupId, kind: input.kind }
			);
			activityIds.push(activityId);
			offerIds.push(offerId);
			const summary = `${input.title} · ${formatDate(session.startDate)}`;
			await auditOffer(
				trx,
				user,
				'create',
				{ id: offerId, ownerId: owner.id, title: input.title },
				summary
			);
		}
		return success({ offerIds, activityIds, groupId, uuWeeks });
	});
}

/** Edits one offer (one week or session). More places promote the waitlist; fewer than booked is refused. */
export async function updateOffer(
	db: Kysely<DB>,
	user: Actor | null,
	offerId: string,
	input: OfferUpdateInput
): Promise<Result<{ id: string }>> {
	const outcome = await db.transaction().execute(async (trx) => {
		const offer = await lockOfferForUser(trx, user, offerId);
		if (!offer) return refuse(404, m.offer_err_not_found());
		if (!canEditOffer(user, offer)) return refuse(403, m.offer_err_forbidden_edit());
		if (offer.status === 'cancelled') return refuse(409, m.offer_err_cancelled());
		const problem = kindRefusal(offer.kind, input) ?? (await tradeRefusal(trx, input.tradeCode));
		if (problem) return problem;
		const taken = await takenSeats(trx, offer.id);
		if (input.capacity < taken) {
			const message = m.offer_err_capacity_below_booked({ taken: String(taken) });
			return refuse(409, message, { capacity: message });
		}
		const schedule = {
			startDate: input.startDate,
			endDate: input.endDate,
			startTime: withSeconds(input.startTime),
			endTime: withSeconds(input.endTime),
			place: input.address
		};
		const current = await findActivitySchedule(trx, offer.activityId);
		const moved = (Object.keys(schedule) as (keyof typeof schedule)[]).some(
			(k) => current[k] !== schedule[k]
		);
		await setActivityColumns(trx, offer.activityId, {
			...schedule,
			title: input.title,
			description: input.description,
			visibility: input.visibility,
			// Calendar clients see a changed time or place as a new version of the event.
			sequence: current.sequence + (moved ? 1 : 0)
		});
		await setOfferColumns(trx, offer.id, offerColumns(input));
		await auditOffer(trx, user, 'update', { ...offer, title: input.title });
		const promoted = await promoteWaitlist(trx, { ...offer, capacity: input.capacity });
		const mails = await composeBookingMails(
			trx,
			promoted.map((bookingId) => ({ kind: 'promoted' as const, bookingId }))
		);
		return { ...success({ id: offer.id }), mails };
	});
	if (!outcome.ok) return outcome;
	const { mails, ...result } = outcome;
	await deliverBookingMails(db, mails);
	return result;
}
