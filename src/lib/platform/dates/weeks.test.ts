import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { addDays } from './iso';
import {
	dateFromIsoWeek,
	formatIsoWeekValue,
	formatWeekRange,
	isoWeek,
	mondayOfIsoWeek,
	parseWeekInput,
	weeksInYear
} from './weeks';

describe('weeks', () => {
	describe('isoWeek', () => {
		it('puts 31 Dec 2026 in uge 53 of 2026', () => {
			expect(isoWeek('2026-12-31')).toEqual({ weekYear: 2026, week: 53 });
		});
		it('puts 1–3 Jan 2027 in uge 53 of 2026 and 4 Jan in uge 1 of 2027', () => {
			expect(isoWeek('2027-01-03')).toEqual({ weekYear: 2026, week: 53 });
			expect(isoWeek('2027-01-04')).toEqual({ weekYear: 2027, week: 1 });
		});
		it('puts 3 Jan 2021 in uge 53 of 2020', () => {
			expect(isoWeek('2021-01-03')).toEqual({ weekYear: 2020, week: 53 });
		});
		it('puts 29 Dec 2025 in uge 1 of 2026', () => {
			expect(isoWeek('2025-12-29')).toEqual({ weekYear: 2026, week: 1 });
		});
		it('agrees with luxon on every day from 2015 to 2045', () => {
			let date = '2015-01-01';
			while (date < '2046-01-01') {
				const reference = DateTime.fromISO(date, { zone: 'utc' });
				expect(isoWeek(date), date).toEqual({
					weekYear: reference.weekYear,
					week: reference.weekNumber
				});
				date = addDays(date, 1);
			}
		});
	});

	describe('weeksInYear', () => {
		it('gives 53 weeks for 2026 and 2020 and 52 for 2027 and 2028', () => {
			expect(weeksInYear(2026)).toBe(53);
			expect(weeksInYear(2020)).toBe(53);
			expect(weeksInYear(2027)).toBe(52);
			expect(weeksInYear(2028)).toBe(52);
		});
	});

	describe('mondayOfIsoWeek', () => {
		it('returns the Monday of a week, also when it falls in the previous year', () => {
			expect(mondayOfIsoWeek(2027, 6)).toBe('2027-02-08');
			expect(mondayOfIsoWeek(2026, 1)).toBe('2025-12-29');
			expect(mondayOfIsoWeek(2026, 53)).toBe('2026-12-28');
		});
		it('returns null for a week that does not exist', () => {
			expect(mondayOfIsoWeek(2027, 53)).toBeNull();
			expect(mondayOfIsoWeek(2027, 0)).toBeNull();
			expect(mondayOfIsoWeek(2027, 1.5)).toBeNull();
		});
	});

	describe('dateFromIsoWeek', () => {
		it('returns the weekday within the week', () => {
			expect(dateFromIsoWeek(2027, 6, 5)).toBe('2027-02-12');
			expect(dateFromIsoWeek(2026, 53, 7)).toBe('2027-01-03');
		});
		it('returns null when uge 53 does not exist', () => {
			expect(dateFromIsoWeek(2027, 53, 1)).toBeNull();
		});
	});

	describe('formatWeekRange', () => {
		it('writes a single week', () => {
			expect(formatWeekRange('2026-10-12', '2026-10-16')).toBe('uge 42');
			expect(formatWeekRange('2026-10-12')).toBe('uge 42');
		});
		it('writes a span of weeks across New Year', () => {
			expect(formatWeekRange('2027-12-29', '2028-01-05')).toBe('uge 52–1');
			expect(formatWeekRange('2026-12-30', '2027-01-05')).toBe('uge 53–1');
		});
		it('writes English with a plural', () => {
			expect(formatWeekRange('2026-10-12', '2026-10-12', 'en')).toBe('week 42');
			expect(formatWeekRange('2026-10-05', '2026-10-16', 'en')).toBe('weeks 41–42');
		});
	});
});

describe('weeks', () => {
	describe('parseWeekInput', () => {
		const today = '2026-12-05'; // a Saturday in uge 49 of 2026
		const parsed = (text: string) => {
			const w = parseWeekInput(text, today);
			return w && formatIsoWeekValue(w);
		};

		it('reads the week picker value and the ways people write a week', () => {
			expect(parsed('2027-W44')).toBe('2027-W44');
			expect(parsed('2027-w4')).toBe('2027-W04');
			expect(parsed('uge 44')).toBe('2027-W44');
			expect(parsed('Uge 44')).toBe('2027-W44');
			expect(parsed('44')).toBe('2027-W44');
			expect(parsed('44/2027')).toBe('2027-W44');
			expect(parsed('uge 44 2027')).toBe('2027-W44');
			expect(parsed(' uge  6 / 2028 ')).toBe('2028-W06');
		});

		it('takes a week without a year as the next one with that number', () => {
			expect(parsed('50')).toBe('2026-W50');
			expect(parsed('49')).toBe('2026-W49');
			expect(parsed('48')).toBe('2027-W48');
		});

		it('refuses what is no week', () => {
			for (const text of ['', 'uge', '0', '54', '2027-W54', '2026-W53x', 'næste uge', '44/27']) {
				expect(parseWeekInput(text, today), text).toBeNull();
			}
			expect(parsed('2026-W53')).toBe('2026-W53');
			expect(parseWeekInput('2027-W53', today)).toBeNull();
		});
	});
});
