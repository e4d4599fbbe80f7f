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
			const { svg } = svgKey({ x: 30, y: 100, width: 1200, entries });
			expect(svg).toContain('>Nummererede aktiviteter</text>');
			for (const entry of entries) expect(svg).toContain(`>${entry.number}</text>`);
			expect(svg).toContain('Besøg 30 &amp; mere, 8.–12. februar 2027, uge 6');
			expect(svg).not.toMatch(/& mere/);
		});

		it('cuts a long title but keeps its dates and weeks', () => {
			const title = 'Virksomhedsbesøg '.repeat(6).trim();
			const { svg } = svgKey({
				x: 0,
				y: 0,
				width: 600,
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

		it('spreads the rows over columns and reports where it ends', () => {
			const narrow = svgKey({ x: 0, y: 0, width: 600, entries });
			const wide = svgKey({ x: 0, y: 0, width: 1200, entries });
			expect(wide.bottom).toBeLessThan(narrow.bottom);
			expect(svgKey({ x: 0, y: 50, width: 600, entries: [] })).toEqual({ svg: '', bottom: 50 });
		});
	});
});
