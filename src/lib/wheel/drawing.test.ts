import { describe, expect, it } from 'vitest';
import { withoutCategory } from './drawing';

describe('drawing', () => {
	describe('withoutCategory', () => {
		it('drops the category the ring already names, at a word boundary', () => {
			expect(withoutCategory('Erhvervspraktik 8. klasse hos Bygholm Stål', 'Erhvervspraktik')).toBe(
				'8. klasse hos Bygholm Stål'
			);
			expect(withoutCategory('GF1-inspirationsdag: Metal og maskin', 'GF1-inspirationsdag')).toBe(
				'Metal og maskin'
			);
		});

		it('keeps titles that only start with the same letters, or are nothing else', () => {
			expect(withoutCategory('Kampagnedag', 'Kampagne')).toBe('Kampagnedag');
			expect(withoutCategory('Kampagne', 'Kampagne')).toBe('Kampagne');
			expect(withoutCategory('Åbent hus', 'Kampagne')).toBe('Åbent hus');
		});
	});
});
