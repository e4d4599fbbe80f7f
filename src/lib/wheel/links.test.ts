import { describe, expect, it } from 'vitest';
import { activityHref, withBookingMark } from './links';

describe('wheel-links', () => {
	describe('activityHref', () => {
		it('leads to the activity when it is no offer', () => {
			expect(activityHref('a1', null)).toBe('/aktiviteter/a1');
		});

		it('leads to the offer when the user has no booking of it', () => {
			expect(activityHref('a1', { offerId: 'o1', booking: null })).toBe('/tilbud/o1');
		});

		it('leads to the user’s own booking before the offer', () => {
			expect(
				activityHref('a1', { offerId: 'o1', booking: { id: 'b1', status: 'requested' } })
			).toBe('/bookinger/b1');
		});
	});

	describe('withBookingMark', () => {
		it('writes a different mark for each status and none without a booking', () => {
			const marked = (['confirmed', 'requested', 'waitlisted'] as const).map((s) =>
				withBookingMark('Besøg', s)
			);
			expect(new Set(marked).size).toBe(3);
			for (const text of marked) expect(text).toMatch(/^\S \s?Besøg$|^\S Besøg$/u);
			expect(withBookingMark('Besøg', null)).toBe('Besøg');
		});
	});
});
