import { describe, expect, it } from 'vitest';
import {
	formatDate,
	formatDateRange,
	formatDateRangeWithWeeks,
	formatLongDate,
	formatTime,
	monthName
} from './format';

describe('format', () => {
	describe('formatDate', () => {
		it('writes a Danish short date', () => {
			expect(formatDate('2026-10-12')).toBe('12. okt. 2026');
			expect(formatDate('2027-05-01')).toBe('1. maj 2027');
		});
		it('writes a long and an English date', () => {
			expect(formatDate('2026-10-12', 'da', 'long')).toBe('12. oktober 2026');
			expect(formatDate('2026-10-12', 'en')).toBe('12 Oct 2026');
		});
	});

	describe('formatDateRange', () => {
		it('shares month and year within one month', () => {
			expect(formatDateRange('2027-02-08', '2027-02-12')).toBe('8.–12. feb. 2027');
			expect(formatDateRange('2027-02-08', '2027-02-12', 'en')).toBe('8–12 Feb 2027');
		});
		it('shares the year across months', () => {
			expect(formatDateRange('2027-02-26', '2027-03-05')).toBe('26. feb.–5. mar. 2027');
		});
		it('writes both years across New Year', () => {
			expect(formatDateRange('2026-12-28', '2027-01-03')).toBe('28. dec. 2026–3. jan. 2027');
		});
		it('writes a single day once', () => {
			expect(formatDateRange('2027-02-08', '2027-02-08')).toBe('8. feb. 2027');
		});
	});

	describe('formatDateRangeWithWeeks', () => {
		it('adds the week numbers', () => {
			expect(formatDateRangeWithWeeks('2027-02-08', '2027-02-12')).toBe('8.–12. feb. 2027 (uge 6)');
			expect(formatDateRangeWithWeeks('2026-12-28', '2027-01-05', 'en', 'long')).toBe(
				'28 December 2026–5 January 2027 (weeks 53–1)'
			);
		});
	});

	describe('formatLongDate', () => {
		it('includes the weekday', () => {
			expect(formatLongDate('2027-02-08')).toBe('mandag 8. februar 2027');
			expect(formatLongDate('2027-02-14', 'en')).toBe('Sunday 14 February 2027');
		});
	});

	describe('formatTime', () => {
		it('writes Danish times with a full stop', () => {
			expect(formatTime('09:30')).toBe('kl. 9.30');
			expect(formatTime('09:30', 'en')).toBe('09:30');
		});
	});

	describe('monthName', () => {
		it('names August in both locales', () => {
			expect(monthName(8)).toBe('august');
			expect(monthName(8, 'en', 'short')).toBe('Aug');
		});
	});
});
