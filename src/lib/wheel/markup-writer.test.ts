import { describe, expect, it } from 'vitest';
import { tenths } from './geometry';
import { MarkupWriter } from './markup-writer';

function numbers(count: number, spread: number): number[] {
	let seed = 11;
	const out = [0, -0, 1, -1, 9, 10, 99, 100, -100, 2 ** 31 - 1, -(2 ** 31) + 1, 2 ** 31, 2 ** 40];
	for (let i = 0; i < count; i++) {
		seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
		out.push(Math.round((seed / 2 ** 31 - 0.5) * spread));
	}
	return out;
}

describe('MarkupWriter', () => {
	it('writes whole numbers as String() does', () => {
		const samples = numbers(5000, 200_000);
		const w = new MarkupWriter();
		for (const n of samples) w.integer(n).raw(' ');
		expect(w.toString()).toBe(samples.map((n) => `${String(n)} `).join(''));
	});

	it('writes tenths as geometry’s tenths() does', () => {
		const samples = numbers(5000, 40_000);
		const w = new MarkupWriter();
		for (const v of samples) w.tenths(v).raw(',');
		expect(w.toString()).toBe(samples.map((v) => `${tenths(v)},`).join(''));
		expect(new MarkupWriter().tenths(-5).raw(' ').tenths(-70).raw(' ').tenths(5).toString()).toBe(
			'-0.5 -7 0.5'
		);
	});

	it('escapes the four characters that could end an attribute or open a tag', () => {
		const text = `a&b<c>d"e' æøå &amp;`;
		expect(new MarkupWriter().escaped(text).toString()).toBe(
			`a&amp;b&lt;c&gt;d&quot;e' æøå &amp;amp;`
		);
	});

	it('writes Latin-1 as it is and every other character as a reference, so the text is one byte a character', () => {
		const text = 'Ærø 8.–12. maj … 😀 \u0085';
		const written = new MarkupWriter(4).raw(text).raw('|').escaped(text).toString();
		expect(written).toBe(
			'Ærø 8.&#8211;12. maj &#8230; &#128512; &#133;|Ærø 8.&#8211;12. maj &#8230; &#128512; &#133;'
		);
		expect([...written].every((c) => c.charCodeAt(0) <= 0xff)).toBe(true);
		// A reader of the markup gets the text back.
		const read = written.replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)));
		expect(read).toBe(`${text}|${text}`);
		// Half a surrogate pair is no character: written as U+FFFD, as UTF-8 would.
		expect(new MarkupWriter().raw('a\ud83db\ude00').toString()).toBe('a&#65533;b&#65533;');
	});

	it('grows past its first capacity without losing what it wrote', () => {
		const piece = 'Aktivitet — virksomhedsbesøg, ';
		const w = new MarkupWriter(8);
		for (let i = 0; i < 10_000; i++) w.raw(piece).integer(i);
		const written = 'Aktivitet &#8212; virksomhedsbesøg, ';
		const expected = Array.from({ length: 10_000 }, (_, i) => written + i).join('');
		expect(w.toString()).toBe(expected);
	});

	it('gives each of two writers at work at once its own text', () => {
		const outer = new MarkupWriter(1024).raw('<g>');
		const inner = new MarkupWriter(1024).raw('<a>').toString();
		outer.raw(inner).raw('</g>');
		expect(outer.toString()).toBe('<g><a></g>');
		// A writer started after another has finished reuses the buffer, and starts empty.
		expect(new MarkupWriter(16).raw('x').toString()).toBe('x');
	});
});
