import {
	copenhagenDayFraction,
	copenhagenToday,
	fromEpochDay,
	toEpochDay,
	type IsoDate
} from '$lib/platform/dates/iso';
import { schoolYearRange, type SchoolYearLabel } from '$lib/platform/dates/school-year';

/**
 * One school year on the wheel: angle 0 at the top is 1 August 00:00, angles grow clockwise and
 * 360 is the end of 31 July. Every calendar day gets the same angle, DST days included.
 */
export interface WheelYear {
	label: SchoolYearLabel;
	start: IsoDate;
	end: IsoDate;
	days: 365 | 366;
	startDay: number;
	degreesPerDay: number;
}

export interface Point {
	x: number;
	y: number;
}

export interface SpanAngles {
	startAngle: number;
	endAngle: number;
	/** The span began before or ended after the school year and was cut at the edge. */
	clippedStart: boolean;
	clippedEnd: boolean;
}

const wheelYears = new Map<SchoolYearLabel, WheelYear>();

export function wheelYear(year: SchoolYearLabel | WheelYear): WheelYear {
	if (typeof year !== 'string') return year;
	let resolved = wheelYears.get(year);
	if (!resolved) {
		const range = schoolYearRange(year);
		resolved = {
			label: range.label,
			start: range.start,
			end: range.end,
			days: range.days,
			startDay: toEpochDay(range.start),
			degreesPerDay: 360 / range.days
		};
		wheelYears.set(year, resolved);
	}
	return resolved;
}

/** Angle of the start (00:00) or end (24:00) of a day; dates outside the year fall outside 0–360. */
export function dateToAngle(
	date: IsoDate,
	year: SchoolYearLabel | WheelYear,
	edge: 'start' | 'end' = 'start'
): number {
	const wheel = wheelYear(year);
	const dayIndex = toEpochDay(date) - wheel.startDay + (edge === 'end' ? 1 : 0);
	return dayIndex * wheel.degreesPerDay;
}

/** The day an angle points into, clamped to the school year. */
export function angleToDate(angle: number, year: SchoolYearLabel | WheelYear): IsoDate {
	const wheel = wheelYear(year);
	const dayIndex = Math.min(wheel.days - 1, Math.max(0, Math.floor(angle / wheel.degreesPerDay)));
	return fromEpochDay(wheel.startDay + dayIndex);
}

/**
 * Angles of an inclusive span of days, cut to the school year; null when it lies outside.
 * A span narrower than `minSweep` degrees is widened around its middle, staying inside 0–360.
 */
export function spanAngles(
	start: IsoDate,
	end: IsoDate,
	year: SchoolYearLabel | WheelYear,
	minSweep = 0
): SpanAngles | null {
	const wheel = wheelYear(year);
	const rawStart = dateToAngle(start, wheel, 'start');
	const rawEnd = dateToAngle(end, wheel, 'end');
	if (rawEnd <= 0 || rawStart >= 360 || rawEnd <= rawStart) return null;
	let startAngle = Math.max(0, rawStart);
	let endAngle = Math.min(360, rawEnd);
	const sweep = Math.min(360, minSweep);
	if (endAngle - startAngle < sweep) {
		const middle = (startAngle + endAngle) / 2;
		startAngle = Math.min(360 - sweep, Math.max(0, middle - sweep / 2));
		endAngle = startAngle + sweep;
	}
	return { startAngle, endAngle, clippedStart: rawStart < 0, clippedEnd: rawEnd > 360 };
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
	const angle =
		dateToAngle(copenhagenToday(now), wheel) + copenhagenDayFraction(now) * wheel.degreesPerDay;
	return angle >= 0 && angle < 360 ? angle : null;
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
type PathParts = (string | number)[];

// A tenth of a unit is sub-pixel at the wheel's 1000-unit viewBox, and a third less path data.
const round = (n: number) => Math.round(n * 10) / 10;

function pushPoint(parts: PathParts, cx: number, cy: number, r: number, angle: number): void {
	const radians = (angle * Math.PI) / 180;
	parts.push(round(cx + r * Math.sin(radians)), round(cy - r * Math.cos(radians)));
}

function pushArc(parts: PathParts, cx: number, cy: number, r: number, from: number, to: number) {
	// SVG's sweep flag 1 is clockwise on screen, matching growing angles.
	const largeArc = Math.abs(to - from) > 180 ? 1 : 0;
	const sweep = to > from ? 1 : 0;
	parts.push('A', round(r), round(r), 0, largeArc, sweep);
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
	const parts: PathParts = [];
	pushArcPath(parts, cx, cy, outerRadius, startAngle, endAngle);
	if (innerRadius <= 0) {
		parts.push('L', round(cx), round(cy));
	} else if (endAngle - startAngle >= FULL_CIRCLE) {
		parts.push('Z');
		pushArcPath(parts, cx, cy, innerRadius, endAngle, startAngle);
	} else {
		parts.push('L');
		pushPoint(parts, cx, cy, innerRadius, endAngle);
		pushArc(parts, cx, cy, innerRadius, endAngle, startAngle);
	}
	parts.push('Z');
	return parts.join(' ');
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
