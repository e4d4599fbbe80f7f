import { describe, expect, it } from 'vitest';
import { addDays } from '$lib/platform/dates/iso';
import {
	applyExceptions,
	expandRecurrence,
	InvalidRecurrenceError,
	MAX_OCCURRENCES,
	RecurrenceTooLargeError,
	validateRecurrence,
	type RecurrenceSeries
} from './recurrence';

describe('recurrence (limits, validation, exceptions)', () => {
	describe('expandRecurrence › the cap', () => {
		const daily: RecurrenceSeries = {
			rule: { kind: 'everyNWeeks', interval: 1, weekday: 1, fromDate: '2026-01-05' },
			start: '2026-01-05',
			until: '2040-12-31'
		};
		it(`allows exactly ${MAX_OCCURRENCES} occurrences`, () => {
			const to = addDays('2026-01-05', (MAX_OCCURRENCES - 1) * 7);
			expect(expandRecurrence(daily, '2026-01-01', to)).toHaveLength(500);
			expect(() => expandRecurrence(daily, '2026-01-01', addDays(to, 7))).toThrow(
				RecurrenceTooLargeError
			);
		});
		it('throws RecurrenceTooLargeError with a Danish message beyond the cap', () => {
			expect(() => expandRecurrence(daily, '2026-01-01', '2040-12-31')).toThrow(
				RecurrenceTooLargeError
			);
			expect(() => expandRecurrence(daily, '2026-01-01', '2040-12-31')).toThrow(
				/mere end 500 forekomster/
			);
		});
	});

	describe('validateRecurrence', () => {
		it('accepts a valid series', () => {
			expect(
				validateRecurrence({
					rule: { kind: 'yearlyDate', month: 2, day: 29 },
					start: '2026-08-01',
					count: 3
				})
			).toEqual([]);
		});
		it('names each problem in Danish', () => {
			const issues = validateRecurrence({
				rule: { kind: 'yearlyIsoWeek', week: 54, fromWeekday: 5, toWeekday: 1 },
				start: '2026-02-31',
				count: 501
			});
			expect(issues).toEqual([
				{ field: 'week', message: 'Ugenummeret skal være mellem 1 og 53.' },
				{
					field: 'toWeekday',
					message: 'Slutdagen skal ligge samme dag som eller efter startdagen.'
				},
				{ field: 'start', message: 'Startdatoen er ikke en gyldig dato.' },
				{ field: 'count', message: 'Antallet af gentagelser skal være mellem 1 og 500.' }
			]);
		});
		it('requires exactly one of until and count', () => {
			const rule = { kind: 'nthWeekdayOfMonth', n: 1, weekday: 1 } as const;
			expect(validateRecurrence({ rule, start: '2026-08-01' })[0].field).toBe('until');
			expect(
				validateRecurrence({ rule, start: '2026-08-01', until: '2027-01-01', count: 2 })[0].field
			).toBe('until');
		});
		it('rejects 30 February, an unknown kind and nth = 5', () => {
			const fields = (rule: unknown) =>
				validateRecurrence({ rule: rule as never, start: '2026-08-01', count: 1 }).map(
					(i) => i.field
				);
			expect(fields({ kind: 'yearlyDate', month: 2, day: 30 })).toEqual(['day']);
			expect(fields({ kind: 'daily' })).toEqual(['kind']);
			expect(fields({ kind: 'nthWeekdayOfMonth', n: 5, weekday: 1 })).toEqual(['n']);
			expect(fields({ kind: 'everyNWeeks', interval: 0, weekday: 8, fromDate: 'x' })).toEqual([
				'interval',
				'weekday',
				'fromDate'
			]);
		});
	});

	describe('expandRecurrence › invalid series', () => {
		it('throws InvalidRecurrenceError carrying the issues', () => {
			const series = {
				rule: { kind: 'yearlyDate', month: 13, day: 1 },
				start: '2026-08-01',
				count: 1
			} as RecurrenceSeries;
			expect(() => expandRecurrence(series, '2026-08-01', '2027-07-31')).toThrow(
				InvalidRecurrenceError
			);
		});
	});

	describe('applyExceptions', () => {
		it('drops cancelled occurrences and moves others, keeping the key', () => {
			const series: RecurrenceSeries = {
				rule: { kind: 'yearlyIsoWeek', week: 6, fromWeekday: 1, toWeekday: 5 },
				start: '2026-08-01',
				count: 3
			};
			const occurrences = expandRecurrence(series, '2026-08-01', '2030-07-31');
			const result = applyExceptions(occurrences, {
				cancelled: ['2028-02-07'],
				moved: new Map([['2027-02-08', { start: '2027-02-15', end: '2027-02-19' }]])
			});
			expect(result).toEqual([
				{ start: '2027-02-15', end: '2027-02-19', occurrenceKey: '2027-02-08' },
				{ start: '2029-02-05', end: '2029-02-09', occurrenceKey: '2029-02-05' }
			]);
		});
	});
});
