import { describe, expect, it } from 'vitest';
import { addDays } from '$lib/platform/dates/iso';
import { dateToAngle, spanAngles, wheelYear } from './geometry';
import { layoutWheel } from './layout';
import {
	FOCUS_SWEEP,
	focusOf,
	overlapsPeriod,
	parseZoom,
	periodAt,
	periodDays,
	shiftPeriod,
	zoomIn,
	zoomOut,
	zoomParams,
	type ZoomPeriod
} from './zoom';

const YEAR = '2026/27';

function period(zoom: string, from: string): ZoomPeriod {
	const parsed = parseZoom(YEAR, zoom, from, '2026-10-14');
	if (!parsed.ok) throw new Error(parsed.message);
	return parsed.period;
}

describe('wheel-zoom', () => {
	describe('parseZoom', () => {
		it('reads the whole year without parameters', () => {
			const parsed = parseZoom(YEAR, null, null, '2026-10-14');
			expect(parsed).toMatchObject({
				ok: true,
				period: { level: 'aar', start: '2026-08-01', end: '2027-07-31' }
			});
		});

		it('counts half-years and quarters from August', () => {
			expect(period('halvaar', '2026-10')).toMatchObject({
				from: '2026-08',
				start: '2026-08-01',
				end: '2027-01-31'
			});
			expect(period('kvartal', '2027-03')).toMatchObject({
				from: '2027-02',
				start: '2027-02-01',
				end: '2027-04-30'
			});
			expect(period('maaned', '2027-02')).toMatchObject({ start: '2027-02-01', end: '2027-02-28' });
		});

		it('opens the period holding today when no month is given', () => {
			const parsed = parseZoom(YEAR, 'kvartal', null, '2026-12-03');
			expect(parsed.ok && parsed.period.from).toBe('2026-11');
		});

		it('refuses an unknown level or a month outside the year with a Danish message', () => {
			const level = parseZoom(YEAR, 'uge', null, '2026-10-14');
			expect(level.ok).toBe(false);
			expect(!level.ok && level.message).toMatch(/Ukendt zoom/);
			for (const bad of ['2027-08', '2026-07', '2027-13', 'feb', '2027-2']) {
				const parsed = parseZoom(YEAR, 'maaned', bad, '2026-10-14');
				expect(parsed.ok, bad).toBe(false);
				expect(!parsed.ok && parsed.message).toMatch(/Ugyldig måned/);
			}
		});
	});

	describe('shiftPeriod, zoomIn, zoomOut', () => {
		it('steps across the school year’s edges', () => {
			expect(shiftPeriod(period('kvartal', '2027-05'), 1)).toMatchObject({
				year: '2027/28',
				from: '2027-08'
			});
			expect(shiftPeriod(period('maaned', '2026-08'), -1)).toMatchObject({
				year: '2025/26',
				from: '2026-07'
			});
			expect(shiftPeriod(period('halvaar', '2026-08'), 1).from).toBe('2027-02');
		});

		it('zooms in towards today when it is inside, out to the period holding this one', () => {
			const year = period('aar', '');
			expect(zoomIn(year, '2027-03-10')).toMatchObject({ level: 'halvaar', from: '2027-02' });
			expect(zoomIn(period('halvaar', '2026-08'), '2027-03-10')).toMatchObject({
				level: 'kvartal',
				from: '2026-08'
			});
			expect(zoomIn(period('maaned', '2026-09'), '2026-09-10')).toBeNull();
			expect(zoomOut(period('maaned', '2027-03'))).toMatchObject({
				level: 'kvartal',
				from: '2027-02'
			});
			expect(zoomOut(year)).toBeNull();
		});

		it('puts zoom and fra in the URL, nothing for the whole year', () => {
			expect(zoomParams(period('kvartal', '2027-02'))).toEqual([
				['zoom', 'kvartal'],
				['fra', '2027-02']
			]);
			expect(zoomParams(periodAt(YEAR, 'aar', 4))).toEqual([]);
		});
	});

	describe('the zoomed geometry', () => {
		for (const [zoom, from] of [
			['halvaar', '2027-02'],
			['kvartal', '2026-11'],
			['maaned', '2027-02'],
			['maaned', '2026-08']
		] as const) {
			const focused = period(zoom, from);
			const wheel = wheelYear(YEAR, focusOf(focused));

			it(`maps the days monotonically around the circle (${zoom} from ${from})`, () => {
				// From the focus's first day once round the year, angles only grow, 0 to 360.
				let previous = -1;
				for (let i = 0; i < wheel.days; i++) {
					const date = addDays(focused.start, i);
					const wrapped = date > wheel.end ? addDays(date, -wheel.days) : date;
					const angle = dateToAngle(wrapped, wheel);
					expect(angle).toBeGreaterThan(previous);
					previous = angle;
				}
				expect(previous).toBeLessThan(360);
				expect(dateToAngle(focused.start, wheel)).toBe(0);
			});

			it(`fills its share with the period and compresses the rest (${zoom} from ${from})`, () => {
				const span = spanAngles(focused.start, focused.end, wheel)!;
				expect(span.startAngle).toBe(0);
				expect(span.endAngle).toBeCloseTo(FOCUS_SWEEP, 9);
				const focusDay = FOCUS_SWEEP / periodDays(focused);
				const contextDay = (360 - FOCUS_SWEEP) / (wheel.days - periodDays(focused));
				expect(contextDay).toBeLessThan(focusDay);
				// A day after the focus takes the context's share.
				const after = spanAngles(addDays(focused.end, 1), addDays(focused.end, 1), wheel);
				if (after) expect(after.endAngle - after.startAngle).toBeCloseTo(contextDay, 9);
			});
		}

		it('cuts a span across the focus’s start to its part in the focus', () => {
			const wheel = wheelYear(YEAR, focusOf(period('maaned', '2027-02')));
			const span = spanAngles('2027-01-30', '2027-02-02', wheel)!;
			expect(span.clippedStart).toBe(true);
			expect(span.startAngle).toBe(0);
			expect(span.endAngle).toBeCloseTo((FOCUS_SWEEP / 28) * 2, 9);
		});

		it('lays a month out with the period’s arcs wide and day ticks for its days', () => {
			const focused = period('maaned', '2027-02');
			const activities = [
				{
					id: 'a',
					title: 'Erhvervspraktik',
					categoryId: 'c',
					start: '2027-02-08',
					end: '2027-02-12'
				},
				{ id: 'b', title: 'Messe', categoryId: 'c', start: '2026-10-05', end: '2026-10-05' }
			];
			const layout = layoutWheel(activities, [{ id: 'c', name: 'Ring', ring: 1 }], {
				year: YEAR,
				focus: focusOf(focused)
			});
			const arcs = new Map(layout.rings[0].arcs.map((arc) => [arc.activity.id, arc]));
			const week = arcs.get('a')!;
			expect(week.endAngle - week.startAngle).toBeCloseTo((FOCUS_SWEEP / 28) * 5, 9);
			expect(arcs.get('b')!.startAngle).toBeGreaterThan(FOCUS_SWEEP);
			expect(layout.days).toHaveLength(28);
			expect(layout.days[0]).toMatchObject({ day: 1, startAngle: 0 });
			expect(layout.months.find((m) => m.month === 2)).toMatchObject({ startAngle: 0 });
		});
	});

	describe('overlapsPeriod', () => {
		const february = period('maaned', '2027-02');
		it('takes spans with a day in the period, across either edge', () => {
			expect(overlapsPeriod({ start: '2027-02-08', end: '2027-02-12' }, february)).toBe(true);
			expect(overlapsPeriod({ start: '2027-01-25', end: '2027-02-01' }, february)).toBe(true);
			expect(overlapsPeriod({ start: '2027-02-28', end: '2027-03-05' }, february)).toBe(true);
			expect(overlapsPeriod({ start: '2027-01-01', end: '2027-03-31' }, february)).toBe(true);
		});
		it('leaves out spans that end before or start after it', () => {
			expect(overlapsPeriod({ start: '2027-01-25', end: '2027-01-31' }, february)).toBe(false);
			expect(overlapsPeriod({ start: '2027-03-01', end: '2027-03-01' }, february)).toBe(false);
		});
	});
});
