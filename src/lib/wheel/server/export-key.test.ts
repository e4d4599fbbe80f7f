import { describe, expect, it } from 'vitest';
import { svgKey } from './export-key';

describe('wheel-export-key', () => {
	describe('svgKey', () => {
		const entries = Array.from({ length: 30 }, (_, i) => ({
			number: i + 1,
			id: `a${i}`,
			href: `/aktiviteter/a${i}`,
			text: `Besøg ${i + 1} & mere, 8.–12. februar 2027, uge 6`
		}));

		it('lists every number with its title, dates and week, escaped for XML', () => {
			const { svg } = svgKey({
				beside: { x: 30, y: 100, room: 2000 },
				below: { x: 30, y: 2200, width: 1200 },
				entries
			});
			expect(svg).toContain('>Nummererede aktiviteter</text>');
			for (const entry of entries) expect(svg).toContain(`>${entry.number}</text>`);
			expect(svg).toContain('Besøg 30 &amp; mere, 8.–12. februar 2027, uge 6');
			expect(svg).not.toMatch(/& mere/);
		});

		it('cuts a long title but keeps its dates and weeks', () => {
			const title = 'Virksomhedsbesøg '.repeat(6).trim();
			const { svg } = svgKey({
				beside: { x: 0, y: 0, room: 600 },
				below: { x: 0, y: 700, width: 600 },
				entries: [
					{
						number: null,
						id: 'x',
						href: '/aktiviteter/x',
						title,
						text: `${title}, 8.–12. februar 2027, uge 6`
					}
				]
			});
			expect(svg).toContain('…, 8.–12. februar 2027, uge 6</text>');
			expect(svg).toContain('>•</text>');
		});

		it('fills one column beside the wheel, then runs on below it in columns', () => {
			const roomy = svgKey({
				beside: { x: 1600, y: 0, room: 2000 },
				below: { x: 30, y: 1100, width: 1200 },
				entries
			});
			const xs = (svg: string) => [...svg.matchAll(/<text x="(\d+)" y="(\d+)" font-size="17">/g)];
			expect(xs(roomy.svg).every((m) => m[1] === '1654')).toBe(true);
			expect(roomy.bottom).toBeLessThan(1100);
			// Room for ten rows beside: the other twenty go below, in two columns of 560.
			const short = svgKey({
				beside: { x: 1600, y: 0, room: 40 + 10 * 24 },
				below: { x: 30, y: 1100, width: 1200 },
				entries
			});
			const placed = xs(short.svg).map((m) => [Number(m[1]), Number(m[2])]);
			expect(placed.filter(([x]) => x === 1654)).toHaveLength(10);
			expect(placed.filter(([x, y]) => x === 84 && y >= 1100)).toHaveLength(10);
			expect(placed.filter(([x, y]) => x === 644 && y >= 1100)).toHaveLength(10);
			expect(short.bottom).toBe(1100 + 9 * 24 + 12);
			expect(
				svgKey({
					beside: { x: 0, y: 50, room: 600 },
					below: { x: 0, y: 700, width: 600 },
					entries: []
				})
			).toEqual({ svg: '', bottom: 50 });
		});
	});
});
