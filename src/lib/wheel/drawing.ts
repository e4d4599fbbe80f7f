import {
	layoutWheel,
	type WheelActivity,
	type WheelCategory,
	type WheelLayout,
	type WheelLayoutOptions
} from './layout';
import { placeLabels, type Box, type LabelLayout } from './label-placement';
import { placeRingName, type RingName } from './ring-names';
import { withBookingMark } from './links';

/**
 * The wheel as drawn: the ring layout, a name for every arc (on it, outside it, or a number) and
 * the ring names, with the canvas that holds them all. Pure, so the page, the print and the
 * exports draw the same wheel.
 */
export interface WheelDrawing<T extends WheelActivity = WheelActivity> {
	layout: WheelLayout<T>;
	labels: LabelLayout;
	ringNames: RingName[];
	/** The SVG viewBox: the wheel's 0–size square plus the label columns. */
	viewBox: Box;
	/** Every text on the wheel is at least this big, in viewBox units. */
	fontSize: number;
}

export interface DrawingOptions extends WheelLayoutOptions {
	/** Radius outside which nothing of the wheel itself is drawn (the month ring's edge). */
	wheelRadius: number;
	labelFontSize: number;
	columnWidth: number;
}

/**
 * 'Erhvervspraktik 8. klasse hos Bygholm Stål' on the Erhvervspraktik ring is shown as
 * '8. klasse hos Bygholm Stål': the ring already says the first word, and the rest is what tells
 * one arc from its neighbours.
 */
export function withoutCategory(title: string, category: string): string {
	const trimmed = title.trim();
	// Only the start is lower-cased: the whole title would be a copy of every title per drawing.
	const start = trimmed.slice(0, category.length);
	if (start.length < category.length || start.toLowerCase() !== category.toLowerCase()) {
		return trimmed;
	}
	const rest = trimmed.slice(category.length).replace(/^[\s:–—-]+/u, '');
	// Only at a word boundary, and never down to nothing.
	return rest && /^[\s:–—-]/u.test(trimmed.slice(category.length)) ? rest : trimmed;
}

export function drawWheel<T extends WheelActivity>(
	activities: readonly T[],
	categories: readonly WheelCategory[],
	options: DrawingOptions
): WheelDrawing<T> {
	const layout = layoutWheel(activities, categories, options);
	const fontSize = options.labelFontSize;
	// In ring order and each ring's arc order, the order the markup writes them: labels.inOrder
	// follows it.
	const arcs = layout.rings.flatMap((ring) =>
		ring.arcs.map((arc) => ({
			id: arc.activity.id,
			title: withBookingMark(
				withoutCategory(arc.activity.title, ring.category.name),
				arc.activity.booking ?? null
			),
			startAngle: arc.startAngle,
			endAngle: arc.endAngle,
			innerRadius: arc.innerRadius,
			outerRadius: arc.outerRadius
		}))
	);
	const margin = fontSize;
	const labels = placeLabels(arcs, {
		center: layout.center,
		fontSize,
		elbowRadius: options.wheelRadius + 8,
		columnGap: fontSize * 2,
		columnWidth: options.columnWidth,
		top: 0,
		bottom: layout.size
	});
	const ringNames = layout.rings.flatMap((ring) => {
		const name = placeRingName(
			{
				id: ring.category.id,
				name: ring.category.name,
				innerRadius: ring.innerRadius,
				outerRadius: ring.outerRadius,
				arcs: ring.arcs
			},
			layout.center,
			fontSize
		);
		return name ? [name] : [];
	});
	const { bounds } = labels;
	return {
		layout,
		labels,
		ringNames,
		viewBox: {
			x: Math.floor(bounds.x - margin),
			y: Math.floor(Math.min(0, bounds.y - margin)),
			width: Math.ceil(bounds.width + margin * 2),
			height: Math.ceil(Math.max(layout.size, bounds.height + margin * 2))
		},
		fontSize
	};
}
