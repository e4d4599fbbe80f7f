import { describe, expect, it } from 'vitest';
import { addDays } from '$lib/platform/dates/iso';
import { arcsMarkup, escapeMarkup, type ArcItem } from './arc-markup';
import { drawWheel } from './drawing';
import { WHEEL_DRAWING_OPTIONS } from './frame';
import type { WheelCategory } from './layout';

const categories: WheelCategory[] = [
	{ id: 'c1', name: 'Virksomhedsbesøg', ring: 1 },
	{ id: 'c2', name: 'Kampagne', ring: 2 }
];

function item(id: string, start: string, days: number, more: Partial<ArcItem> = {}): ArcItem {
	return {
		id,
		title: `Besøg ${id}`,
		categoryId: 'c1',
		start,
		end: addDays(start, days),
		href: `/aktiviteter/${id}`,
		...more
	};
}

function draw(items: ArcItem[]) {
	return drawWheel(items, categories, { ...WHEEL_DRAWING_OPTIONS, year: '2026/27' });
}

const options = {
	idPrefix: 'w1',
	hrefBase: '',
	locale: 'da' as const,
	cancelledWord: 'aflyst',
	colourOf: (category: WheelCategory) => (category.id === 'c1' ? '#00796b' : '#7b1fa2')
};

/** Every arc link: its attributes and what it holds. */
const links = (markup: string) =>
	[...markup.matchAll(/<a ([^>]*)>([\s\S]*?)<\/a>/g)].map(([, attributes, inner]) => ({
		attributes,
		inner
	}));

describe('arcsMarkup', () => {
	// A long span whose title fits on it, and a crowd of one-day visits, more than the label
	// columns can name: some get numbers.
	const crowd = Array.from({ length: 300 }, (_, i) =>
		item(`d${i}`, addDays('2026-10-05', i % 20), 0)
	);
	const items = [
		item('long', '2026-09-01', 120, { title: 'Kampagne i hele efteråret', categoryId: 'c2' }),
		...crowd
	];
	const drawing = draw(items);

	it('writes one link per arc, to its href, in its ring coloured once', () => {
		expect(drawing.labels.numbered.length).toBeGreaterThan(0);
		const markup = arcsMarkup(drawing, options);
		expect(links(markup)).toHaveLength(items.length);
		expect(markup).toContain('href="/aktiviteter/long"');
		expect(markup.match(/<g class="ring" data-category="c1" fill="#00796b"/g)).toHaveLength(1);
		// One shared style, no hydration markers, no per-arc colour.
		expect(markup.match(/<style>/g)).toHaveLength(1);
		expect(markup).not.toContain('<!--');
		expect(markup).not.toMatch(/<path class="fill"[^>]*fill="#/);
	});

	it('names every arc: by its own words, or by the key entry that explains its number', () => {
		const own = links(arcsMarkup(drawing, options));
		expect(own.every((l) => /aria-label="[^"]+"/.test(l.attributes))).toBe(true);

		const keyed = links(arcsMarkup(drawing, { ...options, keyEntryId: (n) => `wheel-key-${n}` }));
		const numbered = keyed.filter((l) => /data-label="number/.test(l.inner));
		expect(numbered.length).toBeGreaterThan(0);
		for (const link of numbered) {
			const number = /data-label="number[^"]*"[^>]*>(\d+)<\/text>/.exec(link.inner)![1];
			expect(link.attributes).toContain(`aria-labelledby="wheel-key-${number}"`);
			expect(link.attributes).not.toContain('aria-label=');
		}
		// An arc with its title on it keeps its own name.
		const long = keyed.find((l) => l.attributes.includes('/long"'))!;
		expect(long.inner, long.attributes).toContain('data-label="arc"');
		expect(long.attributes).toContain('aria-label="Kampagne i hele efteråret');
	});

	it('draws every leader line in one path under the rings, from its arc out to its label', () => {
		const markup = arcsMarkup(drawing, options);
		const leaders = drawing.labels.placements.filter((p) => p.kind !== 'arc' && p.leader.length);
		expect(leaders.length).toBeGreaterThan(0);
		const path = /<path class="leader" d="([^"]+)"\/>/.exec(markup)!;
		expect(markup.indexOf(path[0])).toBeLessThan(markup.indexOf('<g class="ring"'));
		const lines = path[1].split('M').slice(1);
		expect(lines).toHaveLength(leaders.length);
		leaders.forEach((label, index) => {
			const points = label.kind === 'arc' ? [] : label.leader;
			const expected = points.map((p) => `${Math.round(p.x)} ${Math.round(p.y)}`).join('L');
			expect(lines[index]).toBe(expected);
		});
		// Nothing to draw, no path.
		const alone = draw([item('long', '2026-09-01', 120, { title: 'Kampagne', categoryId: 'c2' })]);
		expect(arcsMarkup(alone, options)).not.toContain('class="leader"');
	});

	it('names a number by its own words when the key does not explain it', () => {
		const markup = arcsMarkup(drawing, { ...options, keyEntryId: () => undefined });
		expect(markup).not.toContain('aria-labelledby');
	});

	it('marks a cancelled arc in its name, its fill and its label, and never names it by the key', () => {
		const cancelled = draw([item('x', '2026-09-01', 60, { title: 'Messe', cancelled: true })]);
		const [link] = links(arcsMarkup(cancelled, { ...options, keyEntryId: () => 'k' }));
		expect(link.attributes).toContain('class="arc cancelled"');
		expect(link.attributes).toMatch(/aria-label="Messe, [^"]* \(aflyst\)"/);
		expect(link.inner).toContain('fill-opacity="0.45"');
		expect(link.inner).toContain('fill="url(#w1-hatch)"');
		expect(link.inner).toContain('text-decoration="line-through"');
	});

	it('escapes titles and links, so no title can write markup', () => {
		const evil = draw([
			item('e', '2026-09-01', 90, {
				title: '<script>alert(1)</script> & "Co"',
				href: '/aktiviteter/e?a=1&b="2"'
			})
		]);
		const markup = arcsMarkup(evil, options);
		expect(markup).not.toContain('<script>');
		expect(markup).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Co&quot;');
		expect(markup).toContain('href="/aktiviteter/e?a=1&amp;b=&quot;2&quot;"');
		expect(escapeMarkup(`a&b<c>d"e'`)).toBe(`a&amp;b&lt;c&gt;d&quot;e'`);
	});

	it('opens a new window from an embed, and puts the site before every link', () => {
		const markup = arcsMarkup(drawing, {
			...options,
			hrefBase: 'https://aarshjul.example',
			target: '_blank'
		});
		for (const { attributes } of links(markup)) {
			expect(attributes).toMatch(/href="https:\/\/aarshjul\.example\/aktiviteter\//);
			expect(attributes).toContain('target="_blank" rel="noopener"');
		}
	});

	it('is the same markup for the same drawing (server and browser agree)', () => {
		expect(arcsMarkup(draw(items), options)).toBe(arcsMarkup(draw(items), options));
	});
});
