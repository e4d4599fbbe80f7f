import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import Wheel from '../../src/lib/wheel/components/Wheel.svelte';
import { addDays } from '../../src/lib/platform/dates/iso';
import {
	loadWheel,
	type WheelCategoryInfo,
	type WheelItem
} from '../../src/lib/wheel/server/wheel';
import { GET as getSvg } from '../../src/routes/aarshjul/eksport.svg/+server';
import {
	arcLabels,
	labelBoxes,
	overlappingPairs,
	smallestFontSize,
	viewBoxOf
} from '../helpers/wheel-svg';
import { fakeLocals } from './organisation.fixtures';
import { useDemoDatabase } from './demo-fixtures';

const YEAR = '2026/27';
/** The secretariat sees every demo activity (84 in 2026/27). */
const SECRETARIAT = { isSecretariat: true, memberships: [] };
const ORIGIN = 'http://localhost:5173';
/** The page gives the wheel 1,120 px of a 1,366 px screen (72rem less padding). */
const PAGE_WIDTH_AT_1366 = 1120;
/** The print page gives the wheel 297 mm of an A3 sheet (the list stands beside it): 1,123 CSS px. */
const A3_PRINT_WIDTH = (297 / 25.4) * 96;

function renderWheel(activities: WheelItem[], categories: WheelCategoryInfo[]) {
	return render(Wheel, {
		props: {
			activities,
			categories,
			holidays: [],
			publicHolidays: [],
			today: new Date('2026-10-14T10:00:00Z'),
			year: YEAR,
			locale: 'da'
		}
	}).body;
}

/** Every arc carries a title (whole, or a long start of it) or a number the key explains. */
function expectAllIdentifiable(svg: string, titles: Map<string, string>, key: string) {
	const arcs = arcLabels(svg);
	expect(arcs.length).toBe(titles.size);
	for (const arc of arcs) {
		expect(arc.kind, `arc ${arc.id} has no label`).not.toBeNull();
		if (arc.kind === 'number' || arc.kind === 'number-on-arc') {
			const line = new RegExp(`>${arc.text}</text><text[^>]*>([^<]*)</text>`).exec(key);
			expect(line?.[1].startsWith(titles.get(arc.id)!.slice(0, 20))).toBe(true);
		} else {
			// The whole title, or its distinctive part (the ring already names the category), or a
			// long start of either.
			const shown = arc.text.replace(/…$/, '');
			expect(titles.get(arc.id)!, arc.text).toContain(shown);
			if (arc.text.endsWith('…')) expect([...shown].length).toBeGreaterThanOrEqual(13);
			else expect(titles.get(arc.id)!.endsWith(shown)).toBe(true);
		}
	}
	return arcs;
}

function expectReadableAt(svg: string, pixelWidth: number) {
	const { width } = viewBoxOf(svg);
	expect(smallestFontSize(svg) * (pixelWidth / width)).toBeGreaterThanOrEqual(11);
}

describe('wheel labels in the server-rendered SVG', () => {
	const demo = useDemoDatabase({ routes: true });

	describe('demo data', () => {
		it('names every arc, with no two label boxes overlapping and no text under 11 px', async () => {
			const wheel = await loadWheel(demo.db, SECRETARIAT, { year: YEAR });
			const svg = renderWheel(wheel.activities, wheel.categories);
			expect(wheel.activities.length).toBeGreaterThan(80);
			// Keyed by the last part of the arc's link (an activity, or an offer for the secretariat).
			const titles = new Map(wheel.activities.map((a) => [a.href.split('/').pop()!, a.title]));
			const arcs = expectAllIdentifiable(svg, titles, '');
			// On the demo year everything fits as a title: nothing needs the key.
			expect(arcs.filter((a) => a.kind?.startsWith('number'))).toHaveLength(0);
			expect(overlappingPairs(labelBoxes(svg))).toEqual([]);
			expectReadableAt(svg, PAGE_WIDTH_AT_1366);
			expectReadableAt(svg, A3_PRINT_WIDTH);
		});

		it('writes every ring’s name on the wheel', async () => {
			const wheel = await loadWheel(demo.db, SECRETARIAT, { year: YEAR });
			const svg = renderWheel(wheel.activities, wheel.categories);
			const names = [
				...svg.matchAll(/<text font-size="[\d.]+" data-label="ring"><textPath[^>]*>([^<]+)</g)
			].map((m) => m[1]);
			expect(names).toEqual(wheel.categories.map((c) => c.name));
		});

		it('carries the labels and ring names into the SVG export', async () => {
			const url = new URL(`${ORIGIN}/aarshjul/eksport.svg?year=${YEAR}`);
			const svg = await (await getSvg({ url, locals: fakeLocals(SECRETARIAT) } as never)).text();
			const wheel = await loadWheel(demo.db, SECRETARIAT, { year: YEAR });
			// Keyed by the last part of the arc's link (an activity, or an offer for the secretariat).
			const titles = new Map(wheel.activities.map((a) => [a.href.split('/').pop()!, a.title]));
			expectAllIdentifiable(svg, titles, svg);
			expect(overlappingPairs(labelBoxes(svg))).toEqual([]);
			expect(svg).toContain('data-label="ring"');
			// The PNG is 2,400 px wide by default: the export's text is above 11 px there.
			const documentWidth = Number(/<svg[^>]* width="(\d+)"/.exec(svg)![1]);
			expect(smallestFontSize(svg) * (2400 / documentWidth)).toBeGreaterThanOrEqual(11);
		});
	});

	describe('a year of 2,000 activities', () => {
		const categories: WheelCategoryInfo[] = Array.from({ length: 9 }, (_, i) => ({
			id: `c${i}`,
			name: `Kategori ${i + 1}`,
			nameDa: `Kategori ${i + 1}`,
			nameEn: `Category ${i + 1}`,
			pillar: 'rekruttering',
			colour: '#1f5fa8',
			ring: i + 1
		}));
		let seed = 7;
		const random = () => {
			seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
			return seed / 2 ** 31;
		};
		const activities: WheelItem[] = Array.from({ length: 2000 }, (_, i) => {
			const start = addDays('2026-08-01', Math.floor(random() * 365));
			const length = random() < 0.1 ? Math.floor(random() * 30) : Math.floor(random() * 4);
			return {
				id: `a${i}`,
				title: `Virksomhedsbesøg nr. ${i}`,
				categoryId: `c${i % 9}`,
				start,
				end: addDays(start, length) > '2027-07-31' ? '2027-07-31' : addDays(start, length),
				startTime: null,
				endTime: null,
				cancelled: false,
				ownerName: 'Learnmark',
				href: `/aktiviteter/a${i}`,
				booking: null
			};
		});

		it('numbers what has no room, keyed to a list; no overlaps, no text under 11 px', () => {
			const svg = renderWheel(activities, categories);
			const arcs = arcLabels(svg);
			expect(arcs).toHaveLength(2000);
			expect(arcs.filter((a) => a.kind === null)).toEqual([]);
			const numbers = arcs.filter((a) => a.kind?.startsWith('number')).map((a) => Number(a.text));
			expect(new Set(numbers).size).toBe(numbers.length);
			expect(numbers.length).toBeGreaterThan(1000);
			expect(overlappingPairs(labelBoxes(svg))).toEqual([]);
			expectReadableAt(svg, PAGE_WIDTH_AT_1366);
		});
	});
});
