import { describe, expect, it } from 'vitest';
import { addDays } from '$lib/platform/dates/iso';
import { packLanes, type LaneItem } from './lanes';

type Item = LaneItem<string> & { id: string };

/** packLanes, with each lane looked up by the item's id. */
function lanesOf(items: Item[]) {
	const { lanes, laneCount } = packLanes(items);
	return { laneById: new Map(items.map((item, index) => [item.id, lanes[index]])), laneCount };
}

function expectNoOverlapInLanes(items: Item[], laneById: Map<string, number>) {
	const byLane = new Map<number, Item[]>();
	for (const item of items) {
		const lane = laneById.get(item.id)!;
		byLane.set(lane, [...(byLane.get(lane) ?? []), item]);
	}
	for (const laneItems of byLane.values()) {
		laneItems.sort((a, b) => (a.start < b.start ? -1 : 1));
		for (let i = 1; i < laneItems.length; i++) {
			expect(
				laneItems[i].start > laneItems[i - 1].end,
				`${laneItems[i - 1].id} / ${laneItems[i].id}`
			).toBe(true);
		}
	}
}

/** The most items covering one day: no packing can use fewer lanes. */
function maxDepth(items: LaneItem<string>[]): number {
	const events = items.flatMap((item) => [
		[item.start, 1] as const,
		[addDays(item.end, 1), -1] as const
	]);
	events.sort((a, b) => (a[0] === b[0] ? a[1] - b[1] : a[0] < b[0] ? -1 : 1));
	let depth = 0;
	let max = 0;
	for (const [, delta] of events) max = Math.max(max, (depth += delta));
	return max;
}

describe('lanes', () => {
	describe('packLanes', () => {
		it('keeps disjoint items in one lane', () => {
			const { laneById, laneCount } = lanesOf([
				{ id: 'a', start: '2026-09-01', end: '2026-09-05' },
				{ id: 'b', start: '2026-09-06', end: '2026-09-10' }
			]);
			expect(laneCount).toBe(1);
			expect([laneById.get('a'), laneById.get('b')]).toEqual([0, 0]);
		});
		it('separates items that share only their end and start day', () => {
			const { laneById, laneCount } = lanesOf([
				{ id: 'a', start: '2026-09-01', end: '2026-09-05' },
				{ id: 'b', start: '2026-09-05', end: '2026-09-10' }
			]);
			expect(laneCount).toBe(2);
			expect(laneById.get('a')).not.toBe(laneById.get('b'));
		});
		it('gives identical intervals different lanes', () => {
			const items = ['a', 'b', 'c'].map((id) => ({ id, start: '2027-02-08', end: '2027-02-12' }));
			const { laneById, laneCount } = lanesOf(items);
			expect(laneCount).toBe(3);
			expect(new Set(laneById.values()).size).toBe(3);
		});
		it('puts the longer of two items starting the same day in the inner lane', () => {
			const { laneById } = lanesOf([
				{ id: 'short', start: '2027-02-08', end: '2027-02-08' },
				{ id: 'long', start: '2027-02-08', end: '2027-02-20' }
			]);
			expect(laneById.get('long')).toBe(0);
			expect(laneById.get('short')).toBe(1);
		});
		it('handles items crossing New Year and month boundaries', () => {
			const items = [
				{ id: 'winter', start: '2026-12-21', end: '2027-01-03' },
				{ id: 'january', start: '2027-01-02', end: '2027-01-10' },
				{ id: 'december', start: '2026-12-01', end: '2026-12-20' },
				{ id: 'later', start: '2027-01-11', end: '2027-02-02' }
			];
			const { laneById, laneCount } = lanesOf(items);
			expect(laneCount).toBe(2);
			expect(laneById.get('winter')).not.toBe(laneById.get('january'));
			expect(laneById.get('december')).toBe(laneById.get('winter'));
			expectNoOverlapInLanes(items, laneById);
		});
		it('reuses the lowest free lane', () => {
			const { laneById } = lanesOf([
				{ id: 'a', start: '2026-09-01', end: '2026-09-03' },
				{ id: 'b', start: '2026-09-01', end: '2026-09-20' },
				{ id: 'c', start: '2026-09-01', end: '2026-09-02' },
				{ id: 'd', start: '2026-09-10', end: '2026-09-11' }
			]);
			// b holds lane 0; c (lane 2) freed before a (lane 1), yet d takes the lower lane 1.
			expect([laneById.get('b'), laneById.get('a'), laneById.get('c')]).toEqual([0, 1, 2]);
			expect(laneById.get('d')).toBe(1);
		});
		it('returns no lanes for no items', () => {
			expect(lanesOf([]).laneCount).toBe(0);
		});
		it('packs 2,000 random items without overlap, in the fewest lanes, quickly', () => {
			let seed = 42;
			const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
			const items = Array.from({ length: 2000 }, (_, i) => {
				const start = addDays('2026-08-01', Math.floor(random() * 365));
				return { id: `item-${i}`, start, end: addDays(start, Math.floor(random() * 20)) };
			});
			const began = performance.now();
			const { laneById, laneCount } = lanesOf(items);
			// Generous: the suite may share a busy machine.
			expect(performance.now() - began).toBeLessThan(500);
			expect(laneById.size).toBe(2000);
			expect(laneCount).toBe(maxDepth(items));
			expectNoOverlapInLanes(items, laneById);
		});
	});
});
