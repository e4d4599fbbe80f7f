import { describe, expect, it } from 'vitest';
import { freeSpans, placeRingName } from './ring-names';

const CENTER = { x: 500, y: 500 };

describe('ring-names', () => {
	describe('freeSpans', () => {
		it('finds the stretches no arc covers, overlapping arcs merged', () => {
			expect(
				freeSpans([
					{ startAngle: 100, endAngle: 150 },
					{ startAngle: 10, endAngle: 50 },
					{ startAngle: 40, endAngle: 60 }
				])
			).toEqual([
				{ startAngle: 0, endAngle: 10 },
				{ startAngle: 60, endAngle: 100 },
				{ startAngle: 150, endAngle: 360 }
			]);
		});
	});

	describe('placeRingName', () => {
		const ring = { id: 'r', name: 'Erhvervspraktik', innerRadius: 200, outerRadius: 222 };

		it('writes the name in the free stretch nearest the top', () => {
			const name = placeRingName(
				{
					...ring,
					arcs: [
						{ startAngle: 0, endAngle: 20 },
						{ startAngle: 80, endAngle: 340 }
					]
				},
				CENTER,
				16
			)!;
			expect(name.text).toBe('Erhvervspraktik');
			expect(name.startAngle).toBeGreaterThanOrEqual(20);
			expect(name.endAngle).toBeLessThanOrEqual(80);
		});

		it('gives no name when the ring is too narrow or has no stretch long enough', () => {
			expect(placeRingName({ ...ring, outerRadius: 210, arcs: [] }, CENTER, 16)).toBeNull();
			expect(
				placeRingName({ ...ring, arcs: [{ startAngle: 0, endAngle: 359 }] }, CENTER, 16)
			).toBeNull();
		});
	});
});
