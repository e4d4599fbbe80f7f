import type { Kysely } from 'kysely';
import type { Actor } from '$lib/auth';
import { m } from '$lib/paraglide/messages.js';
import { addDays, copenhagenToday, diffDays } from '$lib/platform/dates/iso';
import type { Booking, DB } from '$lib/platform/server/db/schema';
import { canUpdateChecklist, canViewBooking, type ChecklistField } from './policy';
import { ACTIVE_STATUSES } from './state';
import { listLivePraktikBookings, loadBookingParties, setBookingColumns } from './queries/bookings';
import { findOfferKindAndTitle } from './queries/offers';
import { refuse, success, type Result } from '$lib/platform/server/http/result';
import { auditBooking } from './audit';
import { checklistSummary } from '$lib/audit/server';

export type { ChecklistField };
export type ChecklistState = 'done' | 'overdue' | 'due_soon' | 'pending';

/** "Due soon" means the deadline is at most this many days away (the deadline day included). */
const DUE_SOON_DAYS = 7;

/**
 * Deadlines before the first day of the erhvervspraktik. UU must be told at the latest 3 weeks
 * before (the agreement's rule). The agreement 2 weeks before, so the company can prepare safety
 * instruction and equipment; the parents' consent 1 week before, once they know the agreement.
 */
const CHECKLIST = [
	{
		field: 'agreementSigned',
		column: 'agreementSignedAt',
		daysBefore: 14,
		label: () => m.booking_check_agreement()
	},
	{
		field: 'parentsConsent',
		column: 'parentsConsentAt',
		daysBefore: 7,
		label: () => m.booking_check_consent()
	},
	{ field: 'uuNotified', column: 'uuNotifiedAt', daysBefore: 21, label: () => m.booking_check_uu() }
] as const;

type Column = (typeof CHECKLIST)[number]['column'];
type ChecklistDates = { startDate: string } & Record<Column, string | null>;

export interface ChecklistItem {
	field: ChecklistField;
	label: string;
	deadline: string;
	doneAt: string | null;
	state: ChecklistState;
}

function checklistState(deadline: string, doneAt: string | null, today: string): ChecklistState {
	if (doneAt) return 'done';
	const daysLeft = diffDays(today, deadline);
	if (daysLeft < 0) return 'overdue';
	return daysLeft <= DUE_SOON_DAYS ? 'due_soon' : 'pending';
}

/** The checklist of one erhvervspraktik booking, in deadline order. */
export function checklistItems(booking: ChecklistDates, today: string): ChecklistItem[] {
	return CHECKLIST.map((entry) => {
		const deadline = addDays(booking.startDate, -entry.daysBefore);
		const doneAt = booking[entry.column];
		return {
			field: entry.field,
			label: entry.label(),
			deadline,
			doneAt,
			state: checklistState(deadline, doneAt, today)
		};
	}).sort((a, b) => a.deadline.localeCompare(b.deadline));
}

export interface ChecklistDueItem extends ChecklistItem {
	bookingId: string;
	schoolId: string;
	schoolName: string;
	classLabel: string;
	title: string;
	startDate: string;
}

/**
 * Overdue and due-soon checklist items of live erhvervspraktik bookings: a school member sees
 * their school's, a municipality its schools', the secretariat all (narrowed by the options).
 */
export async function listChecklistDue(
	db: Kysely<DB>,
	user: Actor | null,
	options: { today?: string; schoolId?: string; municipalityId?: string } = {}
): Promise<ChecklistDueItem[]> {
	if (!user) return [];
	const today = options.today ?? copenhagenToday();
	const orgIds = user.isSecretariat ? null : user.memberships.map((ms) => ms.organisationId);
	if (orgIds?.length === 0) return [];
	const rows = await listLivePraktikBookings(db, orgIds, { ...options, today });
	const order = { overdue: 0, due_soon: 1, pending: 2, done: 3 };
	return rows
		.filter((row) => canViewBooking(user, { ...row }))
		.flatMap((row) =>
			checklistItems(row, today)
				.filter((item) => item.state === 'overdue' || item.state === 'due_soon')
				.map((item) => ({
					...item,
					bookingId: row.id,
					schoolId: row.schoolId,
					schoolName: row.schoolName,
					classLabel: row.classLabel,
					title: row.title,
					startDate: row.startDate
				}))
		)
		.sort((a, b) => order[a.state] - order[b.state] || a.deadline.localeCompare(b.deadline));
}

/** Ticks a checklist item off (dated today) or back on. */
export async function updateChecklist(
	db: Kysely<DB>,
	user: Actor | null,
	bookingId: string,
	input: { field: ChecklistField; done: boolean },
	options: { today?: string } = {}
): Promise<Result<Booking>> {
	const parties = await loadBookingParties(db, bookingId);
	if (!parties || !canViewBooking(user, parties)) return refuse(404, m.booking_err_not_found());
	const entry = CHECKLIST.find((e) => e.field === input.field);
	if (!entry) return refuse(400, m.booking_val_checklist_field());
	if (!canUpdateChecklist(user, parties, input.field)) {
		return refuse(403, m.booking_err_checklist_forbidden());
	}
	const offer = await findOfferKindAndTitle(db, parties.offerId);
	if (offer.kind !== 'erhvervspraktik') return refuse(409, m.booking_err_checklist_not_praktik());
	if (!ACTIVE_STATUSES.includes(parties.status))
		return refuse(409, m.booking_err_checklist_inactive());
	const value = input.done ? (options.today ?? copenhagenToday()) : null;
	const updated = await db.transaction().execute(async (trx) => {
		const row = await setBookingColumns(trx, bookingId, { [entry.column]: value });
		const summary = checklistSummary(row, offer.title, entry.field, input.done);
		await auditBooking(trx, user, 'update', row, offer.title, summary);
		return row;
	});
	return success(updated);
}
