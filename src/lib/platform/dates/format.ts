import { requireDateParts, weekday, type DateParts, type IsoDate } from './iso';
import { formatWeekRange, type Locale } from './weeks';

export type DateStyle = 'short' | 'long';

// Fixed tables rather than Intl: output must not depend on the ICU data of the server or browser.
const MONTHS: Record<Locale, Record<DateStyle, string[]>> = {
	da: {
		short: [
			'jan.',
			'feb.',
			'mar.',
			'apr.',
			'maj',
			'jun.',
			'jul.',
			'aug.',
			'sep.',
			'okt.',
			'nov.',
			'dec.'
		],
		long: [
			'januar',
			'februar',
			'marts',
			'april',
			'maj',
			'juni',
			'juli',
			'august',
			'september',
			'oktober',
			'november',
			'december'
		]
	},
	en: {
		short: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
		long: [
			'January',
			'February',
			'March',
			'April',
			'May',
			'June',
			'July',
			'August',
			'September',
			'October',
			'November',
			'December'
		]
	}
};

const WEEKDAYS: Record<Locale, string[]> = {
	da: ['mandag', 'tirsdag', 'onsdag', 'torsdag', 'fredag', 'lørdag', 'søndag'],
	en: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']
};

export function monthName(month: number, locale: Locale = 'da', style: DateStyle = 'long'): string {
	return MONTHS[locale][style][month - 1];
}

export function weekdayName(isoWeekday: number, locale: Locale = 'da'): string {
	return WEEKDAYS[locale][isoWeekday - 1];
}

function dayText(day: number, locale: Locale): string {
	return locale === 'da' ? `${day}.` : String(day);
}

/** '12. okt. 2026' (da) or '12 Oct 2026' (en); style 'long' spells the month out. */
export function formatDate(
	date: IsoDate,
	locale: Locale = 'da',
	style: DateStyle = 'short'
): string {
	return formatDateParts(requireDateParts(date), locale, style);
}

function formatDateParts(
	{ year, month, day }: DateParts,
	locale: Locale,
	style: DateStyle
): string {
	return `${dayText(day, locale)} ${monthName(month, locale, style)} ${year}`;
}

/**
 * '8.–12. feb. 2027', '26. feb.–5. mar. 2027', '28. dec. 2026–3. jan. 2027';
 * in English '8–12 Feb 2027'. A one-day span is written as a single date.
 */
export function formatDateRange(
	start: IsoDate,
	end: IsoDate = start,
	locale: Locale = 'da',
	style: DateStyle = 'short'
): string {
	const from = requireDateParts(start);
	return formatDatePartsRange(from, start === end ? null : requireDateParts(end), locale, style);
}

/** formatDateRange of dates already parsed; `to` null for a one-day span. */
export function formatDatePartsRange(
	from: DateParts,
	to: DateParts | null,
	locale: Locale = 'da',
	style: DateStyle = 'short'
): string {
	if (to === null) return formatDateParts(from, locale, style);
	const last = formatDateParts(to, locale, style);
	if (from.year !== to.year) return `${formatDateParts(from, locale, style)}–${last}`;
	if (from.month !== to.month) {
		return `${dayText(from.day, locale)} ${monthName(from.month, locale, style)}–${last}`;
	}
	return `${dayText(from.day, locale)}–${last}`;
}

/** '8.–12. feb. 2027 (uge 6)'. */
export function formatDateRangeWithWeeks(
	start: IsoDate,
	end: IsoDate = start,
	locale: Locale = 'da',
	style: DateStyle = 'short'
): string {
	return `${formatDateRange(start, end, locale, style)} (${formatWeekRange(start, end, locale)})`;
}

/** 'mandag 8. februar 2027' (da) or 'Monday 8 February 2027' (en). */
export function formatLongDate(date: IsoDate, locale: Locale = 'da'): string {
	return `${weekdayName(weekday(date), locale)} ${formatDate(date, locale, 'long')}`;
}

/** 'kl. 9.30' (da, Danish uses a full stop between hours and minutes) or '09:30' (en). */
export function formatTime(time: string, locale: Locale = 'da'): string {
	const [hours, minutes] = time.split(':');
	return locale === 'da' ? `kl. ${Number(hours)}.${minutes}` : `${hours}:${minutes}`;
}
