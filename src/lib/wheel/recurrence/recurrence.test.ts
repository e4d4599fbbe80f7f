import { describe, expect, it } from 'vitest';
import { expandRecurrence, type RecurrenceSeries } from './recurrence';

const starts = (series: RecurrenceSeries, from: string, to: string) =>
	expandRecurrence(series, from, to).map((o) => o.start);

/** A rule, the series' start and end, the window asked for, and the starts it must give. */
interface Case {
	name: string;
	series: RecurrenceSeries;
	window: [from: string, to: string];
	starts: string[];
}

const CASES: Case[] = [
	{
		name: 'yearlyIsoWeek skips years without uge 53',
		series: {
			rule: { kind: 'yearlyIsoWeek', week: 53, fromWeekday: 1, toWeekday: 3 },
			start: '2020-01-01',
			until: '2033-12-31'
		},
		window: ['2020-01-01', '2033-12-31'],
		starts: ['2020-12-28', '2026-12-28', '2032-12-27']
	},
	{
		name: 'yearlyIsoWeek finds uge 1 when it starts in the December before',
		series: {
			rule: { kind: 'yearlyIsoWeek', week: 1, fromWeekday: 1, toWeekday: 2 },
			start: '2025-12-01',
			count: 2
		},
		window: ['2025-01-01', '2030-01-01'],
		starts: ['2025-12-29', '2027-01-04']
	},
	{
		name: 'yearlyDate skips 29 February in years that are not leap years',
		series: {
			rule: { kind: 'yearlyDate', month: 2, day: 29 },
			start: '2026-01-01',
			until: '2036-12-31'
		},
		window: ['2026-01-01', '2036-12-31'],
		starts: ['2028-02-29', '2032-02-29', '2036-02-29']
	},
	{
		name: 'everyNWeeks repeats a weekday every n weeks from the first match on or after the from-date',
		series: {
			rule: { kind: 'everyNWeeks', interval: 3, weekday: 3, fromDate: '2026-08-03' },
			start: '2026-08-01',
			count: 4
		},
		window: ['2026-08-01', '2027-08-01'],
		starts: ['2026-08-05', '2026-08-26', '2026-09-16', '2026-10-07']
	},
	{
		name: 'nthWeekdayOfMonth gives the second Tuesday of March and September',
		series: {
			rule: { kind: 'nthWeekdayOfMonth', n: 2, weekday: 2, months: [3, 9] },
			start: '2026-08-01',
			until: '2027-12-31'
		},
		window: ['2026-08-01', '2027-12-31'],
		starts: ['2026-09-08', '2027-03-09', '2027-09-14']
	},
	{
		name: 'nthWeekdayOfMonth gives the last Friday of every month',
		series: {
			rule: { kind: 'nthWeekdayOfMonth', n: -1, weekday: 5 },
			start: '2027-01-01',
			count: 3
		},
		window: ['2027-01-01', '2027-12-31'],
		starts: ['2027-01-29', '2027-02-26', '2027-03-26']
	},
	{
		name: 'lastWeekOfMonth repeats every month when no month is given',
		series: {
			rule: { kind: 'lastWeekOfMonth', fromWeekday: 1, toWeekday: 1 },
			start: '2027-01-01',
			until: '2027-03-31'
		},
		window: ['2027-01-01', '2027-12-31'],
		starts: ['2027-01-25', '2027-02-22', '2027-03-29']
	},
	{
		name: 'the count runs from the series start even when the window starts later',
		series: {
			rule: { kind: 'everyNWeeks', interval: 1, weekday: 1, fromDate: '2027-01-04' },
			start: '2027-01-04',
			count: 10
		},
		window: ['2027-02-22', '2027-12-31'],
		starts: ['2027-02-22', '2027-03-01', '2027-03-08']
	},
	{
		name: 'an occurrence that began before the window but reaches into it is included',
		series: {
			rule: { kind: 'yearlyIsoWeek', week: 6, fromWeekday: 1, toWeekday: 5 },
			start: '2027-01-01',
			count: 1
		},
		window: ['2027-02-10', '2027-02-10'],
		starts: ['2027-02-08']
	},
	{
		name: 'the until date ends the series',
		series: {
			rule: { kind: 'everyNWeeks', interval: 1, weekday: 1, fromDate: '2027-01-04' },
			start: '2027-01-04',
			until: '2027-01-18'
		},
		window: ['2027-01-01', '2027-12-31'],
		starts: ['2027-01-04', '2027-01-11', '2027-01-18']
	}
];

describe('recurrence', () => {
	describe('expandRecurrence', () => {
		it.each(CASES)('$name', ({ series, window, starts: expected }) => {
			expect(starts(series, ...window)).toEqual(expected);
		});

		it('gives Monday to Friday of uge 6 every year, with the occurrence keys', () => {
			const praktik: RecurrenceSeries = {
				rule: { kind: 'yearlyIsoWeek', week: 6, fromWeekday: 1, toWeekday: 5 },
				start: '2026-08-01',
				until: '2030-07-31'
			};
			expect(expandRecurrence(praktik, '2026-08-01', '2029-07-31')).toEqual([
				{ start: '2027-02-08', end: '2027-02-12', occurrenceKey: '2027-02-08' },
				{ start: '2028-02-07', end: '2028-02-11', occurrenceKey: '2028-02-07' },
				{ start: '2029-02-05', end: '2029-02-09', occurrenceKey: '2029-02-05' }
			]);
		});

		it('repeats a yearly date with its duration', () => {
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
});
