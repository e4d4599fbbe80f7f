import {
	copenhagenDayFraction,
	copenhagenToday,
	fromEpochDay,
	toEpochDay,
	type IsoDate
} from '$lib/platform/dates/iso';
import { schoolYearRange, type SchoolYearLabel } from '$lib/platform/dates/school-year';
import { MarkupWriter } from './markup-writer';

/**
 * One school year on the wheel. Without a focus, angle 0 at the top is 1 August 00:00, angles
 * grow clockwise and 360 is the end of 31 July; every calendar day gets the same angle, DST days
 * included. With a focus (a zoomed half-year, quarter or month), the focus starts at the top and
 * fills `focus.sweep` degrees; the rest of the year follows it clockwise (its end, then its start
 * up to the focus) compressed into what is left, as context.
 */
export interface WheelYear {
	label: SchoolYearLabel;
	start: IsoDate;
	end: IsoDate;
	days: 365 | 366;
	startDay: number;
	/** Degrees per day without a focus; inside a focus see `focus`. */
	degreesPerDay: number;
	focus: WheelFocus | null;
}

export interface WheelFocus {
	/** Day index (0 = 1 August) of the focus's first day. */
	startIndex: number;
	days: number;
	/** Degrees the focus fills, starting at the top. */
	sweep: number;
}

export interface Point {
	x: number;
	y: number;
}

export interface SpanAngles {
	startAngle: number;
	endAngle: number;
	/** The span began before or ended after the school year (or the focus's seam) and was cut. */
	clippedStart: boolean;
	clippedEnd: boolean;
}

const wheelYears = new Map<string, WheelYear>();

/**
 * The wheel's year, with an optional focus: `focus.start`–`focus.end` (inclusive days inside the
 * school year) drawn over `focus.sweep` degrees.
 */
export function wheelYear(
	year: SchoolYearLabel | WheelYear,
	focus?: { start: IsoDate; end: IsoDate; sweep: number } | null
): WheelYear {
	if (typeof year !== 'string') return year;
	const key = focus ? `${year} ${focus.start} ${focus.end} ${focus.sweep}` : year;
	let resolved = wheelYears.get(key);
	if (!resolved) {
		const range = schoolYearRange(year);
		const startDay = toEpochDay(range.start);
		let wheelFocus: WheelFocus | null = null;
		if (focus) {
			const startIndex = Math.max(0, toEpochDay(focus.start) - startDay);
			const days = Math.min(range.days, toEpochDay(focus.end) - startDay + 1) - startIndex;
			if (days <= 0) throw new Error(`focus ${focus.start}–${focus.end} is outside ${year}`);
			// A focus of the whole year is no focus.
			if (days < range.days) wheelFocus = { startIndex, days, sweep: focus.sweep };
		}
		resolved = {
			label: range.label,
			start: range.start,
			end: range.end,
			days: range.days,
			startDay,
			degreesPerDay: 360 / range.days,
			focus: wheelFocus
		};
		wheelYears.set(key, resolved);
	}
	return resolved;
}

/**
 * The angle of a (fractional) day index inside the year, 0 ≤ index ≤ days. `edge` says which
 * side of the focus's seam an index exactly on it belongs to: a span's end there is at 360.
 */
export function indexToAngle(wheel: WheelYear, index: number, edge: 'start' | 'end' = 'start') {
	const focus = wheel.focus;
	if (!focus) return index * wheel.degreesPerDay;
	let t = index - focus.startIndex;
	if (t < 0 || (t === 0 && edge === 'end')) t += wheel.days;
	if (t <= focus.days) return (t * focus.sweep) / focus.days;
	return focus.sweep + ((t - focus.days) * (360 - focus.sweep)) / (wheel.days - focus.days);
}

/**
 * Days from the top of the wheel to an angle (fractional): the inverse of indexToAngle, counted
 * from the focus's start when there is one. Monotonic in the angle, so lanes pack on it.
 */
export function angleToOffset(wheel: WheelYear, angle: number): number {
	const focus = wheel.focus;
	if (!focus) return angle / wheel.degreesPerDay;
	return angle <= focus.sweep
		? (angle * focus.days) / focus.sweep
		: focus.days + ((angle - focus.sweep) * (wheel.days - focus.days)) / (360 - focus.sweep);
}

/** The day index (fractional, 0 = 1 August) an angle in 0–360 points at. */
export function angleToIndex(wheel: WheelYear, angle: number): number {
	const offset = angleToOffset(wheel, angle);
	return wheel.focus ? (offset + wheel.focus.startIndex) % wheel.days : offset;
}

/**
 * Degrees per day at an angle: the focus's or the context's. The narrowest is what lane packing
 * counts in.
 */
export function degreesPerDayAt(wheel: WheelYear, angle: number): number {
	const focus = wheel.focus;
	if (!focus) return wheel.degreesPerDay;
	return angle < focus.sweep
		? focus.sweep / focus.days
		: (360 - focus.sweep) / (wheel.days - focus.days);
}

