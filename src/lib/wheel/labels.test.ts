import { describe, expect, it } from 'vitest';
import { addDays } from '$lib/platform/dates/iso';
import { formatDateRange } from '$lib/platform/dates/format';
import { formatWeekRange } from '$lib/platform/dates/weeks';
import { accessibleNameOf, accessibleNamer, fitLabel, maxCharsFor } from './labels';
import { MarkupWriter } from './markup-writer';

describe('labels', () => {
	describe('maxCharsFor', () => {
		it('divides the length by 0.55 × the font size', () => {
			expect(maxCharsFor(110, 10)).toBe(20);
			expect(maxCharsFor(109, 10)).toBe(19);
		});
		it('returns 0 for empty or invalid sizes', () => {
			expect(maxCharsFor(0, 10)).toBe(0);
			expect(maxCharsFor(100, 0)).toBe(0);
			expect(maxCharsFor(Number.NaN, 10)).toBe(0);
		});
	});

	describe('fitLabel', () => {
		it('returns the full title when it fits', () => {
			expect(fitLabel('Erhvervspraktik', 15 * 5.5, 10)).toBe('Erhvervspraktik');
		});
		it('truncates with an ellipsis to the characters that fit', () => {
			const label = fitLabel('Erhvervspraktik', 8 * 5.5, 10);
			expect(label).toBe('Erhverv…');
			expect([...label]).toHaveLength(8);
		});
		it('does not leave a space before the ellipsis', () => {
			expect(fitLabel('GF1 inspirationsdag', 5 * 5.5, 10)).toBe('GF1…');
		});
		it('returns an empty label when fewer than three characters fit', () => {
			expect(fitLabel('Erhvervspraktik', 2 * 5.5, 10)).toBe('');
			expect(fitLabel('Erhvervspraktik', 3 * 5.5, 10)).toBe('Er…');
		});
		it('does not split a character made of two code units', () => {
			expect(fitLabel('😀😀😀😀😀', 3 * 5.5, 10)).toBe('😀😀…');
		});
	});

	describe('accessibleNameOf', () => {
		it('gives the title, the dates in words and the week numbers', () => {
			const praktik = {
				title: 'Erhvervspraktik 8. klasse',
				start: '2027-02-08',
				end: '2027-02-12'
			};
			expect(accessibleNameOf(praktik)).toBe(
				'Erhvervspraktik 8. klasse, 8.–12. februar 2027, uge 6'
			);
			expect(accessibleNameOf(praktik, 'en')).toBe(
				'Erhvervspraktik 8. klasse, 8–12 February 2027, week 6'
			);
		});

		it('names many activities as it names one, spans shared or not, over month and year ends', () => {
			const spans = Array.from({ length: 600 }, (_, i) => {
				const start = addDays('2026-08-01', (i * 37) % 365);
				return {
					title: `Besøg ${i}`,
					start,
					end: addDays(start, i % 3 === 0 ? 0 : (i * 13) % 80),
					booking: i % 5 === 0 ? ('confirmed' as const) : null
				};
			});
			for (const locale of ['da', 'en'] as const) {
				const namer = accessibleNamer(locale);
				// Twice over: the second round is answered from the namer's memory of the spans.
				for (const span of [...spans, ...spans]) {
					const when = `${formatDateRange(span.start, span.end, locale, 'long')}, ${formatWeekRange(span.start, span.end, locale)}`;
					const name = namer.name(span);
					expect(name).toBe(accessibleNameOf(span, locale));
					expect(name.startsWith(`${span.title}, ${when}`)).toBe(true);
					// Written into markup: the same name, escaped.
					const w = new MarkupWriter();
					namer.write(w, span);
					expect(w.toString()).toBe(new MarkupWriter().escaped(name).toString());
				}
			}
		});
	});
});
