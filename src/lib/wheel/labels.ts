import { formatDateRange } from '$lib/platform/dates/format';
import type { IsoDate } from '$lib/platform/dates/iso';
import { formatWeekRange, type Locale } from '$lib/platform/dates/weeks';
import { bookingSuffix, type WheelBookingStatus } from './links';

/** Average glyph width relative to the font size; a deliberate approximation that needs no DOM. */
const CHAR_WIDTH_RATIO = 0.55;
const MIN_VISIBLE_CHARS = 3;
const ELLIPSIS = '…';

export function maxCharsFor(lengthPx: number, fontSizePx: number): number {
	if (!(lengthPx > 0) || !(fontSizePx > 0)) return 0;
	return Math.floor(lengthPx / (fontSizePx * CHAR_WIDTH_RATIO));
}

/**
 * The label that fits on an arc `lengthPx` long: the whole title, the title cut with '…', or ''
 * when fewer than three characters fit. Counts code points so no emoji or letter is split.
 */
export function fitLabel(title: string, lengthPx: number, fontSizePx: number): string {
	const characters = [...title.trim()];
	const maxChars = maxCharsFor(lengthPx, fontSizePx);
	if (characters.length <= maxChars) return characters.join('');
	if (maxChars < MIN_VISIBLE_CHARS) return '';
	return (
		characters
			.slice(0, maxChars - 1)
			.join('')
			.trimEnd() + ELLIPSIS
	);
}

export interface NamedSpan {
	title: string;
	start: IsoDate;
	end: IsoDate;
	/** The user's own organisation's booking of it. */
	booking?: WheelBookingStatus | null;
}

/** '8.–12. februar 2027, uge 6': the part of a name that says when. */
function whenOf(span: NamedSpan, locale: Locale): string {
	const dates = formatDateRange(span.start, span.end, locale, 'long');
	return `${dates}, ${formatWeekRange(span.start, span.end, locale)}`;
}

function nameWith(activity: NamedSpan, when: string): string {
	// join() gives one flat string; a template literal would keep a tree of parts per arc.
	return [activity.title, when].join(', ') + bookingSuffix(activity.booking);
}

/** 'Erhvervspraktik, 8.–12. februar 2027, uge 6' (and ', jeres booking: bekræftet'). */
export function accessibleNameOf(activity: NamedSpan, locale: Locale = 'da'): string {
	return nameWith(activity, whenOf(activity, locale));
}

/**
 * accessibleNameOf for many activities at once: the dates and weeks of a span are written once
 * for all activities on the same days (the benchmark's generated year of 2,000 activities has
 * 1,308 different spans; a school year's real activities share their days far more often).
 */
export function accessibleNamer(locale: Locale): (activity: NamedSpan) => string {
	const spans = new Map<string, Map<string, string>>();
	return (activity) => {
		let ends = spans.get(activity.start);
		if (ends === undefined) spans.set(activity.start, (ends = new Map()));
		let when = ends.get(activity.end);
		if (when === undefined) ends.set(activity.end, (when = whenOf(activity, locale)));
		return nameWith(activity, when);
	};
}
