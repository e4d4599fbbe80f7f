import { describe, expect, it } from 'vitest';
import {
	currentSchoolYear,
	nextSchoolYear,
	parseSchoolYear,
	previousSchoolYear,
	schoolYearOf,
	schoolYearRange
} from './school-year';

describe('school-year', () => {
	describe('schoolYearOf', () => {
		it('starts a school year on 1 August', () => {
			expect(schoolYearOf('2026-07-31')).toBe('2025/26');
			expect(schoolYearOf('2026-08-01')).toBe('2026/27');
			expect(schoolYearOf('2027-01-01')).toBe('2026/27');
		});
		it('writes the century turn with two digits', () => {
			expect(schoolYearOf('2099-09-01')).toBe('2099/00');
		});
	});

	describe('parseSchoolYear', () => {
		it('returns the start year of a valid label', () => {
			expect(parseSchoolYear('2026/27')).toBe(2026);
			expect(parseSchoolYear('2099/00')).toBe(2099);
		});
		it('returns null for malformed labels', () => {
			for (const label of ['2026/28', '26/27', '2026-27', '2026/2027', '', 'abcd/ef']) {
				expect(parseSchoolYear(label), label).toBeNull();
			}
		});
	});

	describe('schoolYearRange', () => {
		it('runs from 1 August to 31 July with 365 days', () => {
			expect(schoolYearRange('2026/27')).toEqual({
				label: '2026/27',
				startYear: 2026,
				start: '2026-08-01',
				end: '2027-07-31',
				days: 365
			});
		});
		it('has 366 days when it contains 29 February', () => {
			expect(schoolYearRange('2027/28').days).toBe(366);
			expect(schoolYearRange('2028/29').days).toBe(365);
		});
		it('throws on a malformed label', () => {
			expect(() => schoolYearRange('2026/28')).toThrow();
		});
	});

	describe('currentSchoolYear', () => {
		it('follows the given date', () => {
			expect(currentSchoolYear('2027-03-15')).toBe('2026/27');
		});
	});

	describe('nextSchoolYear / previousSchoolYear', () => {
		it('steps one year', () => {
			expect(nextSchoolYear('2026/27')).toBe('2027/28');
			expect(nextSchoolYear('2099/00')).toBe('2100/01');
			expect(previousSchoolYear('2026/27')).toBe('2025/26');
		});
	});
});
