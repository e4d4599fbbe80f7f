import { m } from '$lib/paraglide/messages.js';

/** A booking still alive, as the booking school sees it on the wheel. */
export type WheelBookingStatus = 'requested' | 'confirmed' | 'waitlisted';

export interface ActivityLinkTarget {
	offerId: string;
	booking: { id: string; status: WheelBookingStatus } | null;
}

/**
 * Where an arc leads: the school's own booking (with its status), else the offer (where a
 * provider manages it and a school books it), else the activity itself.
 */
export function activityHref(activityId: string, link: ActivityLinkTarget | null): string {
	if (link?.booking) return `/bookinger/${link.booking.id}`;
	if (link) return `/tilbud/${link.offerId}`;
	return `/aktiviteter/${activityId}`;
}

/**
 * The mark written before a booked arc's name, so the status is visible without colour: a tick
 * for confirmed, a question mark for requested, a clock for the waitlist. All three are in
 * DejaVu Sans, the exports' font.
 */
export const BOOKING_MARKS: Record<WheelBookingStatus, string> = {
	confirmed: '✓',
	requested: '?',
	waitlisted: '◷'
};

export function withBookingMark(title: string, status: WheelBookingStatus | null): string {
	return status ? `${BOOKING_MARKS[status]} ${title}` : title;
}

const STATUS_WORDS: Record<WheelBookingStatus, () => string> = {
	confirmed: m.booking_status_confirmed,
	requested: m.booking_status_requested,
	waitlisted: m.booking_status_waitlisted
};

/** ', jeres booking: bekræftet', added to an arc's accessible name and to its line in the key. */
export function bookingSuffix(status: WheelBookingStatus | null | undefined): string {
	return status ? `, ${m.wheel_booking_status({ status: STATUS_WORDS[status]() })}` : '';
}

/** The marks and their meaning, for the legend. */
export function bookingMarkLegend(): { status: WheelBookingStatus; mark: string; text: string }[] {
	return (['confirmed', 'requested', 'waitlisted'] as const).map((status) => ({
		status,
		mark: BOOKING_MARKS[status],
		text: STATUS_WORDS[status]()
	}));
}

/** 'jeres booking: bekræftet', for the list view's tag. */
export function bookingStatusLine(status: WheelBookingStatus): string {
	return m.wheel_booking_status({ status: STATUS_WORDS[status]() });
}
