import { m } from '$lib/paraglide/messages.js';
import { getLocale } from '$lib/paraglide/runtime';
import { formatDateRange, formatTime } from '$lib/platform/dates/format';
import { formatWeekRange } from '$lib/platform/dates/weeks';

export type OfferKind = 'erhvervspraktik' | 'visit' | 'forloeb';
export type BookingStatus = 'requested' | 'confirmed' | 'declined' | 'cancelled' | 'waitlisted';

const KIND: Record<OfferKind, () => string> = {
	erhvervspraktik: m.offer_kind_erhvervspraktik,
	visit: m.offer_kind_visit,
	forloeb: m.offer_kind_forloeb
};
const STATUS: Record<BookingStatus, () => string> = {
	requested: m.booking_status_requested,
	confirmed: m.booking_status_confirmed,
	declined: m.booking_status_declined,
	cancelled: m.booking_status_cancelled,
	waitlisted: m.booking_status_waitlisted
};

export const kindText = (kind: OfferKind) => KIND[kind]();
export const bookingStatusText = (status: BookingStatus) => STATUS[status]();

const locale = () => (getLocale() === 'en' ? 'en' : 'da');

/** '8.–12. mar. 2027 (uge 10)': Danes plan in weeks, so the week is always shown. */
export function whenText(item: { startDate: string; endDate: string }): string {
	const l = locale();
	return `${formatDateRange(item.startDate, item.endDate, l)} (${formatWeekRange(item.startDate, item.endDate, l)})`;
}

/** 'kl. 9.00–11.00', or '' for all-day. */
export function timeText(item: { startTime: string | null; endTime: string | null }): string {
	if (!item.startTime) return '';
	const l = locale();
	const end = item.endTime ? `–${formatTime(item.endTime, l).replace(/^kl\. /, '')}` : '';
	return `${formatTime(item.startTime, l)}${end}`;
}

/** '8., 9., 10.' (da) or '8, 9, 10' (en). */
export function gradesText(grades: number[]): string {
	return grades.map((g) => (locale() === 'da' ? `${g}.` : String(g))).join(', ');
}

export function freeText(item: { free: number; capacity: number }): string {
	if (item.free <= 0) return m.offers_full();
	return m.offers_free_of({ free: String(item.free), capacity: String(item.capacity) });
}
