import { arcLength, labelArcPath, polarToCartesian, type Point } from './geometry';
import { fitLabel } from './labels';

/**
 * Every arc on the wheel gets a name a reader can find without hovering, in this order:
 *  1. its title along the arc, when the lane is wide enough and the title (or a long start of it)
 *     fits;
 *  2. a title outside the wheel, in a column on the arc's side, joined to the arc by a leader line;
 *  3. a number keyed to a list: on the arc when the number fits inside it, otherwise outside in
 *     the column, again with a leader line.
 * A side (right: August–January, left: February–July) uses outside titles only while they all
 * fit; past that, it numbers its arcs. Placement sorts by position and sweeps once, so it is
 * O(n log n), and it is deterministic: the same arcs always give the same labels.
 */

export interface LabelArc {
	id: string;
	title: string;
	startAngle: number;
	endAngle: number;
	innerRadius: number;
	outerRadius: number;
}

export interface LabelOptions {
	center: Point;
	/** Font size of every label, in the wheel's units. */
	fontSize: number;
	/** Leader lines bend here, just outside everything drawn around the rings. */
	elbowRadius: number;
	/** Distance from the wheel's edge (center ± elbowRadius) to the label column. */
	columnGap: number;
	/** Width of the label column on each side. */
	columnWidth: number;
	/** The canvas' vertical extent before it has to grow for more rows. */
	top: number;
	bottom: number;
}

export interface Box {
	x: number;
	y: number;
	width: number;
	height: number;
}

export type LabelPlacement =
	| { kind: 'arc'; id: string; text: string; path: string; fontSize: number }
	| {
			kind: 'outside';
			id: string;
			text: string;
			x: number;
			y: number;
			anchor: 'start' | 'end';
			leader: Point[];
			box: Box;
			fontSize: number;
	  }
	| {
			kind: 'number';
			id: string;
			number: number;
			x: number;
			y: number;
			anchor: 'start' | 'end' | 'middle';
			/** Empty when the number sits on its arc. */
			leader: Point[];
			box: Box;
			fontSize: number;
	  };

export interface LabelLayout {
	placements: LabelPlacement[];
	byId: Map<string, LabelPlacement>;
	/** Each arc's label, in the order of the arcs given to placeLabels. */
	inOrder: LabelPlacement[];
	/** The arcs that carry a number, in number order (1, 2, …): the key beside the wheel. */
	numbered: { id: string; number: number }[];
	/** The canvas needed for labels and wheel together. */
	bounds: Box;
}

/**
 * Glyph width relative to the font size for placement: wider than labels.ts' estimate, because
 * boxes that are too small would let real text overlap.
 */
export const PLACEMENT_CHAR_WIDTH = 0.62;

/** Whether `text` in `fontSize` fits along `sweep` degrees at `radius`, with a little air at both ends. */
export function fitsAlongArc(
	text: string,
	fontSize: number,
	radius: number,
	sweep: number
): boolean {
	return codePoints(text) * fontSize * PLACEMENT_CHAR_WIDTH + 8 <= arcLength(radius, sweep);
}
/** A title cut shorter than this says too little to identify an activity. */
const MIN_IDENTIFYING_CHARS = 14;
const ROW_FACTOR = 1.3;
/** Padding along an arc, so a title does not touch the arc's ends. */
const ARC_PADDING = 6;
/** Shifts the baseline so the text's middle, not its foot, sits on the lane's middle. */
const BASELINE_SHIFT = 0.35;
/** How much taller than the wheel a side column may grow before that side switches to numbers. */
const MAX_TITLE_GROWTH = 1.4;

/** The number of characters a reader sees (code points: an emoji is one), counted in place. */
function codePoints(text: string): number {
	let count = text.length;
	for (let i = 0; i < text.length; i++) {
		const code = text.charCodeAt(i);
		// A low surrogate ends a pair that was counted twice.
		if (code >= 0xdc00 && code <= 0xdfff && i > 0) {
			const before = text.charCodeAt(i - 1);
			if (before >= 0xd800 && before <= 0xdbff) count--;
		}
	}
	return count;
}

