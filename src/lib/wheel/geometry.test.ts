import { describe, expect, it } from 'vitest';
import { addDays } from '$lib/platform/dates/iso';
import {
	angleToDate,
	annularSectorPath,
	arcLength,
	arcPath,
	dateToAngle,
	labelArcPath,
	oneDecimal,
	polarToCartesian,
	spanAngles,
	tenths,
	todayHandAngle,
	wheelYear
} from './geometry';

const largeArcFlags = (path: string) =>
	[...path.matchAll(/[Aa] ?[\d.]+ [\d.]+ 0 (\d) (\d)/g)].map((match) => [
		Number(match[1]),
		Number(match[2])
	]);

describe('geometry', () => {
	describe('tenths and oneDecimal', () => {
		it('write a number to a tenth exactly as String(Math.round(n * 10) / 10) does', () => {
			let seed = 7;
			const samples = [0, -0, 0.05, -0.05, 0.04, -0.04, 12.35, -12.35, 999.95, -1000.05, 1e6 + 0.3];
			for (let i = 0; i < 5000; i++) {
				seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
				samples.push((seed / 2 ** 31 - 0.5) * 4000);
			}
			for (const n of samples) expect(oneDecimal(n)).toBe(String(Math.round(n * 10) / 10));
		});
		it('write whole tenths without a trailing zero', () => {
			expect([tenths(1234), tenths(120), tenths(-5), tenths(0), tenths(-70)]).toEqual([
				'123.4',
				'12',
				'-0.5',
				'0',
				'-7'
			]);
		});
	});

	describe('dateToAngle', () => {
		it('puts the start of 1 August at 0° and the end of 31 July at 360°', () => {
			expect(dateToAngle('2026-08-01', '2026/27')).toBe(0);
			expect(dateToAngle('2027-07-31', '2026/27', 'end')).toBeCloseTo(360, 10);
		});
		it('gives each day 360/365° in a 365-day year and 360/366° in a leap school year', () => {
			expect(dateToAngle('2026-08-02', '2026/27')).toBeCloseTo(360 / 365, 10);
			expect(dateToAngle('2027-08-02', '2027/28')).toBeCloseTo(360 / 366, 10);
			expect(dateToAngle('2028-07-31', '2027/28', 'end')).toBeCloseTo(360, 10);
		});
		it('gives DST change days the same angle as any other day', () => {
			const step = (date: string) =>
				dateToAngle(date, '2026/27', 'end') - dateToAngle(date, '2026/27', 'start');
			expect(step('2026-10-25')).toBeCloseTo(360 / 365, 10);
			expect(step('2027-03-28')).toBeCloseTo(360 / 365, 10);
			expect(
				dateToAngle('2026-10-26', '2026/27') - dateToAngle('2026-10-25', '2026/27')
			).toBeCloseTo(
				dateToAngle('2026-10-27', '2026/27') - dateToAngle('2026-10-26', '2026/27'),
				10
			);
		});
	});

	describe('angleToDate', () => {
		it('round-trips every day of a leap school year', () => {
			const wheel = wheelYear('2027/28');
			for (let date = wheel.start; date <= wheel.end; date = addDays(date, 1)) {
				expect(angleToDate(dateToAngle(date, wheel) + 0.01, wheel)).toBe(date);
			}
		});
		it('clamps at the edges', () => {
			expect(angleToDate(0, '2026/27')).toBe('2026-08-01');
			expect(angleToDate(360, '2026/27')).toBe('2027-07-31');
			expect(angleToDate(-5, '2026/27')).toBe('2026-08-01');
		});
	});

	describe('spanAngles', () => {
		it('gives a one-day span a visible arc of one day', () => {
			const angles = spanAngles('2026-08-01', '2026-08-01', '2026/27');
			expect(angles?.startAngle).toBe(0);
			expect(angles?.endAngle).toBeCloseTo(360 / 365, 10);
		});
		it('widens a short span to the minimum sweep around its middle', () => {
			const angles = spanAngles('2027-02-01', '2027-02-01', '2026/27', 4)!;
			expect(angles.endAngle - angles.startAngle).toBeCloseTo(4, 10);
			const middle = dateToAngle('2027-02-01', '2026/27') + 180 / 365;
			expect((angles.startAngle + angles.endAngle) / 2).toBeCloseTo(middle, 10);
		});
		it('keeps a widened span inside the year', () => {
			const angles = spanAngles('2027-07-31', '2027-07-31', '2026/27', 4)!;
			expect(angles.endAngle).toBe(360);
			expect(angles.startAngle).toBe(356);
		});
		it('cuts a span at the edges of the year and says so', () => {
			const angles = spanAngles('2026-07-20', '2026-08-10', '2026/27')!;
			expect(angles.startAngle).toBe(0);
			expect(angles.clippedStart).toBe(true);
			expect(angles.clippedEnd).toBe(false);
		});
		it('returns null for a span outside the year', () => {
			expect(spanAngles('2027-08-01', '2027-08-05', '2026/27')).toBeNull();
			expect(spanAngles('2026-07-01', '2026-07-31', '2026/27')).toBeNull();
		});
	});

	describe('polarToCartesian', () => {
		it('puts 0° at the top and 90° to the right', () => {
			const top = polarToCartesian(100, 100, 50, 0);
			const right = polarToCartesian(100, 100, 50, 90);
			expect(top.x).toBeCloseTo(100);
			expect(top.y).toBeCloseTo(50);
			expect(right.x).toBeCloseTo(150);
			expect(right.y).toBeCloseTo(100);
		});
	});

	describe('annularSectorPath', () => {
		const sector = { cx: 0, cy: 0, innerRadius: 50, outerRadius: 100 };
		it('sets the large-arc flag for sweeps over 180°', () => {
			const flags = largeArcFlags(annularSectorPath({ ...sector, startAngle: 10, endAngle: 250 }));
			expect(flags).toEqual([
				[1, 1],
				[1, 0]
			]);
		});
		it('clears the large-arc flag for sweeps up to 180°', () => {
			const flags = largeArcFlags(annularSectorPath({ ...sector, startAngle: 10, endAngle: 190 }));
			expect(flags).toEqual([
				[0, 1],
				[0, 0]
			]);
		});
		it('draws a quarter ring through the expected corners', () => {
			expect(annularSectorPath({ ...sector, startAngle: 0, endAngle: 90 })).toBe(
				'M0 -100a100 100 0 0 1 100 100l-50 0a50 50 0 0 0 -50 -50z'
			);
		});
		it('lands every corner of a sector where the absolute corner is, however many steps', () => {
			// Corners of 2,000 one-day arcs: each relative step is taken between rounded corners.
			for (let day = 0; day < 365; day += 7) {
				const startAngle = (day * 360) / 365;
				const endAngle = startAngle + 360 / 365;
				const path = annularSectorPath({
					cx: 500,
					cy: 500,
					innerRadius: 125,
					outerRadius: 127.6,
					startAngle,
					endAngle
				});
				const [x1, y1, , , , , , dx2, dy2, dx3, dy3, , , , , , dx4, dy4] = path
					.replace(/[Mal]/g, ' ')
					.replace('z', '')
					.trim()
					.split(/\s+/)
					.map(Number);
				const corner = (r: number, angle: number) => [
					Math.round((500 + r * Math.sin((angle * Math.PI) / 180)) * 10) / 10,
					Math.round((500 - r * Math.cos((angle * Math.PI) / 180)) * 10) / 10
				];
				const x2 = x1 + dx2;
				const y2 = y1 + dy2;
				const x3 = x2 + dx3;
				const y3 = y2 + dy3;
				expect([x2, y2].map((v, i) => Math.abs(v - corner(127.6, endAngle)[i]))).toEqual([
					expect.closeTo(0, 6),
					expect.closeTo(0, 6)
				]);
				expect(Math.abs(x3 + dx4 - corner(125, startAngle)[0])).toBeCloseTo(0, 6);
				expect(Math.abs(y3 + dy4 - corner(125, startAngle)[1])).toBeCloseTo(0, 6);
			}
		});
		it('draws a full ring as two circles without a degenerate arc', () => {
			const path = annularSectorPath({ ...sector, startAngle: 0, endAngle: 360 });
			expect(largeArcFlags(path)).toHaveLength(4);
			expect(path).toContain('A 100 100 0 0 1 0 100');
		});
		it('draws a pie slice when the inner radius is 0', () => {
			expect(annularSectorPath({ ...sector, innerRadius: 0, startAngle: 0, endAngle: 90 })).toBe(
				'M 0 -100 A 100 100 0 0 1 100 0 L 0 0 Z'
			);
		});
	});

	describe('labelArcPath', () => {
		it('runs clockwise on the upper half and counter-clockwise on the lower half', () => {
			expect(labelArcPath(0, 0, 10, 0, 90)).toBe(arcPath(0, 0, 10, 0, 90));
			expect(labelArcPath(0, 0, 10, 150, 210)).toBe(arcPath(0, 0, 10, 210, 150));
			expect(largeArcFlags(labelArcPath(0, 0, 10, 150, 210))[0][1]).toBe(0);
		});
	});

	describe('todayHandAngle', () => {
		it('points at the Copenhagen time of day within today', () => {
			// 11:00Z on 10 Jan 2027 is noon in Copenhagen.
			const angle = todayHandAngle('2026/27', new Date('2027-01-10T11:00:00Z'))!;
			expect(angle).toBeCloseTo(dateToAngle('2027-01-10', '2026/27') + 180 / 365, 6);
		});
		it('returns null outside the school year', () => {
			expect(todayHandAngle('2026/27', new Date('2027-08-02T10:00:00Z'))).toBeNull();
		});
		it('starts the year at Copenhagen midnight, not UTC midnight', () => {
			expect(todayHandAngle('2026/27', new Date('2026-07-31T22:00:00Z'))).toBeCloseTo(0, 10);
		});
	});

	describe('arcLength', () => {
		it('gives a quarter circumference for 90°', () => {
			expect(arcLength(100, 90)).toBeCloseTo(50 * Math.PI);
		});
	});
});
