import { describe, expect, it } from 'vitest';
import { m } from '$lib/paraglide/messages.js';

// The catalogue's plural variants: one place is "1 plads", never "1 pladser".
describe('bookings/messages', () => {
	describe('plurals', () => {
		it('says one and many in Danish', () => {
			expect(m.count_places({ count: 1 })).toBe('1 plads');
			expect(m.count_places({ count: 2 })).toBe('2 pladser');
			expect(m.count_pupils({ count: 1 })).toBe('1 elev');
			expect(m.count_pupils({ count: 24 })).toBe('24 elever');
			expect(m.offers_free_n({ free: '1' })).toBe('1 ledig plads');
			expect(m.bookings_nav_waiting({ count: '1' })).toBe('1 anmodning venter på svar');
			expect(m.bookings_pupils_total({ bookings: '1', pupils: '1' })).toBe(
				'1 bekræftet booking med i alt 1 elev'
			);
			expect(m.bookings_pupils_total({ bookings: '2', pupils: '40' })).toBe(
				'2 bekræftede bookinger med i alt 40 elever'
			);
		});

		it('says one and many in English', () => {
			const en = { locale: 'en' } as const;
			expect(m.count_places({ count: 1 }, en)).toBe('1 place');
			expect(m.count_places({ count: 3 }, en)).toBe('3 places');
			expect(m.count_pupils({ count: 1 }, en)).toBe('1 pupil');
			expect(m.offers_free_n({ free: '1' }, en)).toBe('1 free place');
			expect(m.rollforward_done({ created: '1', next: '2027/28', skipped: '0' }, en)).toBe(
				'1 activity was created in 2027/28. 0 were skipped.'
			);
		});
	});
});