export function textWidth(text: string, fontSize: number): number {
	return codePoints(text) * fontSize * PLACEMENT_CHAR_WIDTH;
}

/** The width of a label number (1, 2, … 2000), written in digits. */
function numberWidth(number: number, fontSize: number): number {
	let digits = 1;
	for (let rest = number; rest >= 10; rest = Math.floor(rest / 10)) digits++;
	return digits * fontSize * PLACEMENT_CHAR_WIDTH;
}

export function boxesOverlap(a: Box, b: Box): boolean {
	return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

function middleAngle(arc: LabelArc): number {
	return (arc.startAngle + arc.endAngle) / 2;
}

/** The title along the arc, or null when the lane is too narrow or too little of it fits. */
function titleOnArc(arc: LabelArc, options: LabelOptions): LabelPlacement | null {
	const { fontSize, center } = options;
	const width = arc.outerRadius - arc.innerRadius;
	if (width < fontSize * 1.15) return null;
	const middle = (arc.innerRadius + arc.outerRadius) / 2;
	// The chord-free inner edge of the text is shorter than the middle line: measure there.
	const length = arcLength(middle - fontSize / 2, arc.endAngle - arc.startAngle) - ARC_PADDING * 2;
	const title = arc.title.trim();
	const text = fitLabel(title, length, fontSize * (PLACEMENT_CHAR_WIDTH / 0.55));
	if (!text) return null;
	if (text !== title && codePoints(text) < MIN_IDENTIFYING_CHARS) return null;
	const angle = middleAngle(arc) % 360;
	const upsideDown = angle > 90 && angle < 270;
	const baseline = middle + (upsideDown ? 1 : -1) * BASELINE_SHIFT * fontSize;
	return {
		kind: 'arc',
		id: arc.id,
		text,
		path: labelArcPath(center.x, center.y, baseline, arc.startAngle, arc.endAngle),
		fontSize
	};
}

/**
 * True when every corner of the box, grown by `padding` on each side, lies inside the arc's ring
 * sector (angles within 0–360).
 */
function boxInsideArc(box: Box, padding: number, arc: LabelArc, center: Point): boolean {
	const left = box.x - padding - center.x;
	const right = box.x + box.width + padding - center.x;
	const top = center.y - (box.y - padding);
	const bottom = center.y - (box.y + box.height + padding);
	for (let corner = 0; corner < 4; corner++) {
		const dx = corner & 1 ? right : left;
		const dy = corner & 2 ? bottom : top;
		const radius = Math.sqrt(dx * dx + dy * dy);
		if (!(radius > arc.innerRadius && radius < arc.outerRadius)) return false;
		const angle = ((Math.atan2(dx, dy) * 180) / Math.PI + 360) % 360;
		if (!(angle > arc.startAngle && angle < arc.endAngle)) return false;
	}
	return true;
}

function numberBox(number: number, x: number, y: number, fontSize: number, anchor: string): Box {
	const width = numberWidth(number, fontSize);
	const left = anchor === 'middle' ? x - width / 2 : anchor === 'end' ? x - width : x;
	// y is the text's middle (dominant-baseline central).
	return { x: left, y: y - fontSize / 2, width, height: fontSize };
}

function numberOnArc(arc: LabelArc, number: number, options: LabelOptions) {
	const { center, fontSize } = options;
	const at = polarToCartesian(
		center.x,
		center.y,
		(arc.innerRadius + arc.outerRadius) / 2,
		middleAngle(arc)
	);
	const box = numberBox(number, at.x, at.y, fontSize, 'middle');
	return boxInsideArc(box, 1, arc, center) ? { at, box } : null;
}

/**
 * The last tie-breaker, by id in code unit order: the same order on the server and in every
 * browser (localeCompare's depends on the ICU data each one has), and much cheaper.
 */
const byId = (a: Candidate, b: Candidate) =>
	a.arc.id < b.arc.id ? -1 : a.arc.id > b.arc.id ? 1 : 0;

interface Candidate {
	arc: LabelArc;
	/** The arc's place among the arcs given. */
	index: number;
	/** Its number; 0 when it has none, negative when the number sits on the arc. */
	number: number;
	/** Where the leader leaves the wheel, and the height the label would like to sit at. */
	elbow: Point;
	start: Point;
}

/**
 * One-dimensional placement of rows: each row as near its wanted y as possible, rows `gap` apart,
 * all within [top, bottom]. A forward sweep pushes rows down, a backward sweep pulls them back up
 * from the bottom; needs (count - 1) * gap <= bottom - top.
 */
export function spreadRows(wanted: readonly number[], gap: number, top: number, bottom: number) {
	const ys = wanted.map((y) => Math.min(bottom, Math.max(top, y)));
	for (let i = 1; i < ys.length; i++) ys[i] = Math.max(ys[i], ys[i - 1] + gap);
	if (ys.length > 0) ys[ys.length - 1] = Math.min(ys[ys.length - 1], bottom);
	for (let i = ys.length - 2; i >= 0; i--) ys[i] = Math.min(ys[i], ys[i + 1] - gap);
	return ys;
}

function extentFor(rows: number, row: number, options: LabelOptions) {
	const needed = rows * row;
	const available = options.bottom - options.top;
	if (needed <= available) return { top: options.top, bottom: options.bottom };
	const middle = (options.top + options.bottom) / 2;
	return { top: middle - needed / 2, bottom: middle + needed / 2 };
}

function placeSide(
	candidates: Candidate[],
	side: 'left' | 'right',
	options: LabelOptions,
	largestNumber: number,
	place: (candidate: Candidate, label: LabelPlacement) => void
): { top: number; bottom: number } {
	const { fontSize, center, elbowRadius, columnGap, columnWidth } = options;
	const row = fontSize * ROW_FACTOR;
	const anchor = side === 'right' ? 'start' : 'end';
	const columnX =
		side === 'right' ? center.x + elbowRadius + columnGap : center.x - elbowRadius - columnGap;
	const sorted = [...candidates].sort((a, b) => a.elbow.y - b.elbow.y || byId(a, b));
	const maxTitleRows = Math.floor(((options.bottom - options.top) * MAX_TITLE_GROWTH) / row);
	const useTitles = sorted.length <= maxTitleRows && !sorted.some((c) => c.number !== 0);
	const maxChars = Math.max(4, Math.floor(columnWidth / (fontSize * PLACEMENT_CHAR_WIDTH)));

	if (useTitles) {
		const extent = extentFor(sorted.length, row, options);
		const ys = spreadRows(
			sorted.map((c) => c.elbow.y),
			row,
			extent.top + row / 2,
			extent.bottom - row / 2
		);
		sorted.forEach((candidate, index) => {
			const y = ys[index];
			const text = clipTitle(candidate.arc.title, maxChars);
			const width = textWidth(text, fontSize);
			place(candidate, {
				kind: 'outside',
				id: candidate.arc.id,
				text,
				x: columnX,
				y,
				anchor,
				leader: [candidate.start, candidate.elbow, { x: columnX + (side === 'right' ? -4 : 4), y }],
				box: {
					x: side === 'right' ? columnX : columnX - width,
					// The text's own height: rows are a line apart, so boxes never touch.
					y: y - fontSize * 0.6,
					width,
					height: fontSize * 1.2
				},
				fontSize
			});
		});
		return extent;
	}

	// Numbers, several to a row: rows in order of height, numbers within a row nearest first.
	const outside = sorted.filter((c) => c.number > 0);
	const widest = numberWidth(largestNumber, fontSize) + fontSize;
	const perRow = Math.max(1, Math.floor(columnWidth / widest));
	const rowCount = Math.ceil(outside.length / perRow);
	const extent = extentFor(rowCount, row, options);
	const rowsWanted: number[] = [];
	for (let r = 0; r < rowCount; r++) {
		const members = outside.slice(r * perRow, (r + 1) * perRow);
		rowsWanted.push(members.reduce((sum, c) => sum + c.elbow.y, 0) / members.length);
	}
	const ys = spreadRows(rowsWanted, row, extent.top + row / 2, extent.bottom - row / 2);
	for (let r = 0; r < rowCount; r++) {
		const members = outside
			.slice(r * perRow, (r + 1) * perRow)
			// The member whose arc is nearest the column's edge gets the place nearest the wheel.
			.sort((a, b) => (side === 'right' ? b.elbow.x - a.elbow.x : a.elbow.x - b.elbow.x));
		members.forEach((candidate, slot) => {
			const number = candidate.number;
			const x = side === 'right' ? columnX + slot * widest : columnX - slot * widest;
			const y = ys[r];
			place(candidate, {
				kind: 'number',
				id: candidate.arc.id,
				number,
				x,
				y,
				anchor,
				leader: [candidate.start, candidate.elbow, { x: x + (side === 'right' ? -3 : 3), y }],
				box: numberBox(number, x, y, fontSize, anchor),
				fontSize
			});
		});
	}
	return extent;
}

function clipTitle(title: string, maxChars: number): string {
	const chars = [...title.trim()];
	return chars.length <= maxChars
		? chars.join('')
		: `${chars
				.slice(0, maxChars - 1)
				.join('')
				.trimEnd()}…`;
}

export function placeLabels(arcs: readonly LabelArc[], options: LabelOptions): LabelLayout {
	const { center, elbowRadius, fontSize } = options;
	const placements: LabelPlacement[] = [];
	const inOrder: LabelPlacement[] = new Array(arcs.length);
	const place = (candidate: Candidate, label: LabelPlacement) => {
		placements.push(label);
		inOrder[candidate.index] = label;
	};
	const sides: Record<'left' | 'right', Candidate[]> = { left: [], right: [] };
	arcs.forEach((arc, index) => {
		const onArc = titleOnArc(arc, options);
		if (onArc) {
			placements.push(onArc);
			inOrder[index] = onArc;
			return;
		}
		const angle = middleAngle(arc);
		const candidate: Candidate = {
			arc,
			index,
			number: 0,
			start: polarToCartesian(center.x, center.y, arc.outerRadius, angle),
			elbow: polarToCartesian(center.x, center.y, elbowRadius, angle)
		};
		sides[angle < 180 ? 'right' : 'left'].push(candidate);
	});

	// Decide per side whether titles fit; the arcs of a side that does not are numbered, in the
	// order of the year so the key reads as a calendar.
	const row = fontSize * ROW_FACTOR;
	const titleRows = Math.floor(((options.bottom - options.top) * MAX_TITLE_GROWTH) / row);
	const toNumber = [sides.right, sides.left]
		.filter((side) => side.length > titleRows)
		.flat()
		.sort(
			(a, b) =>
				a.arc.startAngle - b.arc.startAngle || a.arc.innerRadius - b.arc.innerRadius || byId(a, b)
		);
	// A number that sits on its arc is negated, so placeSide leaves it out.
	const numbered: { id: string; number: number }[] = [];
	let largestOutside = 1;
	toNumber.forEach((candidate, index) => {
		const number = index + 1;
		numbered.push({ id: candidate.arc.id, number });
		const inside = numberOnArc(candidate.arc, number, options);
		if (inside) {
			candidate.number = -number;
			place(candidate, {
				kind: 'number',
				id: candidate.arc.id,
				number,
				x: inside.at.x,
				y: inside.at.y,
				anchor: 'middle',
				leader: [],
				box: inside.box,
				fontSize
			});
		} else {
			candidate.number = number;
			largestOutside = number;
		}
	});

	const right = placeSide(sides.right, 'right', options, largestOutside, place);
	const left = placeSide(sides.left, 'left', options, largestOutside, place);
	const top = Math.min(options.top, right.top, left.top);
	const bottom = Math.max(options.bottom, right.bottom, left.bottom);
	const reach = elbowRadius + options.columnGap + options.columnWidth;
	return {
		placements,
		byId: new Map(placements.map((p) => [p.id, p])),
		inOrder,
		numbered,
		bounds: { x: center.x - reach, y: top, width: reach * 2, height: bottom - top }
	};
}
