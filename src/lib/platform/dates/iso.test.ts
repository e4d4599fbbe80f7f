import { describe, expect, it } from 'vitest';
import {
	addDays,
	compareDates,
	copenhagenDayFraction,
	copenhagenToday,
	diffDays,
	fromEpochDay,
	isIsoDate,
	isTime,
	parseIsoDate,
	spansOverlap,
	toEpochDay,
	weekday
} from './iso';

describe('iso', () => {
	describe('parseIsoDate', () => {
		it('parses a valid date into parts', () => {
			expect(parseIsoDate('2026-10-12')).toEqual({ year: 2026, month: 10, day: 12 });
		});
		it('rejects days that do not exist in the month', () => {
			expect(parseIsoDate('2027-02-31')).toBeNull();
			expect(parseIsoDate('2027-02-29')).toBeNull();
			expect(parseIsoDate('2026-04-31')).toBeNull();
		});
		it('accepts 29 February in leap years only', () => {
			expect(parseIsoDate('2028-02-29')).not.toBeNull();
			expect(parseIsoDate('2000-02-29')).not.toBeNull();
			expect(parseIsoDate('2100-02-29')).toBeNull();
		});
		it('rejects month 13 and month 0', () => {
			expect(parseIsoDate('2026-13-01')).toBeNull();
			expect(parseIsoDate('2026-00-10')).toBeNull();
		});
		it('rejects unpadded, padded-out and timestamped forms', () => {
			for (const value of [
				'2026-1-1',
				'2026-01-1',
				' 2026-01-01',
				'2026-01-01T00:00',
				'20260101',
				'2026/01/01',
				''
			]) {
				expect(parseIsoDate(value), value).toBeNull();
			}
		});
	});

	describe('isIsoDate', () => {
		it('rejects non-strings', () => {
			expect(isIsoDate(20260101)).toBe(false);
			expect(isIsoDate(null)).toBe(false);
			expect(isIsoDate('2026-01-01')).toBe(true);
		});
	});

	describe('isTime', () => {
		it('accepts HH:MM from 00:00 to 23:59 only', () => {
			expect(isTime('00:00')).toBe(true);
			expect(isTime('23:59')).toBe(true);
			expect(isTime('24:00')).toBe(false);
			expect(isTime('9:30')).toBe(false);
			expect(isTime('09:60')).toBe(false);
		});
	});

	describe('toEpochDay / fromEpochDay', () => {
		it('matches Date.UTC for the epoch and a modern date', () => {
			expect(toEpochDay('1970-01-01')).toBe(0);
			expect(toEpochDay('2026-08-01')).toBe(Date.UTC(2026, 7, 1) / 86_400_000);
		});
		it('round-trips every day from 1999 to 2041', () => {
			const first = toEpochDay('1999-01-01');
			for (let day = first; day < first + 43 * 366; day++) {
				expect(toEpochDay(fromEpochDay(day))).toBe(day);
			}
			expect(fromEpochDay(first + 365)).toBe('2000-01-01');
		});
	});

	describe('addDays', () => {
		it('crosses month, year and leap day boundaries', () => {
			expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
			expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
			expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
			expect(addDays('2027-03-01', -1)).toBe('2027-02-28');
		});
		it('treats DST change days as ordinary calendar days', () => {
			expect(addDays('2026-10-24', 2)).toBe('2026-10-26');
			expect(addDays('2027-03-27', 2)).toBe('2027-03-29');
		});
	});

	describe('diffDays', () => {
		it('counts whole days and is negative backwards', () => {
			expect(diffDays('2026-08-01', '2027-08-01')).toBe(365);
			expect(diffDays('2027-08-01', '2028-08-01')).toBe(366);
			expect(diffDays('2027-01-05', '2027-01-01')).toBe(-4);
		});
	});

	describe('weekday', () => {
		it('returns 1 for Monday and 7 for Sunday', () => {
			expect(weekday('2027-02-08')).toBe(1);
			expect(weekday('2027-02-14')).toBe(7);
			expect(weekday('1969-12-31')).toBe(3);
		});
	});

	describe('compareDates', () => {
		it('orders dates', () => {
			expect(compareDates('2026-12-31', '2027-01-01')).toBe(-1);
			expect(compareDates('2027-01-01', '2027-01-01')).toBe(0);
			expect(compareDates('2027-01-02', '2027-01-01')).toBe(1);
		});
		it('throws on an invalid date', () => {
			expect(() => compareDates('2027-02-31', '2027-01-01')).toThrow();
		});
	});

	describe('spansOverlap', () => {
		it('counts a shared end day as overlap', () => {
			expect(spansOverlap('2027-01-01', '2027-01-05', '2027-01-05', '2027-01-09')).toBe(true);
			expect(spansOverlap('2027-01-01', '2027-01-04', '2027-01-05', '2027-01-09')).toBe(false);
		});
	});

	describe('copenhagenToday', () => {
		it('uses the Copenhagen date, not the server date', () => {
			// 23:30 UTC on 31 Dec is already New Year in Copenhagen.
			expect(copenhagenToday(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
			expect(copenhagenToday(new Date('2027-07-31T21:59:00Z'))).toBe('2027-07-31');
		});
	});

	describe('copenhagenDayFraction', () => {
		it('measures against the real length of DST days', () => {
			// Local midnight was 22:00Z (CEST) on 24 Oct and 23:00Z (CET) on 27 Mar.
			expect(copenhagenDayFraction(new Date('2026-10-25T11:00:00Z'))).toBeCloseTo(13 / 25);
			expect(copenhagenDayFraction(new Date('2027-03-28T11:00:00Z'))).toBeCloseTo(12 / 23);
			expect(copenhagenDayFraction(new Date('2027-01-10T11:00:00Z'))).toBeCloseTo(0.5);
		});
	});
});
