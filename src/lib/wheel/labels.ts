import { formatDatePartsRange } from '$lib/platform/dates/format';
import { requireDateParts, type DateParts, type IsoDate } from '$lib/platform/dates/iso';
import { formatIsoWeekRange, isoWeek, type IsoWeek, type Locale } from '$lib/platform/dates/weeks';
import { bookingSuffix, type WheelBookingStatus } from './links';
import type { MarkupWriter } from './markup-writer';

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

/** 'Erhvervspraktik, 8.–12. februar 2027, uge 6' (and ', jeres booking: bekræftet'). */
export function accessibleNameOf(activity: NamedSpan, locale: Locale = 'da'): string {
	return accessibleNamer(locale).name(activity);
}

interface DayWords {
	parts: DateParts;
	week: IsoWeek;
}

export interface Namer {
	/** accessibleNameOf. */
	name(activity: NamedSpan): string;
	/** The same name written into markup, escaped, without making the string first. */
	write(w: MarkupWriter, activity: NamedSpan): void;
}

/**
 * accessibleNameOf for many activities at once. A year has at most 366 days and far fewer
 * different spans than activities (the benchmark's generated 2,000 activities have 1,308, a
 * school's real year far fewer), so each day is read and each span's words written once.
 */
export function accessibleNamer(locale: Locale): Namer {
	const days = new Map<IsoDate, DayWords>();
	const spans = new Map<IsoDate, Map<IsoDate, string>>();
	const day = (date: IsoDate): DayWords => {
		let words = days.get(date);
		if (words === undefined) {
			days.set(date, (words = { parts: requireDateParts(date), week: isoWeek(date) }));
		}
		return words;
	};
	/** '8.–12. februar 2027, uge 6'. */
	const when = (activity: NamedSpan): string => {
		let ends = spans.get(activity.start);
		if (ends === undefined) spans.set(activity.start, (ends = new Map()));
		let words = ends.get(activity.end);
		if (words === undefined) {
			const from = day(activity.start);
			const to = activity.end === activity.start ? from : day(activity.end);
			const dates = formatDatePartsRange(from.parts, to === from ? null : to.parts, locale, 'long');
			words = `${dates}, ${formatIsoWeekRange(from.week, to.week, locale)}`;
			ends.set(activity.end, words);
		}
		return words;
	};
	// The one order of a name's parts, in its two forms.
	return {
		name: (activity) =>
			// join() gives one flat string; a template literal would keep a tree of parts.
			[activity.title, when(activity)].join(', ') + bookingSuffix(activity.booking),
		write: (w, activity) => {
			w.escaped(activity.title).raw(', ').escaped(when(activity));
			w.escaped(bookingSuffix(activity.booking));
		}
	};
}
