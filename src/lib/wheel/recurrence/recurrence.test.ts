import { describe, expect, it } from 'vitest';
import { expandRecurrence, type RecurrenceSeries } from './recurrence';

const starts = (series: RecurrenceSeries, from: string, to: string) =>
	expandRecurrence(series, from, to).map((o) => o.start);

describe('recurrence', () => {
	describe('expandRecurrence › yearlyIsoWeek', () => {
		const praktik: RecurrenceSeries = {
			rule: { kind: 'yearlyIsoWeek', week: 6, fromWeekday: 1, toWeekday: 5 },
			start: '2026-08-01',
			until: '2030-07-31'
		};
		it('gives Monday to Friday of uge 6 every year', () => {
			expect(expandRecurrence(praktik, '2026-08-01', '2029-07-31')).toEqual([
				{ start: '2027-02-08', end: '2027-02-12', occurrenceKey: '2027-02-08' },
				{ start: '2028-02-07', end: '2028-02-11', occurrenceKey: '2028-02-07' },
				{ start: '2029-02-05', end: '2029-02-09', occurrenceKey: '2029-02-05' }
			]);
		});
		it('skips years without uge 53', () => {
			const series: RecurrenceSeries = {
				rule: { kind: 'yearlyIsoWeek', week: 53, fromWeekday: 1, toWeekday: 3 },
				start: '2020-01-01',
				until: '2033-12-31'
			};
			expect(starts(series, '2020-01-01', '2033-12-31')).toEqual([
				'2020-12-28',
				'2026-12-28',
				'2032-12-27'
			]);
		});
		it('finds uge 1 when it starts in the December before', () => {
			const series: RecurrenceSeries = {
				rule: { kind: 'yearlyIsoWeek', week: 1, fromWeekday: 1, toWeekday: 2 },
				start: '2025-12-01',
				count: 2
			};
			expect(starts(series, '2025-01-01', '2030-01-01')).toEqual(['2025-12-29', '2027-01-04']);
		});
	});

	describe('expandRecurrence › yearlyDate', () => {
		it('repeats a date with its duration', () => {
			const series: RecurrenceSeries = {
				rule: { kind: 'yearlyDate', month: 10, day: 12, durationDays: 3 },
				start: '2026-01-01',
				count: 2
			};
			expect(expandRecurrence(series, '2026-01-01', '2030-01-01')).toEqual([
				{ start: '2026-10-12', end: '2026-10-14', occurrenceKey: '2026-10-12' },
				{ start: '2027-10-12', end: '2027-10-14', occurrenceKey: '2027-10-12' }
			]);
		});
		it('skips 29 February in years that are not leap years', () => {
			const series: RecurrenceSeries = {
				rule: { kind: 'yearlyDate', month: 2, day: 29 },
				start: '2026-01-01',
				until: '2036-12-31'
			};
			expect(starts(series, '2026-01-01', '2036-12-31')).toEqual([
				'2028-02-29',
				'2032-02-29',
				'2036-02-29'
			]);
		});
	});

	describe('expandRecurrence › everyNWeeks', () => {
		it('repeats a weekday every n weeks from the first match on or after the from-date', () => {
			const series: RecurrenceSeries = {
				rule: { kind: 'everyNWeeks', interval: 3, weekday: 3, fromDate: '2026-08-03' },
				start: '2026-08-01',
				count: 4
			};
			expect(starts(series, '2026-08-01', '2027-08-01')).toEqual([
				'2026-08-05',
				'2026-08-26',
				'2026-09-16',
				'2026-10-07'
			]);
		});
		it('crosses New Year and DST without drifting', () => {
			const series: RecurrenceSeries = {
				rule: { kind: 'everyNWeeks', interval: 1, weekday: 1, fromDate: '2026-10-19' },
				start: '2026-10-19',
				until: '2027-01-11'
			};
			const dates = starts(series, '2026-10-19', '2027-12-31');
			expect(dates).toContain('2026-10-26');
			expect(dates.at(-1)).toBe('2027-01-11');
			expect(dates).toHaveLength(13);
		});
	});

	describe('expandRecurrence › nthWeekdayOfMonth', () => {
		it('gives the second Tuesday of March and September', () => {
			const series: RecurrenceSeries = {
				rule: { kind: 'nthWeekdayOfMonth', n: 2, weekday: 2, months: [3, 9] },
				start: '2026-08-01',
				until: '2027-12-31'
			};
			expect(starts(series, '2026-08-01', '2027-12-31')).toEqual([
				'2026-09-08',
				'2027-03-09',
				'2027-09-14'
			]);
		});
		it('gives the last Friday of every month', () => {
			const series: RecurrenceSeries = {
				rule: { kind: 'nthWeekdayOfMonth', n: -1, weekday: 5 },
				start: '2027-01-01',
				count: 3
			};
			expect(starts(series, '2027-01-01', '2027-12-31')).toEqual([
				'2027-01-29',
				'2027-02-26',
				'2027-03-26'
			]);
		});
	});

	describe('expandRecurrence › lastWeekOfMonth', () => {
		it('gives the last whole Monday–Friday inside the month', () => {
			const series: RecurrenceSeries = {
				rule: { kind: 'lastWeekOfMonth', month: 6, fromWeekday: 1, toWeekday: 5 },
				start: '2027-01-01',
				count: 2
			};
			expect(expandRecurrence(series, '2027-01-01', '2029-01-01')).toEqual([
				{ start: '2027-06-21', end: '2027-06-25', occurrenceKey: '2027-06-21' },
				{ start: '2028-06-26', end: '2028-06-30', occurrenceKey: '2028-06-26' }
			]);
		});
		it('repeats every month when no month is given', () => {
			const series: RecurrenceSeries = {
				rule: { kind: 'lastWeekOfMonth', fromWeekday: 1, toWeekday: 1 },
				start: '2027-01-01',
				until: '2027-03-31'
			};
			expect(starts(series, '2027-01-01', '2027-12-31')).toEqual([
				'2027-01-25',
				'2027-02-22',
				'2027-03-29'
			]);
		});
	});

	describe('expandRecurrence › window and end', () => {
		const weekly: RecurrenceSeries = {
			rule: { kind: 'everyNWeeks', interval: 1, weekday: 1, fromDate: '2027-01-04' },
			start: '2027-01-04',
			count: 10
		};
		it('counts from the series start even when the window starts later', () => {
			expect(starts(weekly, '2027-02-22', '2027-12-31')).toEqual([
				'2027-02-22',
				'2027-03-01',
				'2027-03-08'
			]);
		});
		it('includes an occurrence that began before the window but reaches into it', () => {
			const series: RecurrenceSeries = {
				rule: { kind: 'yearlyIsoWeek', week: 6, fromWeekday: 1, toWeekday: 5 },
				start: '2027-01-01',
				count: 1
			};
			expect(starts(series, '2027-02-10', '2027-02-10')).toEqual(['2027-02-08']);
		});
		it('stops at the until date', () => {
			expect(
				starts({ ...weekly, count: undefined, until: '2027-01-18' }, '2027-01-01', '2027-12-31')
			).toHaveLength(3);
		});
	});
});
