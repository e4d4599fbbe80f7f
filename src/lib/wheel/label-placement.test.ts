import { describe, expect, it } from 'vitest';
import {
	boxesOverlap,
	fitsAlongArc,
	placeLabels,
	spreadRows,
	textWidth,
	type LabelArc,
	type LabelOptions,
	type LabelPlacement
} from './label-placement';

const OPTIONS: LabelOptions = {
	center: { x: 500, y: 500 },
	fontSize: 16,
	elbowRadius: 496,
	columnGap: 32,
	columnWidth: 260,
	top: 0,
	bottom: 1000
};

let seed = 11;
function random(): number {
	seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
	return seed / 2 ** 31;
}

/** `count` arcs in `rings` rings of `lanes` lanes each, at random days of the year. */
/** An arc of 50° on a 30-unit ring: room for a title along it. */
function wideArc(id: string, title: string): LabelArc {
	return { id, title, startAngle: 10, endAngle: 60, innerRadius: 300, outerRadius: 330 };
}

function arcs(count: number, rings = 9, lanes = 3): LabelArc[] {
	seed = 11;
	const width = 250 / (rings * lanes);
	return Array.from({ length: count }, (_, i) => {
		const start = Math.floor(random() * 360);
		const sweep = random() < 0.2 ? 5 + random() * 30 : 1;
		const slot = i % (rings * lanes);
		return {
			id: `a${i}`,
			title: `Aktivitet nummer ${i}`,
			startAngle: start,
			endAngle: Math.min(360, start + sweep),
			innerRadius: 125 + slot * width,
			outerRadius: 125 + (slot + 1) * width
		};
	});
}

const boxOf = (p: LabelPlacement) => (p.kind === 'arc' ? null : p.box);

