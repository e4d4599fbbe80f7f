import { describe, expect, it } from 'vitest';
import {
	BOOKING_STATUSES,
	allowedActions,
	isFinal,
	transition,
	type BookingAction,
	type BookingSide,
	type BookingStatus
} from './state';

type Expected = BookingStatus | 'illegal' | 'forbidden';
const ACTIONS: BookingAction[] = ['confirm', 'decline', 'cancel', 'promote'];
const SIDES: BookingSide[] = ['provider', 'school', 'system'];

/** No side may do the action from this status. */
const ILLEGAL = { provider: 'illegal', school: 'illegal', system: 'illegal' } as const;
/** A final status: nothing leads out of it. */
const FINAL = { confirm: ILLEGAL, decline: ILLEGAL, cancel: ILLEGAL, promote: ILLEGAL };

// Every status × action × side. Rows: from-status; the value for each action is per side.
const TABLE: Record<BookingStatus, Record<BookingAction, Record<BookingSide, Expected>>> = {
	requested: {
		confirm: { provider: 'confirmed', school: 'forbidden', system: 'forbidden' },
		decline: { provider: 'declined', school: 'forbidden', system: 'forbidden' },
		cancel: { provider: 'cancelled', school: 'cancelled', system: 'forbidden' },
		promote: ILLEGAL
	},
	confirmed: {
		confirm: ILLEGAL,
		decline: ILLEGAL,
		cancel: { provider: 'cancelled', school: 'cancelled', system: 'forbidden' },
		promote: ILLEGAL
	},
	waitlisted: {
		confirm: ILLEGAL,
		decline: ILLEGAL,
		cancel: { provider: 'cancelled', school: 'cancelled', system: 'forbidden' },
		promote: { provider: 'forbidden', school: 'forbidden', system: 'requested' }
	},
	declined: FINAL,
	cancelled: FINAL
};

function outcome(from: BookingStatus, action: BookingAction, sides: BookingSide[]): Expected {
	const result = transition(from, action, sides);
	if (result.ok) return result.to;
	return result.error === 'illegal_transition' ? 'illegal' : 'forbidden';
}

describe('booking-state', () => {
	describe('transition', () => {
		for (const from of BOOKING_STATUSES) {
			for (const action of ACTIONS) {
				for (const side of SIDES) {
					const expected = TABLE[from][action][side];
					it(`${from} --${action}--> ${expected} for the ${side}`, () => {
						expect(outcome(from, action, [side])).toBe(expected);
					});
				}
			}
		}

		it('lets someone on both sides (the secretariat) confirm and cancel', () => {
			expect(outcome('requested', 'confirm', ['provider', 'school'])).toBe('confirmed');
			expect(outcome('confirmed', 'cancel', ['provider', 'school'])).toBe('cancelled');
		});

		it('refuses everything to someone on no side', () => {
			expect(outcome('requested', 'confirm', [])).toBe('forbidden');
			expect(outcome('requested', 'cancel', [])).toBe('forbidden');
		});

		it('calls a move the machine never makes illegal, even for the wrong side', () => {
			expect(outcome('declined', 'confirm', ['school'])).toBe('illegal');
		});
	});

	describe('isFinal', () => {
		it('marks declined and cancelled as final and nothing else', () => {
			expect(BOOKING_STATUSES.filter(isFinal)).toEqual(['declined', 'cancelled']);
		});
	});

	describe('allowedActions', () => {
		it('offers the provider confirm, decline and cancel on a request', () => {
			expect(allowedActions('requested', ['provider'])).toEqual(['confirm', 'decline', 'cancel']);
		});

		it('offers the school only cancel on a request', () => {
			expect(allowedActions('requested', ['school'])).toEqual(['cancel']);
		});

		it('offers nothing on a final booking', () => {
			expect(allowedActions('cancelled', ['provider', 'school'])).toEqual([]);
		});
	});
});
