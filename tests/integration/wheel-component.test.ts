import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import Wheel from '../../src/lib/wheel/components/Wheel.svelte';
import WheelKey from '../../src/lib/wheel/components/WheelKey.svelte';
import { drawWheel } from '../../src/lib/wheel/drawing';
import { WHEEL_DRAWING_OPTIONS } from '../../src/lib/wheel/frame';
import { keyEntries, numbersIn } from '../../src/lib/wheel/key';
import ActivityList from '../../src/lib/activities/components/ActivityList.svelte';
import type { WheelCategoryInfo, WheelItem } from '../../src/lib/wheel/server/wheel';

const CATEGORIES: WheelCategoryInfo[] = [
	{
		id: 'c1',
		name: 'Erhvervspraktik',
		nameDa: 'Erhvervspraktik',
		nameEn: 'Work experience',
		pillar: 'skole_virksomhed',
		colour: '#2e7d32',
		ring: 1
	},
	{
		id: 'c2',
		name: 'Uddannelsesmesse',
		nameDa: 'Uddannelsesmesse',
		nameEn: 'Education fair',
		pillar: 'rekruttering',
		colour: '#c2185b',
		ring: 2
	}
];

function item(
	id: string,
	categoryId: string,
	title: string,
	start: string,
	end = start
): WheelItem {
	return {
		id,
		title,
		categoryId,
		start,
		end,
		startTime: null,
		endTime: null,
		cancelled: false,
		ownerName: 'Learnmark',
		href: `/aktiviteter/${id}`,
		booking: null
	};
}

const ACTIVITIES: WheelItem[] = [
	item('a1', 'c1', 'Erhvervspraktik 8. klasse', '2027-02-08', '2027-02-12'),
	item('a2', 'c2', 'Uddannelsesmesse Horsens', '2026-11-05'),
	item('a3', 'c2', 'Nytårskampagne', '2026-12-28', '2027-01-03'),
	{ ...item('a4', 'c1', 'Aflyst besøg', '2026-09-15'), cancelled: true }
];

function renderWheel(now = new Date('2026-10-14T10:00:00Z')) {
	return render(Wheel, {
		props: {
			activities: ACTIVITIES,
			categories: CATEGORIES,
			holidays: [{ name: 'Efterårsferie', startDate: '2026-10-10', endDate: '2026-10-18' }],
			publicHolidays: [{ date: '2026-12-25', name: 'Juledag' }],
			today: now,
			year: '2026/27',
			locale: 'da'
		}
	}).body;
}

