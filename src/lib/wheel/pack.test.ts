import { describe, expect, it } from 'vitest';
import type { WheelItem } from '$lib/wheel/server/items';
import {
	compactId,
	expandId,
	packWheel,
	packWheelItems,
	unpackWheel,
	unpackWheelItems
} from './pack';

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
			const packed = packWheel(items);
			expect(packed.categoryIds).toEqual(['c1', 'c2']);
			expect(packed.owners).toEqual(['Learnmark', 'DI']);
			expect(unpackWheel(packed)).toEqual(items);
			expect(unpackWheelItems(packWheelItems(items))).toEqual(items);
		});

		it('gives the server back the items it has just packed, and unpacks any other text', () => {
			const items = [item('a', 'c1', 'Learnmark'), item('b', 'c2', 'DI', true)];
			const text = packWheelItems(items);
			expect(unpackWheelItems(text)).toBe(items);
			// The same text as received by the browser (another string object): the same items.
			expect(unpackWheelItems(JSON.stringify(JSON.parse(text)))).toBe(items);
			const other = packWheelItems([item('c', 'c1', 'DI')]);
			const fresh = unpackWheel(JSON.parse(text));
			expect(fresh).toEqual(items);
			expect(fresh).not.toBe(items);
			expect(unpackWheelItems(other)).toEqual([item('c', 'c1', 'DI')]);
		});

		it('travels as JSON text, so that the page data is one string to serialise', () => {
			const items = [item('a', 'c1', 'Learnmark')];
			expect(typeof packWheelItems(items)).toBe('string');
			expect(JSON.parse(packWheelItems(items))).toEqual(packWheel(items));
		});

		it('ships an activity link as 0 and only the other links in full', () => {
			const packed = packWheel([item('a', 'c1', 'DI'), item('c', 'c1', 'DI')]);
			expect(packed.rows[0].slice(9)).toEqual([0, 0]);
			expect(packed.rows[1].slice(9)).toEqual(['/bookinger/b-1', 'waitlisted']);
		});

		it('packs an empty year', () => {
			expect(unpackWheelItems(packWheelItems([]))).toEqual([]);
		});
	});

	describe('compactId', () => {
		it('writes a UUID in 22 characters and reads it back, for any bits', () => {
			for (const id of [
				'caf25577-b26b-4fdb-bf29-e278fd73058a',
				'00000000-0000-0000-0000-000000000000',
				'ffffffff-ffff-ffff-ffff-ffffffffffff',
				'0a0da1a1-0f9f-5f95-9071-1f56d53b3121'
			]) {
				const packed = compactId(id);
				expect(packed).toMatch(/^[A-Za-z0-9_-]{22}$/);
				expect(expandId(packed)).toBe(id);
			}
		});

		it('keeps any other id as it is', () => {
			expect(expandId(compactId('a'))).toBe('a');
			expect(expandId(compactId('CAF25577-B26B-4FDB-BF29-E278FD73058A'))).toBe(
				'CAF25577-B26B-4FDB-BF29-E278FD73058A'
			);
		});

		it('round-trips dates across a leap day and a year end', () => {
			const items = [
				{ ...item('a', 'c1', 'DI'), start: '2028-02-28', end: '2028-03-01' },
				{ ...item('b', 'c1', 'DI'), start: '2026-12-31', end: '2027-01-01' }
			];
			expect(unpackWheelItems(packWheelItems(items))).toEqual(items);
		});
	});
});
