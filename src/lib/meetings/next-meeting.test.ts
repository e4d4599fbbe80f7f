import { describe, expect, it } from 'vitest';
import { weekday } from '$lib/platform/dates/iso';
import { suggestNextMeetingDate, suggestNextMeetingTitle } from './next-meeting';

describe('next-meeting', () => {
	describe('suggestNextMeetingDate', () => {
		it('suggests the same weekday 26 weeks later', () => {
			const next = suggestNextMeetingDate('2026-09-24');
			expect(next).toBe('2027-03-25');
			expect(weekday(next)).toBe(weekday('2026-09-24'));
		});
	});

	describe('suggestNextMeetingTitle', () => {
		it('swaps the Danish month name and the year', () => {
			expect(
				suggestNextMeetingTitle('Alliancemøde september 2026', '2026-09-24', '2027-03-25')
			).toBe('Alliancemøde marts 2027');
		});

		it('keeps a title without month or year', () => {
			expect(suggestNextMeetingTitle('Halvårsmøde', '2026-09-24', '2027-03-25')).toBe(
				'Halvårsmøde'
			);
		});

		it('swaps only the year when no month name is written', () => {
			expect(suggestNextMeetingTitle('Møde 2026', '2026-09-24', '2027-03-25')).toBe('Møde 2027');
		});
	});
});
