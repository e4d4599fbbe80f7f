import type { BookingStatus } from '$lib/platform/server/db/schema';

// The booking state machine, pure. Who may act is part of it: the provider answers a request,
// either side cancels, and only the system promotes from the waitlist (when seats free up).

export type { BookingStatus };
export type BookingAction = 'confirm' | 'decline' | 'cancel' | 'promote';
export type BookingSide = 'provider' | 'school' | 'system';

export const BOOKING_STATUSES: readonly BookingStatus[] = [
	'requested',
	'confirmed',
	'declined',
	'cancelled',
	'waitlisted'
];
/** Seats held against capacity. */
export const ACTIVE_STATUSES: readonly BookingStatus[] = ['requested', 'confirmed'];
/** Bookings still alive (cancelled when the offer is). */
export const OPEN_STATUSES: readonly BookingStatus[] = ['requested', 'confirmed', 'waitlisted'];

interface Rule {
	from: readonly BookingStatus[];
	to: BookingStatus;
	by: readonly BookingSide[];
}

const RULES: Record<BookingAction, Rule> = {
	confirm: { from: ['requested'], to: 'confirmed', by: ['provider'] },
	decline: { from: ['requested'], to: 'declined', by: ['provider'] },
	cancel: {
		from: ['requested', 'confirmed', 'waitlisted'],
		to: 'cancelled',
		by: ['provider', 'school']
	},
	promote: { from: ['waitlisted'], to: 'requested', by: ['system'] }
};

export type TransitionResult =
	{ ok: true; to: BookingStatus } | { ok: false; error: 'illegal_transition' | 'forbidden' };

/**
 * The next status when `sides` (the roles the actor holds on this booking) take `action`.
 * An impossible move is illegal whoever asks; a possible one by the wrong side is forbidden.
 */
export function transition(
	from: BookingStatus,
	action: BookingAction,
	sides: readonly BookingSide[]
): TransitionResult {
	const rule = RULES[action];
	if (!rule.from.includes(from)) return { ok: false, error: 'illegal_transition' };
	if (!rule.by.some((side) => sides.includes(side))) return { ok: false, error: 'forbidden' };
	return { ok: true, to: rule.to };
}

/** Declined and cancelled bookings never change again. */
export function isFinal(status: BookingStatus): boolean {
	return status === 'declined' || status === 'cancelled';
}

/** The actions open to `sides` from `status`, for showing buttons. */
export function allowedActions(
	status: BookingStatus,
	sides: readonly BookingSide[]
): BookingAction[] {
	return (Object.keys(RULES) as BookingAction[]).filter(
		(action) => transition(status, action, sides).ok
	);
}

export function holdsSeats(status: BookingStatus): boolean {
	return ACTIVE_STATUSES.includes(status);
}
