import { labelArcPath, type Point } from './geometry';
import { PLACEMENT_CHAR_WIDTH } from './label-placement';

/**
 * Each ring's name is written along the ring itself, in the free stretch (no arc in any lane)
 * nearest the top of the wheel that is long enough for it, so the legend need not count rings.
 * A ring too narrow or too full gets no name on the wheel (the caller falls back to the legend).
 */

export interface RingSpan {
	startAngle: number;
	endAngle: number;
}

export interface RingForName {
	id: string;
	name: string;
	innerRadius: number;
	outerRadius: number;
	arcs: readonly RingSpan[];
}

export interface RingName {
	id: string;
	text: string;
	path: string;
	fontSize: number;
	startAngle: number;
	endAngle: number;
}

/** Free stretches of the ring, from the arcs sorted by start; O(n log n). */
export function freeSpans(arcs: readonly RingSpan[]): RingSpan[] {
	const sorted = [...arcs].sort((a, b) => a.startAngle - b.startAngle);
	const free: RingSpan[] = [];
	let reached = 0;
	for (const arc of sorted) {
		if (arc.startAngle > reached) free.push({ startAngle: reached, endAngle: arc.startAngle });
		reached = Math.max(reached, arc.endAngle);
	}
	if (reached < 360) free.push({ startAngle: reached, endAngle: 360 });
	return free;
}

/** Angular distance from the top (0/360). */
function fromTop(angle: number): number {
	return Math.min(angle, 360 - angle);
}

export function placeRingName(ring: RingForName, center: Point, fontSize: number): RingName | null {
	const width = ring.outerRadius - ring.innerRadius;
	if (width < fontSize * 1.15) return null;
	const middle = (ring.innerRadius + ring.outerRadius) / 2;
	const needed = [...ring.name].length * fontSize * PLACEMENT_CHAR_WIDTH + 8;
	const sweep = (needed / (Math.PI * (middle - fontSize / 2))) * 180;
	let best: { start: number; distance: number } | null = null;
	for (const span of freeSpans(ring.arcs)) {
		if (span.endAngle - span.startAngle < sweep) continue;
		// The part of the span nearest the top: its start on the left half, its end on the right.
		const start =
			span.startAngle < 180 && span.endAngle > 180
				? Math.max(span.startAngle, Math.min(360 - sweep, span.endAngle - sweep))
				: span.startAngle >= 180
					? Math.max(span.startAngle, span.endAngle - sweep)
					: span.startAngle;
		const distance = Math.min(fromTop(start), fromTop(start + sweep));
		if (!best || distance < best.distance) best = { start, distance };
	}
	if (!best) return null;
	const startAngle = best.start;
	const endAngle = best.start + sweep;
	const mid = (startAngle + endAngle) / 2;
	const upsideDown = mid > 90 && mid < 270;
	const baseline = middle + (upsideDown ? 1 : -1) * 0.35 * fontSize;
	return {
		id: ring.id,
		text: ring.name,
		path: labelArcPath(center.x, center.y, baseline, startAngle, endAngle),
		fontSize,
		startAngle,
		endAngle
	};
}
