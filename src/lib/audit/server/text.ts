import { m } from '$lib/paraglide/messages.js';
import type { BookingStatus, Role } from '$lib/platform/server/db/schema';
import type { ChecklistField } from '$lib/bookings/server';

// The stored summary of an audit event is one Danish line (the log is read in Danish; the data
// does not change language with the reader). Never a token, a password or a pupil's name.

const DA = { locale: 'da' } as const;

/** The acting user's id, for rules that take a user without one in their type (RightsUser). */
export function actorIdOf(user: unknown): string | null {
	const id = (user as { id?: unknown } | null)?.id;
	return typeof id === 'string' ? id : null;
}

const STATUS: Record<BookingStatus, () => string> = {
	requested: () => m.booking_status_requested({}, DA),
	confirmed: () => m.booking_status_confirmed({}, DA),
	declined: () => m.booking_status_declined({}, DA),
	cancelled: () => m.booking_status_cancelled({}, DA),
	waitlisted: () => m.booking_status_waitlisted({}, DA)
};

/** '8.B · Besøg på smedjen – anmodet': the class label, never the pupils' names. */
export function bookingSummary(
	booking: { classLabel: string; status: BookingStatus },
	title: string
): string {
	return m.audit_sum_booking(
		{ classLabel: booking.classLabel, title, status: STATUS[booking.status]().toLowerCase() },
		DA
	);
}

const CHECKLIST_ITEM: Record<ChecklistField, () => string> = {
	agreementSigned: () => m.booking_check_agreement({}, DA),
	parentsConsent: () => m.booking_check_consent({}, DA),
	uuNotified: () => m.booking_check_uu({}, DA)
};

export function checklistSummary(
	booking: { classLabel: string },
	title: string,
	field: ChecklistField,
	done: boolean
): string {
	const values = { classLabel: booking.classLabel, title, item: CHECKLIST_ITEM[field]() };
	return done ? m.audit_sum_checklist_done(values, DA) : m.audit_sum_checklist_undone(values, DA);
}

function roleText(role: Role): string {
	return (role === 'admin' ? m.role_admin({}, DA) : m.role_member({}, DA)).toLowerCase();
}

export function memberSummary(name: string, role: Role): string {
	return m.audit_sum_member({ name, role: roleText(role) }, DA);
}

export const summaries = {
	moved: (title: string, date: string) => m.audit_sum_moved({ title, date }, DA),
	series: (title: string, count: number) => m.audit_sum_series({ title, count: String(count) }, DA),
	seriesChanged: (title: string, c: { updated: number; inserted: number; deleted: number }) =>
		m.audit_sum_series_changed(
			{
				title,
				updated: String(c.updated),
				inserted: String(c.inserted),
				deleted: String(c.deleted)
			},
			DA
		),
	rolled: (title: string, year: string) => m.audit_sum_rolled({ title, year }, DA),
	offerClosed: (title: string) => m.audit_sum_offer_closed({ title }, DA),
	offerReopened: (title: string) => m.audit_sum_offer_reopened({ title }, DA),
	invited: (email: string, role: Role) => m.audit_sum_invited({ email, role: roleText(role) }, DA),
	feedCreated: () => m.audit_sum_feed_created({}, DA),
	feedRotated: () => m.audit_sum_feed_rotated({}, DA),
	feedRevoked: () => m.audit_sum_feed_revoked({}, DA)
};
