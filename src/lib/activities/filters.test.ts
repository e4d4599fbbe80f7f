import { describe, expect, it } from 'vitest';
import { filtersToParams, parseFilters } from './filters';

const A = '0b6f6f0e-1111-4222-8333-444455556666';
const B = '1b6f6f0e-1111-4222-8333-444455556666';

describe('filters', () => {
	describe('parseFilters', () => {
		it('reads every known filter from the query string', () => {
			const f = parseFilters(
				new URLSearchParams(
					`pillar=rekruttering&category=${A}&category=${B}&municipality=${A}&trade=smed&q=messe`
				)
			);
			expect(f).toEqual({
				pillar: 'rekruttering',
				categoryIds: [A, B],
				municipalityId: A,
				schoolId: undefined,
				companyId: undefined,
				trade: 'smed',
				q: 'messe'
			});
		});

		it('drops malformed values instead of failing', () => {
			const f = parseFilters(
				new URLSearchParams(
					'pillar=bank&category=1;drop table&municipality=x&trade=<script>&q=%20%20'
				)
			);
			expect(f).toEqual({ categoryIds: [] });
		});

		it('caps a very long search text', () => {
			expect(parseFilters(new URLSearchParams({ q: 'a'.repeat(10_000) })).q).toHaveLength(200);
		});
	});

	describe('filtersToParams', () => {
		it('round-trips through the query string', () => {
			const params = new URLSearchParams(`category=${A}&pillar=faelles&q=m%C3%B8de`);
			const again = parseFilters(filtersToParams(parseFilters(params)));
			expect(again).toEqual(parseFilters(params));
			expect(filtersToParams(again).toString()).toBe(`pillar=faelles&category=${A}&q=m%C3%B8de`);
		});
	});
});