/** Angle of the start (00:00) or end (24:00) of a day; dates outside the year fall outside 0–360. */
export function dateToAngle(
	date: IsoDate,
	year: SchoolYearLabel | WheelYear,
	edge: 'start' | 'end' = 'start'
): number {
	const wheel = wheelYear(year);
	const dayIndex = toEpochDay(date) - wheel.startDay + (edge === 'end' ? 1 : 0);
	if (wheel.focus && dayIndex >= 0 && dayIndex <= wheel.days) {
		return indexToAngle(wheel, dayIndex, edge);
	}
	return dayIndex * wheel.degreesPerDay;
}

/** The day an angle points into, clamped to the school year. */
export function angleToDate(angle: number, year: SchoolYearLabel | WheelYear): IsoDate {
	const wheel = wheelYear(year);
	const index = Math.floor(angleToIndex(wheel, angle) + 1e-9);
	const dayIndex = Math.min(wheel.days - 1, Math.max(0, index));
	return fromEpochDay(wheel.startDay + dayIndex);
}

/**
 * Angles of an inclusive span of days, cut to the school year; null when it lies outside.
 * With a focus, a span across the focus's start is cut there: its part in the focus is drawn.
 * A span narrower than `minSweep` degrees is widened around its middle, staying inside 0–360.
 */
export function spanAngles(
	start: IsoDate,
	end: IsoDate,
	year: SchoolYearLabel | WheelYear,
	minSweep = 0
): SpanAngles | null {
	const wheel = wheelYear(year);
	const rawStart = toEpochDay(start) - wheel.startDay;
	const rawEnd = toEpochDay(end) - wheel.startDay + 1;
	if (rawEnd <= 0 || rawStart >= wheel.days || rawEnd <= rawStart) return null;
	let from = Math.max(0, rawStart);
	const to = Math.min(wheel.days, rawEnd);
	let clippedStart = rawStart < 0;
	const seam = wheel.focus?.startIndex;
	if (seam !== undefined && from < seam && to > seam) {
		from = seam;
		clippedStart = true;
	}
	let startAngle = indexToAngle(wheel, from, 'start');
	let endAngle = indexToAngle(wheel, to, 'end');
	const sweep = Math.min(360, minSweep);
	if (endAngle - startAngle < sweep) {
		const middle = (startAngle + endAngle) / 2;
		startAngle = Math.min(360 - sweep, Math.max(0, middle - sweep / 2));
		endAngle = startAngle + sweep;
	}
	return { startAngle, endAngle, clippedStart, clippedEnd: rawEnd > wheel.days };
}

export function polarToCartesian(cx: number, cy: number, radius: number, angle: number): Point {
	const radians = (angle * Math.PI) / 180;
	return { x: cx + radius * Math.sin(radians), y: cy - radius * Math.cos(radians) };
}

/** The angle of the hand for the instant `now`, or null when it is outside the school year. */
export function todayHandAngle(
	year: SchoolYearLabel | WheelYear,
	now: Date = new Date()
): number | null {
	const wheel = wheelYear(year);
	const index = toEpochDay(copenhagenToday(now)) - wheel.startDay + copenhagenDayFraction(now);
	return index >= 0 && index < wheel.days ? indexToAngle(wheel, index) % 360 : null;
}

/** Arc length in px of a sweep at a radius. */
export function arcLength(radius: number, sweep: number): number {
	return (radius * Math.abs(sweep) * Math.PI) / 180;
}

export interface AnnularSector {
	cx: number;
	cy: number;
	innerRadius: number;
	outerRadius: number;
	startAngle: number;
	endAngle: number;
}

const FULL_CIRCLE = 359.999;

/**
 * Path commands are collected in an array and joined once: a flat string keeps a layout of
 * thousands of arcs far lighter on memory than nested template literals.
 */
type PathParts = string[];

// A tenth of a unit is sub-pixel at the wheel's 1000-unit viewBox, and a third less path data.

/**
 * A whole number of tenths written as SVG writes a number: 1234 → '123.4', 120 → '12',
 * -5 → '-0.5'. The same text as String(v / 10), but made from integers, which V8 turns into text
 * several times faster than fractions: a year of 2,000 arcs writes about 40,000 numbers.
 */
export function tenths(v: number): string {
	if (v % 10 === 0) return String(v / 10);
	const whole = v < 0 ? -v : v;
	const digit = whole % 10;
	return (v < 0 ? '-' : '') + (whole - digit) / 10 + '.' + digit;
}

/** `n` to a tenth, written as String(Math.round(n * 10) / 10) would write it. */
export const oneDecimal = (n: number): string => tenths(Math.round(n * 10));

function pushPoint(parts: PathParts, cx: number, cy: number, r: number, angle: number): void {
	const radians = (angle * Math.PI) / 180;
	parts.push(oneDecimal(cx + r * Math.sin(radians)), oneDecimal(cy - r * Math.cos(radians)));
}

