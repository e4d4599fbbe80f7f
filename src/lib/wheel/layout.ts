import type { IsoDate } from '$lib/platform/dates/iso';
import type { SchoolYearLabel } from '$lib/platform/dates/school-year';
import {
	angleToOffset,
	spanAngles,
	wheelYear,
	type Point,
	type SpanAngles,
	type WheelYear
} from './geometry';
import { packLanes } from './lanes';
import type { WheelBookingStatus } from './links';
import {
	dayTicks,
	monthSectors,
	weekTicks,
	type DayTick,
	type MonthSector,
	type WeekTick
} from './scale';

export interface WheelActivity {
	id: string;
	title: string;
	categoryId: string;
	start: IsoDate;
	end: IsoDate;
	/** The user's own organisation's booking of it: marked before its name. */
	booking?: WheelBookingStatus | null;
}

export interface WheelCategory {
	id: string;
	name: string;
	/** Ring order: the lowest number is the innermost ring. */
	ring: number;
}

export interface WheelLayoutOptions {
	year: SchoolYearLabel;
	/** The zoomed period (inclusive days) and the degrees it fills; none for the whole year. */
	focus?: { start: IsoDate; end: IsoDate; sweep: number } | null;
	/** Width and height of the square viewBox. */
	size?: number;
	innerRadius?: number;
	outerRadius?: number;
	ringGap?: number;
	/** Narrowest arc in degrees, so one-day activities stay visible and clickable. */
	minSweep?: number;
	/**
	 * Narrowest ring, so a ring's name and a title fit on a ring of one lane; rings with many lanes
	 * then get narrower lanes. Ignored when the rings cannot all be this wide.
	 */
	minRingWidth?: number;
}

export interface WheelArc<T extends WheelActivity = WheelActivity> extends SpanAngles {
	activity: T;
	lane: number;
	innerRadius: number;
	outerRadius: number;
}

export interface WheelRing<T extends WheelActivity = WheelActivity> {
	category: WheelCategory;
	innerRadius: number;
	outerRadius: number;
	laneCount: number;
	laneWidth: number;
	arcs: WheelArc<T>[];
}

export interface WheelLayout<T extends WheelActivity = WheelActivity> {
	year: WheelYear;
	size: number;
	center: Point;
	rings: WheelRing<T>[];
	months: MonthSector[];
	weeks: WeekTick[];
	/** The zoomed period's days; empty for the whole year. */
	days: DayTick[];
	/** Activities in this year whose category has no ring. */
	unplacedIds: string[];
}

/** Absorbs float error so an angle on a day boundary maps to that boundary's day. */
const DAY_EPSILON = 1e-6;

interface Placed<T> {
	activity: T;
	angles: SpanAngles;
	start: number;
	end: number;
}

export function layoutWheel<T extends WheelActivity>(
	activities: readonly T[],
	categories: readonly WheelCategory[],
	options: WheelLayoutOptions
): WheelLayout<T> {
	const year = wheelYear(options.year, options.focus);
	const size = options.size ?? 1000;
	const outerRadius = options.outerRadius ?? size * 0.42;
	const innerRadius = options.innerRadius ?? size * 0.12;
	const ringGap = options.ringGap ?? 4;
	const minSweep = options.minSweep ?? 0.8;
	const center = { x: size / 2, y: size / 2 };

	const placedByCategory = new Map<string, Placed<T>[]>(categories.map((c) => [c.id, []]));
	const unplacedIds: string[] = [];
	for (const activity of activities) {
		const angles = spanAngles(activity.start, activity.end, year, minSweep);
		if (!angles) continue;
		const placed = placedByCategory.get(activity.categoryId);
		if (!placed) {
			unplacedIds.push(activity.id);
			continue;
		}
		// Lanes are packed on the drawn extent in day numbers, so arcs widened to the minimum
		// sweep never touch, and no date strings need to be built.
		const start = Math.floor(angleToOffset(year, angles.startAngle) + DAY_EPSILON);
		const end = Math.max(start, Math.ceil(angleToOffset(year, angles.endAngle) - DAY_EPSILON) - 1);
		placed.push({ activity, angles, start, end });
	}

	const ordered = [...categories].sort((a, b) => a.ring - b.ring);
	const packings = ordered.map((category) => packLanes(placedByCategory.get(category.id)!));
	const band = outerRadius - innerRadius - ringGap * Math.max(0, ordered.length - 1);
	const ringWidths = ringWidthsFor(
		packings.map((packing) => Math.max(1, packing.laneCount)),
		Math.max(0, band),
		options.minRingWidth ?? 0
	);

	let ringStart = innerRadius;
	const rings = ordered.map((category, index): WheelRing<T> => {
		const { lanes, laneCount } = packings[index];
		const ringInner = ringStart;
		const laneWidth = ringWidths[index] / Math.max(1, laneCount);
		const ringOuter = ringInner + ringWidths[index];
		ringStart = ringOuter + ringGap;
		const arcs = placedByCategory.get(category.id)!.map((placed, at) => {
			const lane = lanes[at];
			return arcOf(placed, lane, ringInner + lane * laneWidth, laneWidth);
		});
		return { category, innerRadius: ringInner, outerRadius: ringOuter, laneCount, laneWidth, arcs };
	});

	return {
		year,
		size,
		center,
		rings,
		months: monthSectors(year),
		weeks: weekTicks(year),
		days: dayTicks(year),
		unplacedIds
	};
}

/**
 * Widths of the rings: lanes share the band equally (an empty ring keeps one lane's room), except
 * that no ring is narrower than `minWidth`; the rings lifted to it are taken out and the rest
 * share what is left. At most one pass per ring.
 */
export function ringWidthsFor(lanes: readonly number[], band: number, minWidth: number): number[] {
	const total = lanes.reduce((sum, n) => sum + n, 0);
	if (total === 0) return lanes.map(() => 0);
	const equal = lanes.map((n) => (band / total) * n);
	if (minWidth <= 0 || minWidth * lanes.length > band) return equal;
	const fixed = new Set<number>();
	for (;;) {
		const freeLanes = lanes.reduce((sum, n, i) => (fixed.has(i) ? sum : sum + n), 0);
		const laneWidth = (band - fixed.size * minWidth) / Math.max(1, freeLanes);
		const lifted = lanes.findIndex((n, i) => !fixed.has(i) && n * laneWidth < minWidth);
		if (lifted === -1 || freeLanes === 0) {
			return lanes.map((n, i) => (fixed.has(i) ? minWidth : n * laneWidth));
		}
		lanes.forEach((n, i) => {
			if (!fixed.has(i) && n * laneWidth < minWidth) fixed.add(i);
		});
	}
}

function arcOf<T extends WheelActivity>(
	{ activity, angles }: Placed<T>,
	lane: number,
	innerRadius: number,
	laneWidth: number
): WheelArc<T> {
	const outerRadius = innerRadius + laneWidth;
	const { startAngle, endAngle } = angles;
	// The arc's name, label and path are not made here: drawing.ts places the labels for all arcs
	// at once, and arc-markup.ts writes the path and names an arc only when no key entry on the
	// page does.
	return {
		// Listed one by one: spreading `angles` here made the layout about twice as slow in V8.
		startAngle,
		endAngle,
		clippedStart: angles.clippedStart,
		clippedEnd: angles.clippedEnd,
		activity,
		lane,
		innerRadius,
		outerRadius
	};
}
