import type { Kysely } from 'kysely';
import type { Actor } from '$lib/auth';
import { m } from '$lib/paraglide/messages.js';
import { danishPublicHolidays } from '$lib/platform/dates/holidays';
import { formatDate, formatDateRange, formatDateRangeWithWeeks } from '$lib/platform/dates/format';
import type { DB } from '$lib/platform/server/db/schema';
import { canBookFor, canViewBooking } from './policy';
import { findBookingSpan, listSchoolBookingsDuring, loadBookingParties } from './queries/bookings';
import { findVisibleOfferSpan } from './queries/offers';
import { findSchool } from './queries/organisations';
import { listSchoolHolidaysDuring } from './queries/holidays';
import { UUID } from '$lib/platform/server/http/result';

export type ConflictKind =
	'class_double_booked' | 'school_holiday' | 'public_holiday' | 'agreement_missing';

export interface BookingConflict {
	kind: ConflictKind;
	/** In the request's language (Danish first). */
	message: string;
	/** The other booking, for class_double_booked. */
	bookingId?: string;
}

export interface ConflictSpan {
	schoolId: string;
	classLabel?: string;
	startDate: string;
	endDate: string;
	startTime?: string | null;
	endTime?: string | null;
	/** The booking being checked, which does not conflict with itself. */
	excludeBookingId?: string;
}

/** '8.B', '8 b' and '8b' are the same class. */
export function normaliseClassLabel(label: string): string {
	return label.toLowerCase().replace(/[\s.]/g, '');
}

/** Dates are known to overlap; times only narrow it for two timed events on one day. */
export function timesOverlap(
	a: { startDate: string; endDate: string; startTime?: string | null; endTime?: string | null },
	b: { startDate: string; endDate: string; startTime?: string | null; endTime?: string | null }
): boolean {
	const timed = (x: typeof a) => x.startTime && x.endTime && x.startDate === x.endDate;
	if (!timed(a) || !timed(b) || a.startDate !== b.startDate) return true;
	return a.startTime! < b.endTime! && b.startTime! < a.endTime!;
}

/** Conflicts of a school's class with a date span: double booking, school and public holidays. */
export async function findConflicts(
	db: Kysely<DB>,
	span: ConflictSpan
): Promise<BookingConflict[]> {
	const conflicts: BookingConflict[] = [];
	if (span.classLabel) {
		const wanted = normaliseClassLabel(span.classLabel);
		for (const other of await listSchoolBookingsDuring(db, span)) {
			if (normaliseClassLabel(other.classLabel) !== wanted || !timesOverlap(span, other)) continue;
			const when = formatDateRange(other.startDate, other.endDate);
			conflicts.push({
				kind: 'class_double_booked',
				bookingId: other.id,
				message: m.booking_conflict_class({
					classLabel: other.classLabel,
					title: other.title,
					when
				})
			});
		}
	}
	const holidays = await listSchoolHolidaysDuring(db, span);
	for (const h of holidays) {
		const when = formatDateRangeWithWeeks(h.startDate, h.endDate);
		conflicts.push({
			kind: 'school_holiday',
			message: m.booking_conflict_holiday({ name: h.name, when })
		});
	}
	for (const h of danishPublicHolidays(span.startDate, span.endDate)) {
		conflicts.push({
			kind: 'public_holiday',
			message: m.booking_conflict_public_holiday({ date: formatDate(h.date), name: h.name })
		});
	}
	return conflicts;
}

/**
 * What would clash if the school booked this offer for this class (shown before booking);
 * null when the offer is not visible or the user may not book for the school.
 */
export async function previewBookingConflicts(
	db: Kysely<DB>,
	user: Actor | null,
	input: { offerId: string; schoolId: string; classLabel?: string }
): Promise<BookingConflict[] | null> {
	if (!user || !UUID.test(input.offerId) || !UUID.test(input.schoolId)) return null;
	const offer = await findVisibleOfferSpan(db, user, input.offerId);
	const school = await findSchool(db, input.schoolId);
	if (!offer || !school || !canBookFor(user, school)) return null;
	return findConflicts(db, { ...offer, schoolId: school.id, classLabel: input.classLabel });
}

/** The conflicts of an existing booking (for dashboards), or null when not the user's to see. */
export async function conflictsForBooking(
	db: Kysely<DB>,
	user: Actor | null,
	bookingId: string
): Promise<BookingConflict[] | null> {
	const parties = await loadBookingParties(db, bookingId);
	if (!parties || !canViewBooking(user, parties)) return null;
	const b = await findBookingSpan(db, bookingId);
	const conflicts = await findConflicts(db, { ...b, excludeBookingId: bookingId });
	// Only a confirmed place can get an agreement; before that the checklist is not started.
	if (b.kind === 'erhvervspraktik' && b.status === 'confirmed' && !b.agreementSignedAt) {
		conflicts.push({
			kind: 'agreement_missing',
			message: m.booking_conflict_agreement({ classLabel: b.classLabel, title: b.title })
		});
	}
	return conflicts;
}