describe('label-placement', () => {
	describe('placeLabels', () => {
		it.each([10, 84, 200, 2000])('gives each of %i arcs exactly one label', (count) => {
			const input = arcs(count);
			const result = placeLabels(input, OPTIONS);
			expect(result.placements).toHaveLength(count);
			expect(new Set(result.placements.map((p) => p.id)).size).toBe(count);
			for (const arc of input) expect(result.byId.has(arc.id)).toBe(true);
			// Also in the order of the arcs given, as the markup reads them.
			expect(result.inOrder.map((p) => p.id)).toEqual(input.map((arc) => arc.id));
			expect(result.inOrder.every((p) => result.byId.get(p.id) === p)).toBe(true);
		});

		it.each([84, 200, 2000])('lets no two label boxes of %i arcs overlap', (count) => {
			const boxes = placeLabels(arcs(count), OPTIONS)
				.placements.map(boxOf)
				.filter((b) => b !== null)
				.sort((a, b) => a.x - b.x);
			expect(boxes.length).toBeGreaterThan(0);
			for (let i = 0; i < boxes.length; i++) {
				for (let j = i + 1; j < boxes.length && boxes[j].x < boxes[i].x + boxes[i].width; j++) {
					expect(boxesOverlap(boxes[i], boxes[j])).toBe(false);
				}
			}
		});

		it('writes a title on an arc that is long and wide enough', () => {
			const arc = wideArc('long', 'Uddannelsesmesse');
			const [placement] = placeLabels([arc], OPTIONS).placements;
			expect(placement).toMatchObject({ kind: 'arc', text: 'Uddannelsesmesse', fontSize: 16 });
		});

		it('cuts a long title on an arc with … and keeps enough of it to identify the arc', () => {
			const arc = wideArc('cut', 'Erhvervspraktik for 8. klasse hos Bygholm Stål');
			const [placement] = placeLabels([arc], OPTIONS).placements;
			expect(placement.kind).toBe('arc');
			const text = placement.kind === 'arc' ? placement.text : '';
			expect(text.endsWith('…')).toBe(true);
			expect(arc.title.startsWith(text.slice(0, -1))).toBe(true);
			expect([...text].length).toBeGreaterThanOrEqual(14);
		});

		it('runs a title on the lower half counter-clockwise, so that it reads upright', () => {
			const at = (startAngle: number, endAngle: number) => {
				const [placement] = placeLabels(
					[{ id: 'a', title: 'Messe', startAngle, endAngle, innerRadius: 300, outerRadius: 330 }],
					OPTIONS
				).placements;
				return placement.kind === 'arc' ? placement.path : '';
			};
			// The sweep flag of the path's arc: 1 clockwise (upper half), 0 counter-clockwise.
			expect(at(10, 60)).toMatch(/ 0 0 1 [\d.-]+ [\d.-]+$/);
			expect(at(160, 210)).toMatch(/ 0 0 0 [\d.-]+ [\d.-]+$/);
		});

		it('puts a narrow arc’s title outside, on its side, with a leader from the arc', () => {
			const right: LabelArc = {
				id: 'r',
				title: 'Besøg',
				startAngle: 40,
				endAngle: 41,
				innerRadius: 200,
				outerRadius: 210
			};
			const left = { ...right, id: 'l', startAngle: 300, endAngle: 301 };
			const result = placeLabels([right, left], OPTIONS);
			const r = result.byId.get('r')!;
			const l = result.byId.get('l')!;
			expect(r).toMatchObject({ kind: 'outside', anchor: 'start', text: 'Besøg' });
			expect(l).toMatchObject({ kind: 'outside', anchor: 'end' });
			if (r.kind !== 'outside' || l.kind !== 'outside') throw new Error('outside expected');
			expect(r.x).toBeGreaterThan(500 + 496);
			expect(l.x).toBeLessThan(500 - 496);
			// The leader starts on the arc's outer edge and ends at the label.
			expect(Math.hypot(r.leader[0].x - 500, r.leader[0].y - 500)).toBeCloseTo(210);
			expect(r.leader.at(-1)!.y).toBe(r.y);
		});

		it('numbers arcs in the order of the year once a side has more than its rows', () => {
			const result = placeLabels(arcs(2000), OPTIONS);
			expect(result.numbered.length).toBeGreaterThan(1000);
			expect(result.numbered.map((n) => n.number)).toEqual(result.numbered.map((_, i) => i + 1));
			for (const { id, number } of result.numbered) {
				expect(result.byId.get(id)).toMatchObject({ kind: 'number', number });
			}
			const first = arcs(2000).find((a) => a.id === result.numbered[0].id)!;
			const last = arcs(2000).find((a) => a.id === result.numbered.at(-1)!.id)!;
			expect(first.startAngle).toBeLessThanOrEqual(last.startAngle);
		});

		it('never writes smaller than the font size it is given', () => {
			for (const p of placeLabels(arcs(2000), OPTIONS).placements) expect(p.fontSize).toBe(16);
		});

		it('grows the canvas for more rows rather than squeezing them', () => {
			const result = placeLabels(arcs(2000), OPTIONS);
			expect(result.bounds.height).toBeGreaterThan(1000);
			for (const p of result.placements) {
				const box = boxOf(p);
				if (!box) continue;
				expect(box.y).toBeGreaterThanOrEqual(result.bounds.y);
				expect(box.y + box.height).toBeLessThanOrEqual(result.bounds.y + result.bounds.height);
				expect(box.x).toBeGreaterThanOrEqual(result.bounds.x);
				expect(box.x + box.width).toBeLessThanOrEqual(result.bounds.x + result.bounds.width + 1);
			}
		});

		it('is deterministic: the same arcs in another order give the same labels', () => {
			const input = arcs(500);
			const once = placeLabels(input, OPTIONS).placements;
			const again = placeLabels([...input].reverse(), OPTIONS).placements;
			const byId = (list: LabelPlacement[]) =>
				Object.fromEntries(list.map((p) => [p.id, JSON.stringify(p)]));
			expect(byId(again)).toEqual(byId(once));
		});
	});

	describe('spreadRows', () => {
		it('keeps rows at their wanted height when there is room', () => {
			expect(spreadRows([10, 50, 90], 20, 0, 100)).toEqual([10, 50, 90]);
		});

		it('pushes crowded rows apart by the gap and keeps them within the bounds', () => {
			const ys = spreadRows([95, 96, 97, 98], 20, 0, 100);
			expect(ys).toEqual([40, 60, 80, 100]);
		});
	});

	describe('textWidth', () => {
		it('counts letters, not UTF-16 units', () => {
			expect(textWidth('æøå', 10)).toBeCloseTo(textWidth('abc', 10));
			// An emoji is two UTF-16 units and one character; a lone surrogate counts as one.
			expect(textWidth('a😀b😀', 10)).toBeCloseTo(textWidth('abcd', 10));
			expect(textWidth('\udc00a\ud83d', 10)).toBeCloseTo(textWidth('abc', 10));
		});
	});

	describe('fitsAlongArc', () => {
		it('fits a name along an arc long enough for its glyphs and a little air', () => {
			// 'uge 6': 5 glyphs × 38 × 0.62 + 8 = 125.8 units; at radius 459 that is 15.7°.
			expect(fitsAlongArc('uge 6', 38, 459, 17)).toBe(true);
			expect(fitsAlongArc('uge 6', 38, 459, 14)).toBe(false);
		});
	});
});
