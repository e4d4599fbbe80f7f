import { describe, expect, it } from 'vitest';
import { formatNumber } from './numbers';

describe('platform/numbers', () => {
	describe('formatNumber', () => {
		it('writes Danish thousands with a point and decimals with a comma', () => {
			expect(formatNumber(1000)).toBe('1.000');
			expect(formatNumber(4.44, 'da', 1)).toBe('4,4');
			expect(formatNumber(1234567.5, 'da', 1)).toBe('1.234.567,5');
		});

		it('writes English numbers the English way', () => {
			expect(formatNumber(1000, 'en')).toBe('1,000');
			expect(formatNumber(4.44, 'en', 1)).toBe('4.4');
		});

		it('rounds to whole numbers by default', () => {
			expect(formatNumber(2.6)).toBe('3');
		});
	});
});
