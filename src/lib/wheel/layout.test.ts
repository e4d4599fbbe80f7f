import { describe, expect, it } from 'vitest';
import { addDays } from '$lib/platform/dates/iso';
import { dateToAngle } from './geometry';
import { layoutWheel, ringWidthsFor, type WheelActivity, type WheelCategory } from './layout';
import { accessibleNameOf } from './labels';

const categories: WheelCategory[] = [
	{ id: 'messe', name: 'Uddannelsesmesse', ring: 2 },
	{ id: 'praktik', name: 'Erhvervspraktik', ring: 1 }
];

const activity = (id: string, categoryId: string, start: string, end: string, title = id) => ({
	id,
	title,
	categoryId,
	start,
	end
});

describe('layout', () => {
	describe('layoutWheel', () => {
		const activities: WheelActivity[] = [
			activity('a', 'praktik', '2027-02-08', '2027-02-12', 'Erhvervspraktik'),
			activity('b', 'praktik', '2027-02-10', '2027-02-10', 'Besøg'),
			activity('c', 'messe', '2026-11-03', '2026-11-03', 'Uddannelsesmesse Horsens'),
			activity('old', 'messe', '2026-05-01', '2026-05-02'),
			activity('stray', 'unknown', '2026-09-01', '2026-09-01')
		];
		const layout = layoutWheel(activities, categories, { year: '2026/27', size: 1000 });

		it('orders rings by their ring number, innermost first, without overlap', () => {
			expect(layout.rings.map((r) => r.category.id)).toEqual(['praktik', 'messe']);
			expect(layout.rings[0].innerRadius).toBe(120);
			expect(layout.rings[1].innerRadius).toBeGreaterThan(layout.rings[0].outerRadius);
			expect(layout.rings[1].outerRadius).toBeCloseTo(420, 6);
		});
		it('gives overlapping activities of one ring separate lanes and radius bands', () => {
			const [a, b] = layout.rings[0].arcs;
			expect(layout.rings[0].laneCount).toBe(2);
			expect(a.lane).not.toBe(b.lane);
			expect(Math.max(a.innerRadius, b.innerRadius)).toBeGreaterThanOrEqual(
				Math.min(a.outerRadius, b.outerRadius)
			);
		});
		it('leaves out activities outside the year and reports unknown categories', () => {
			const ids = layout.rings.flatMap((r) => r.arcs.map((arc) => arc.activity.id));
			expect(ids.sort()).toEqual(['a', 'b', 'c']);
			expect(layout.unplacedIds).toEqual(['stray']);
		});
		it('draws each arc from its start day to the end of its end day', () => {
			const a = layout.rings[0].arcs.find((arc) => arc.activity.id === 'a')!;
			expect(a.startAngle).toBeCloseTo(dateToAngle('2027-02-08', '2026/27'), 10);
			expect(a.endAngle).toBeCloseTo(dateToAngle('2027-02-12', '2026/27', 'end'), 10);
			expect(a.outerRadius).toBeGreaterThan(a.innerRadius);
		});
		it('includes the month and week scale', () => {
			expect(layout.months).toHaveLength(12);
			expect(layout.weeks.some((w) => w.week === 53)).toBe(true);
		});
	});

	describe('layoutWheel with minimum sweep', () => {
		it('puts one-day activities on adjacent days in separate lanes once widened', () => {
			const days = [
				activity('d1', 'praktik', '2027-03-01', '2027-03-01'),
				activity('d2', 'praktik', '2027-03-02', '2027-03-02')
			];
			expect(
				layoutWheel(days, categories, { year: '2026/27', minSweep: 0 }).rings[0].laneCount
			).toBe(1);
			const widened = layoutWheel(days, categories, { year: '2026/27', minSweep: 3 });
			expect(widened.rings[0].laneCount).toBe(2);
			const sweep = widened.rings[0].arcs[0].endAngle - widened.rings[0].arcs[0].startAngle;
			expect(sweep).toBeCloseTo(3, 10);
		});
	});

	describe('layoutWheel on consecutive days', () => {
		it('keeps a whole year of back-to-back days in one lane', () => {
			const days: WheelActivity[] = [];
			for (let date = '2027-08-01'; date <= '2028-07-31'; date = addDays(date, 1)) {
				days.push(activity(date, 'praktik', date, date));
			}
			const layout = layoutWheel(days, categories, { year: '2027/28', minSweep: 0 });
			expect(layout.rings[0].arcs).toHaveLength(366);
			expect(layout.rings[0].laneCount).toBe(1);
		});
	});

	describe('layoutWheel across New Year', () => {
		it('lays out a juleferie crossing New Year as one arc', () => {
			const ferie = [activity('jul', 'praktik', '2026-12-21', '2027-01-03', 'Juleferie')];
			const [arc] = layoutWheel(ferie, categories, { year: '2026/27' }).rings[0].arcs;
			expect(arc.endAngle - arc.startAngle).toBeCloseTo((14 * 360) / 365, 10);
			expect(accessibleNameOf(arc.activity)).toBe(
				'Juleferie, 21. december 2026–3. januar 2027, uge 52–53'
			);
		});
	});
});

describe('ringWidthsFor', () => {
	it('shares the band by lanes when every ring is wide enough', () => {
		expect(ringWidthsFor([1, 2, 1], 200, 20)).toEqual([50, 100, 50]);
	});

	it('lifts narrow rings to the minimum and lets the crowded ring share the rest', () => {
		const widths = ringWidthsFor([1, 1, 1, 10], 130, 20);
		expect(widths.slice(0, 3)).toEqual([20, 20, 20]);
		expect(widths[3]).toBeCloseTo(70);
	});

	it('falls back to equal lanes when the rings cannot all have the minimum', () => {
		expect(ringWidthsFor([1, 1], 30, 20)).toEqual([15, 15]);
	});
});
