import { describe, expect, it } from 'vitest';
import type { WheelItem } from '$lib/wheel/server/items';
import { packWheelItems, unpackWheelItems } from './pack';

const item = (id: string, categoryId: string, ownerName: string, cancelled = false): WheelItem => ({
	id,
	title: `Aktivitet ${id}`,
	categoryId,
	start: '2026-09-01',
	end: '2026-09-03',
	startTime: id === 'b' ? '09:00:00' : null,
	endTime: id === 'b' ? '10:30:00' : null,
	cancelled,
	ownerName,
	href: id === 'c' ? '/bookinger/b-1' : `/aktiviteter/${id}`,
	booking: id === 'c' ? 'waitlisted' : null
});

describe('wheel-pack', () => {
	describe('packWheelItems', () => {
		it('lists each category and owner once and round-trips every field', () => {
			const items = [
				item('a', 'c1', 'Learnmark'),
				item('b', 'c2', 'Learnmark', true),
				item('c', 'c1', 'DI')
			];
			const packed = packWheelItems(items);
			expect(packed.categoryIds).toEqual(['c1', 'c2']);
			expect(packed.owners).toEqual(['Learnmark', 'DI']);
			expect(unpackWheelItems(packed)).toEqual(items);
		});

		it('ships an activity link as 0 and only the other links in full', () => {
			const packed = packWheelItems([item('a', 'c1', 'DI'), item('c', 'c1', 'DI')]);
			expect(packed.rows[0].slice(9)).toEqual([0, 0]);
			expect(packed.rows[1].slice(9)).toEqual(['/bookinger/b-1', 'waitlisted']);
		});

		it('packs an empty year', () => {
			expect(unpackWheelItems(packWheelItems([]))).toEqual([]);
		});
	});
});
