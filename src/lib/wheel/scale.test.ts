import { describe, expect, it } from 'vitest';
import { dateToAngle } from './geometry';
import { monthSectors, weekTicks } from './scale';

describe('scale', () => {
	describe('monthSectors', () => {
		it('gives twelve months from August to July that fill the circle', () => {
			const months = monthSectors('2026/27');
			expect(months.map((m) => m.month)).toEqual([8, 9, 10, 11, 12, 1, 2, 3, 4, 5, 6, 7]);
			expect(months[0].startAngle).toBe(0);
			expect(months[11].endAngle).toBeCloseTo(360, 10);
			for (let i = 1; i < 12; i++)
				expect(months[i].startAngle).toBeCloseTo(months[i - 1].endAngle, 10);
		});
		it('gives February 29 days in a leap school year', () => {
			const february = monthSectors('2027/28')[6];
			expect(february.end).toBe('2028-02-29');
			expect(february.endAngle - february.startAngle).toBeCloseTo((29 * 360) / 366, 10);
		});
	});

	describe('weekTicks', () => {
		it('includes uge 53 in 2026/27', () => {
			const weeks = weekTicks('2026/27');
			const week53 = weeks.find((w) => w.week === 53);
			expect(week53).toMatchObject({ weekYear: 2026, monday: '2026-12-28' });
			expect(week53?.tickAngle).toBeCloseTo(dateToAngle('2026-12-28', '2026/27'), 10);
		});
		it('has no uge 53 in 2027/28', () => {
			expect(weekTicks('2027/28').some((w) => w.week === 53)).toBe(false);
		});
		it('starts with the week already running on 1 August, without a tick', () => {
			const [first, second] = weekTicks('2026/27');
			expect(first).toMatchObject({
				weekYear: 2026,
				week: 31,
				monday: '2026-07-27',
				tickAngle: null
			});
			expect(first.labelAngle).toBeCloseTo(360 / 365, 10);
			expect(second.week).toBe(32);
		});
		it('covers every week once, in order', () => {
			const weeks = weekTicks('2026/27');
			expect(weeks).toHaveLength(53);
			expect(new Set(weeks.map((w) => `${w.weekYear}-${w.week}`)).size).toBe(weeks.length);
			expect(weeks.at(-1)).toMatchObject({ weekYear: 2027, week: 30 });
		});
	});
});