function pushArc(parts: PathParts, cx: number, cy: number, r: number, from: number, to: number) {
	// SVG's sweep flag 1 is clockwise on screen, matching growing angles.
	const largeArc = Math.abs(to - from) > 180 ? 1 : 0;
	const sweep = to > from ? 1 : 0;
	const radius = oneDecimal(r);
	parts.push('A', radius, radius, '0', String(largeArc), String(sweep));
	pushPoint(parts, cx, cy, r, to);
}

/** Moves to `from` and draws to `to`; a full circle is drawn as two halves. */
function pushArcPath(
	parts: PathParts,
	cx: number,
	cy: number,
	r: number,
	from: number,
	to: number
) {
	parts.push('M');
	pushPoint(parts, cx, cy, r, from);
	if (Math.abs(to - from) >= FULL_CIRCLE) {
		const half = (from + to) / 2;
		pushArc(parts, cx, cy, r, from, half);
		pushArc(parts, cx, cy, r, half, to);
	} else {
		pushArc(parts, cx, cy, r, from, to);
	}
}

/** An open arc from `from` to `to` degrees. */
export function arcPath(cx: number, cy: number, radius: number, from: number, to: number): string {
	const parts: PathParts = [];
	pushArcPath(parts, cx, cy, radius, from, to);
	return parts.join(' ');
}

/**
 * A closed ring sector: outer arc clockwise, inner arc back. A full ring is an outer and an inner
 * circle of opposite direction, so the hole stays empty under the default nonzero fill rule.
 */
export function annularSectorPath(sector: AnnularSector): string {
	const { cx, cy, innerRadius, outerRadius, startAngle, endAngle } = sector;
	if (innerRadius > 0 && endAngle - startAngle < FULL_CIRCLE) {
		const w = new MarkupWriter(128);
		writeSectorPath(w, cx, cy, innerRadius, outerRadius, startAngle, endAngle);
		return w.toString();
	}
	const parts: PathParts = [];
	pushArcPath(parts, cx, cy, outerRadius, startAngle, endAngle);
	if (innerRadius <= 0) {
		parts.push('L', oneDecimal(cx), oneDecimal(cy));
	} else {
		parts.push('Z');
		pushArcPath(parts, cx, cy, innerRadius, endAngle, startAngle);
	}
	parts.push('Z');
	return parts.join(' ');
}

/**
 * The sector of an arc on the wheel, written into `w`: the first corner absolute, the others
 * relative to the one before (a short arc's steps are short numbers), so thousands of arcs carry
 * less path data.
 * The corners are rounded to tenths and the steps taken between them, so the corners land where
 * absolute ones would.
 */
export function writeSectorPath(
	w: MarkupWriter,
	cx: number,
	cy: number,
	inner: number,
	outer: number,
	from: number,
	to: number
): void {
	const start = (from * Math.PI) / 180;
	const end = (to * Math.PI) / 180;
	const sinStart = Math.sin(start);
	const cosStart = Math.cos(start);
	const sinEnd = Math.sin(end);
	const cosEnd = Math.cos(end);
	// The corners in tenths of a unit: outer start, outer end, inner end, inner start.
	const x1 = Math.round((cx + outer * sinStart) * 10);
	const y1 = Math.round((cy - outer * cosStart) * 10);
	const x2 = Math.round((cx + outer * sinEnd) * 10);
	const y2 = Math.round((cy - outer * cosEnd) * 10);
	const x3 = Math.round((cx + inner * sinEnd) * 10);
	const y3 = Math.round((cy - inner * cosEnd) * 10);
	const x4 = Math.round((cx + inner * sinStart) * 10);
	const y4 = Math.round((cy - inner * cosStart) * 10);
	const large = to - from > 180 ? ' 1 ' : ' 0 ';
	const outerRadius = Math.round(outer * 10);
	const innerRadius = Math.round(inner * 10);
	w.raw('M').tenths(x1).raw(' ').tenths(y1);
	w.raw('a').tenths(outerRadius).raw(' ').tenths(outerRadius).raw(' 0').raw(large).raw('1 ');
	w.tenths(x2 - x1)
		.raw(' ')
		.tenths(y2 - y1);
	w.raw('l')
		.tenths(x3 - x2)
		.raw(' ')
		.tenths(y3 - y2);
	w.raw('a').tenths(innerRadius).raw(' ').tenths(innerRadius).raw(' 0').raw(large).raw('0 ');
	w.tenths(x4 - x3)
		.raw(' ')
		.tenths(y4 - y3)
		.raw('z');
}

/**
 * A path for <textPath> along the middle of an arc. On the lower half of the wheel it runs
 * counter-clockwise so the text reads left to right instead of upside down.
 */
export function labelArcPath(
	cx: number,
	cy: number,
	radius: number,
	from: number,
	to: number
): string {
	const middle = ((((from + to) / 2) % 360) + 360) % 360;
	const upsideDown = middle > 90 && middle < 270;
	return upsideDown ? arcPath(cx, cy, radius, to, from) : arcPath(cx, cy, radius, from, to);
}
