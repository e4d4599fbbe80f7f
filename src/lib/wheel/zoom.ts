import { monthName } from '$lib/platform/dates/format';
import type { Locale } from '$lib/platform/dates/weeks';
import { daysInMonth, diffDays, formatIsoDate, type IsoDate } from '$lib/platform/dates/iso';
import {
	nextSchoolYear,
	previousSchoolYear,
	schoolYearRange,
	type SchoolYearLabel
} from '$lib/platform/dates/school-year';

/**
 * Zooming the wheel: the whole school year, a half-year, a quarter or a month. Periods are counted
 * from 1 August, so the half-years are August–January and February–July and the quarters start in
 * August, November, February and May. In the URL as `?zoom=kvartal&fra=2027-02` (Danish words,
 * so a shared link reads): `zoom` the level, `fra` the first month of the period.
 */
export type ZoomLevel = 'aar' | 'halvaar' | 'kvartal' | 'maaned';

export const ZOOM_LEVELS: readonly ZoomLevel[] = ['aar', 'halvaar', 'kvartal', 'maaned'];

const MONTHS: Record<ZoomLevel, number> = { aar: 12, halvaar: 6, kvartal: 3, maaned: 1 };

/** How much of the circle a zoomed period fills; the rest of the year is its context. */
export const FOCUS_SWEEP = 270;

export interface ZoomPeriod {
	level: ZoomLevel;
	year: SchoolYearLabel;
	/** The period's first month, 'YYYY-MM'. */
	from: string;
	start: IsoDate;
	end: IsoDate;
}

export type ZoomParse = { ok: true; period: ZoomPeriod } | { ok: false; message: string };

const MONTH = /^(\d{4})-(\d{2})$/;

/** Months since August of the school year (0–11) of 'YYYY-MM', or null when outside it. */
function monthIndex(year: SchoolYearLabel, from: string): number | null {
	const match = MONTH.exec(from);
	if (!match) return null;
	const first = Number(schoolYearRange(year).start.slice(0, 4));
	const index = (Number(match[1]) - first) * 12 + Number(match[2]) - 8;
	return index >= 0 && index < 12 ? index : null;
}

function monthAt(year: SchoolYearLabel, index: number): { year: number; month: number } {
	const first = Number(schoolYearRange(year).start.slice(0, 4));
	const month = ((7 + index) % 12) + 1;
	return { year: month >= 8 ? first : first + 1, month };
}

/** The period of `level` that holds month `index` of the school year. */
export function periodAt(year: SchoolYearLabel, level: ZoomLevel, index: number): ZoomPeriod {
	const size = MONTHS[level];
	const firstIndex = Math.floor(index / size) * size;
	const first = monthAt(year, firstIndex);
	const last = monthAt(year, firstIndex + size - 1);
	return {
		level,
		year,
		from: `${first.year}-${String(first.month).padStart(2, '0')}`,
		start: formatIsoDate({ ...first, day: 1 }),
		end: formatIsoDate({ ...last, day: daysInMonth(last.year, last.month) })
	};
}

/**
 * Reads `zoom` and `fra` for a school year. No zoom is the whole year; a zoom without `fra` opens
 * the period holding `today` when it is in the year, else the year's first. A `fra` inside a
 * period is moved to that period's start. Anything else is a Danish message for a 400.
 */
export function parseZoom(
	year: SchoolYearLabel,
	zoom: string | null,
	from: string | null,
	today: IsoDate
): ZoomParse {
	const level = (zoom === null || zoom === '' ? 'aar' : zoom) as ZoomLevel;
	if (!ZOOM_LEVELS.includes(level)) {
		return {
			ok: false,
			message: `Ukendt zoom: «${String(zoom).slice(0, 20)}». Vælg aar, halvaar, kvartal eller maaned.`
		};
	}
	let index: number | null;
	if (from === null || from === '') {
		index = monthIndex(year, today.slice(0, 7)) ?? 0;
	} else {
		index = monthIndex(year, from);
		if (index === null) {
			return {
				ok: false,
				message: `Ugyldig måned: «${from.slice(0, 20)}». Skriv den som 2027-02, inden for skoleåret ${year}.`
			};
		}
	}
	return { ok: true, period: periodAt(year, level, index) };
}

/** The query parameters of a period; none for the whole year (the default). */
export function zoomParams(period: ZoomPeriod): [string, string][] {
	return period.level === 'aar'
		? []
		: [
				['zoom', period.level],
				['fra', period.from]
			];
}

/** The period before or after, across into the previous or next school year at the edges. */
export function shiftPeriod(period: ZoomPeriod, step: -1 | 1): ZoomPeriod {
	const index = monthIndex(period.year, period.from)! + step * MONTHS[period.level];
	if (index < 0) return periodAt(previousSchoolYear(period.year), period.level, 12 + index);
	if (index >= 12) return periodAt(nextSchoolYear(period.year), period.level, index - 12);
	return periodAt(period.year, period.level, index);
}

/**
 * One level closer: the part of the period holding `today` when it is inside, else its start.
 * Null at month level.
 */
export function zoomIn(period: ZoomPeriod, today: IsoDate): ZoomPeriod | null {
	const level = ZOOM_LEVELS[ZOOM_LEVELS.indexOf(period.level) + 1];
	if (!level) return null;
	const inside = today >= period.start && today <= period.end;
	const index = monthIndex(period.year, (inside ? today : period.start).slice(0, 7))!;
	return periodAt(period.year, level, index);
}

/** One level further out, holding this period; null for the whole year. */
export function zoomOut(period: ZoomPeriod): ZoomPeriod | null {
	const level = ZOOM_LEVELS[ZOOM_LEVELS.indexOf(period.level) - 1];
	if (!level) return null;
	return periodAt(period.year, level, monthIndex(period.year, period.from)!);
}

/** The focus the wheel's geometry takes: the period's days over FOCUS_SWEEP degrees. */
export function focusOf(
	period: ZoomPeriod
): { start: IsoDate; end: IsoDate; sweep: number } | null {
	return period.level === 'aar'
		? null
		: { start: period.start, end: period.end, sweep: FOCUS_SWEEP };
}

/** Whether a span of days (both ends inclusive) has a day in the period: the zoomed view's list. */
export function overlapsPeriod(
	span: { start: IsoDate; end: IsoDate },
	period: ZoomPeriod
): boolean {
	return span.start <= period.end && span.end >= period.start;
}

/** Days in a period (for tests and the key). */
export function periodDays(period: ZoomPeriod): number {
	return diffDays(period.start, period.end) + 1;
}

/** 'februar 2027', 'nov. 2026–jan. 2027', or the school year for the whole year. */
export function periodLabel(period: ZoomPeriod, locale: Locale): string {
	if (period.level === 'aar') return period.year;
	const [startYear, startMonth] = period.start.split('-').map(Number);
	const [endYear, endMonth] = period.end.split('-').map(Number);
	if (period.level === 'maaned') return `${monthName(startMonth, locale, 'long')} ${startYear}`;
	const from = monthName(startMonth, locale, 'short');
	const to = monthName(endMonth, locale, 'short');
	return startYear === endYear
		? `${from}–${to} ${endYear}`
		: `${from} ${startYear}–${to} ${endYear}`;
}