describe('Wheel.svelte', () => {
	describe('server render', () => {
		it('draws one link per activity, named with dates and week numbers', () => {
			const html = renderWheel();
			const links = [...html.matchAll(/<a [^>]*href="\/aktiviteter\/([^"]+)"[^>]*>/g)];
			expect(links.map((l) => l[1]).sort()).toEqual(['a1', 'a2', 'a3', 'a4']);
			const labels = links.map((l) => /aria-label="([^"]*)"/.exec(l[0])?.[1] ?? '');
			expect(labels.find((l) => l.startsWith('Erhvervspraktik'))).toMatch(/uge 6/);
			expect(labels.find((l) => l.startsWith('Nytårskampagne'))).toMatch(/uger 53–53|uge 53/);
			expect(labels.find((l) => l.startsWith('Aflyst'))).toMatch(/aflyst/);
		});

		it('labels the months from August and the weeks, uge 53 included', () => {
			const html = renderWheel();
			const months = [...html.matchAll(/<textPath[^>]*>([a-zæøå]+)(?: \d{4})?<\/textPath>/g)].map(
				(m) => m[1]
			);
			expect(months.slice(0, 3)).toEqual(['august', 'september', 'oktober']);
			expect(months).toContain('juli');
			expect(html).toMatch(/>53<\/text>/);
		});

		it('shades the holidays, marks public holidays and shows the hand only within the year', () => {
			const html = renderWheel();
			expect(html).toContain('Skoleferie: Efterårsferie');
			expect(html).toContain('Helligdag: Juledag');
			expect(html).toContain('I dag: 14. oktober 2026');
			expect(renderWheel(new Date('2028-01-01T12:00:00Z'))).not.toContain('I dag:');
		});

		it('is a labelled group, not an image, since it holds links', () => {
			const html = renderWheel();
			expect(html).toMatch(/<svg[^>]*role="group"/);
			expect(html).toContain('Årshjul for skoleåret 2026/27');
			expect(html).not.toMatch(/role="img"/);
		});

		it('draws the hub once, not a hidden copy of the details per arc', () => {
			const html = renderWheel();
			expect(html.match(/class="hub"/g)).toHaveLength(1);
			expect(html).not.toContain('hub-info');
			expect(html).toContain('4 aktiviteter');
		});

		it('names a numbered arc once: by its entry in the key beside it, which is text', () => {
			// 300 visits in three weeks: more than the label columns there can name.
			const crowd = Array.from({ length: 300 }, (_, i) =>
				item(
					`v${i}`,
					'c2',
					`Virksomhedsbesøg nr. ${i}`,
					`2026-11-${String(2 + (i % 20)).padStart(2, '0')}`
				)
			);
			const drawing = drawWheel(crowd, CATEGORIES, { ...WHEEL_DRAWING_OPTIONS, year: '2026/27' });
			const entries = keyEntries(drawing.labels, new Map(crowd.map((a) => [a.id, a])), 'da');
			expect(entries.length).toBeGreaterThan(0);
			const wheel = render(Wheel, {
				props: {
					activities: crowd,
					categories: CATEGORIES,
					holidays: [],
					publicHolidays: [],
					today: new Date('2026-10-14T10:00:00Z'),
					year: '2026/27',
					locale: 'da',
					drawing,
					keyNumbers: numbersIn(entries)
				}
			}).body;
			const key = render(WheelKey, { props: { entries } }).body;
			for (const entry of entries) {
				const arc = new RegExp(`<a [^>]*href="/aktiviteter/${entry.id}"[^>]*>`).exec(wheel)![0];
				expect(arc).toContain(`aria-labelledby="wheel-key-${entry.number}"`);
				expect(arc).not.toContain('aria-label=');
				const named = new RegExp(`<li[^>]*id="wheel-key-${entry.number}"[^>]*>([^<]*)</li>`).exec(
					key
				);
				expect(named?.[1].trim()).toBe(entry.text);
			}
			// The key is the numbers' explanation, not a second set of 2,000 links.
			expect(key).not.toContain('<a ');
			// What to do with the numbers: click them on a wide screen; on a phone, where the wheel
			// hides its numbers (Wheel.svelte's media query), open a month instead.
			expect(key).toMatch(/<span class="wide[^"]*">Klik på nummeret eller buen/);
			expect(key).toMatch(/<span class="phone[^"]*">På en telefon viser hjulet kun månederne/);
			// Without the key beside it (an export, the embed) every arc names itself.
			expect(renderWheel()).not.toMatch(/<a [^>]*aria-labelledby/);
		});

		it('writes path data with at most one decimal', () => {
			const html = renderWheel();
			const paths = [...html.matchAll(/ d="([^"]+)"/g)].map((p) => p[1]);
			expect(paths.length).toBeGreaterThan(4);
			for (const d of paths) expect(d).not.toMatch(/\.\d{2}/);
		});
	});
});

describe('ActivityList.svelte', () => {
	it('groups the activities by month with weeks, category and owner', () => {
		const html = render(ActivityList, {
			props: { activities: ACTIVITIES, categories: CATEGORIES, year: '2026/27', locale: 'da' }
		}).body;
		expect(html).toContain('februar 2027');
		expect(html).toMatch(/uge 6/);
		expect(html).toContain('Arrangør: Learnmark');
		expect(html.match(/href="\/aktiviteter\//g)).toHaveLength(4);
	});
});
