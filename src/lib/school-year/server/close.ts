import type { Kysely } from 'kysely';
import { m } from '$lib/paraglide/messages.js';
import { copenhagenToday } from '$lib/platform/dates/iso';
import { formatDate } from '$lib/platform/dates/format';
import {
	parseSchoolYear,
	schoolYearRange,
	type SchoolYearRange
} from '$lib/platform/dates/school-year';
import type { DB } from '$lib/platform/server/db/schema';
import { recordAudit } from '$lib/audit/server';
import { refuse, success, type Result } from '$lib/platform/server/http/result';
import { canCloseSchoolYear } from './policy';
import type { Actor } from '$lib/auth';
import { countOutboxOfYear, deleteOutboxOfYear, type OutboxCounts } from './outbox';
import {
	clearAllocationNamesOfYear,
	clearBookingsOfYear,
	countPersonalDataOfYear,
	findLastRunningDay,
	insertClosure,
	isYearClosed,
	lockOffersOfYear,
	setBookingsCleared
} from './queries';

// Closing a school year deletes the personal data of its bookings (kept only while the bookings
// need it): the pupils' first names, the teacher's name and e-mail, the message the provider
// wrote when confirming or declining, and the reason given for a cancellation (free text that may
// name pupils or teachers). Class label, seats, status and dates stay, so the reports keep their
// numbers. A booking belongs to the school year in which its offer's activity starts. The year's
// mails leave the outbox in the same transaction (school-year-outbox.ts).
//
// Closed years cannot get the data back. Booking refuses an offer whose activity has ended
// (booking_err_past), and a year is only closed when every offer of it has ended, so the booking
// hot path pays nothing here. Answering, cancelling and cancelling an offer have no date check:
// they refuse a closed year's bookings (school-year-closed.ts), and closing takes their offer
// locks before clearing, so none of them can write between the clearing and the commit.

export interface CloseCounts {
	year: string;
	bookings: number;
	/** Bookings holding pupils' first names. */
	withNames: number;
	/** Bookings holding a teacher's name or e-mail. */
	withTeacher: number;
	/** Bookings holding a message from the provider's answer. */
	withMessage: number;
	/** Bookings holding the reason given for a cancellation. */
	withCancelReason: number;
	/** Bookings holding any of these: what closing clears. */
	personal: number;
}

export interface ClosePreview extends CloseCounts, OutboxCounts {
	/** Why the year cannot be closed now, or null when it can. */
	blocker: string | null;
}

async function countPersonalData(db: Kysely<DB>, range: SchoolYearRange): Promise<CloseCounts> {
	const row = await countPersonalDataOfYear(db, range);
	return {
		year: range.label,
		bookings: Number(row.bookings),
		withNames: Number(row.withNames),
		withTeacher: Number(row.withTeacher),
		withMessage: Number(row.withMessage),
		withCancelReason: Number(row.withCancelReason),
		personal: Number(row.personal)
	};
}

/** Why the year cannot be closed on `today`, or null. Read-only. */
async function closeBlocker(
	db: Kysely<DB>,
	range: SchoolYearRange,
	today: string
): Promise<string | null> {
	const year = range.label;
	if (today <= range.end) return m.privacy_err_not_ended({ year, date: formatDate(range.end) });
	if (await isYearClosed(db, year)) return m.privacy_err_already_closed({ year });
	// An activity that starts in July may run into August: it can still be booked until it ends.
	const lastDay = await findLastRunningDay(db, range, today);
	if (lastDay) return m.privacy_err_offers_running({ year, date: formatDate(lastDay) });
	return null;
}

/** The year's range, or a refusal for a user who may not close or a malformed year. */
function checkRequest(user: Actor | null, year: string): Result<SchoolYearRange> {
	if (!canCloseSchoolYear(user)) return refuse(404, m.error_not_found());
	if (parseSchoolYear(year) === null) {
		const message = m.privacy_err_year_format();
		return refuse(400, message, { year: message });
	}
	return success(schoolYearRange(year));
}

/** What closing the year would clear, and whether it can be closed now. Writes nothing. */
export async function previewClose(
	db: Kysely<DB>,
	user: Actor | null,
	year: string,
	now: Date = new Date()
): Promise<Result<ClosePreview>> {
	const checked = checkRequest(user, year);
	if (!checked.ok) return checked;
	const range = checked.value;
	const counts = await countPersonalData(db, range);
	const mails = await countOutboxOfYear(db, range);
	const blocker = await closeBlocker(db, range, copenhagenToday(now));
	return success({ ...counts, ...mails, blocker });
}

export interface Closed {
	year: string;
	bookingsCleared: number;
	mailsDeleted: number;
	/** Of the deleted mails, those never sent. */
	unsentMailsDeleted: number;
}

/**
 * Closes a school year in one transaction: the checks, the closure row (its primary key settles
 * two concurrent closes), the personal fields of the year's bookings, the year's outbox mails,
 * then the count and the audit event. Refusals write nothing.
 */
export async function closeSchoolYear(
	db: Kysely<DB>,
	user: Actor | null,
	year: string,
	now: Date = new Date()
): Promise<Result<Closed>> {
	const checked = checkRequest(user, year);
	if (!checked.ok) return checked;
	const range = checked.value;
	const today = copenhagenToday(now);
	return db.transaction().execute(async (trx) => {
		const blocker = await closeBlocker(trx, range, today);
		if (blocker) return refuse(409, blocker, { year: blocker });
		// A concurrent close of the same year waits here for the first and then finds it closed.
		const inserted = await insertClosure(trx, {
			schoolYear: range.label,
			closedAt: now,
			closedBy: user!.id
		});
		if (!inserted) {
			const message = m.privacy_err_already_closed({ year: range.label });
			return refuse(409, message, { year: message });
		}
		// Answering and cancelling lock the offer, then look for the closure row: they wait for
		// this commit and are refused, or commit first and their text is cleared below.
		await lockOffersOfYear(trx, range);
		const cleared = await clearBookingsOfYear(trx, range);
		// Praktikfordeling: the pupils' optional first names go the same way (pseudonyms stay).
		await clearAllocationNamesOfYear(trx, range);
		const mails = await deleteOutboxOfYear(trx, range);
		await setBookingsCleared(trx, range.label, cleared);
		await recordAudit(trx, {
			actorId: user!.id,
			organisationId: null,
			action: 'delete',
			entityType: 'school_year',
			entityId: range.label,
			summary: m.privacy_audit_closed_mails(
				{
					year: range.label,
					count: String(cleared),
					mails: String(mails.mails),
					unsent: String(mails.unsentMails)
				},
				{ locale: 'da' }
			)
		});
		return success({
			year: range.label,
			bookingsCleared: cleared,
			mailsDeleted: mails.mails,
			unsentMailsDeleted: mails.unsentMails
		});
	});
}
