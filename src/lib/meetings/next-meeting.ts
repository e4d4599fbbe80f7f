import { addDays, parseIsoDate, type IsoDate } from '$lib/platform/dates/iso';
import { monthName } from '$lib/platform/dates/format';

/**
 * The alliance meets every half year ("in March and September"). 26 weeks later keeps the ISO
 * weekday, so a Thursday meeting stays on a Thursday; the secretariat adjusts it in the form.
 */
const WEEKS_BETWEEN_MEETINGS = 26;

export function suggestNextMeetingDate(previous: IsoDate): IsoDate {
	return addDays(previous, WEEKS_BETWEEN_MEETINGS * 7);
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * 'Alliancemøde september 2026' planned for 11 March 2027 becomes 'Alliancemøde marts 2027':
 * the previous meeting's Danish month name and year are swapped for the new date's. A title
 * without them is kept as it is.
 */
export function suggestNextMeetingTitle(title: string, previous: IsoDate, next: IsoDate): string {
	const from = parseIsoDate(previous);
	const to = parseIsoDate(next);
	if (!from || !to) return title;
	const month = new RegExp(`\\b${escape(monthName(from.month, 'da'))}\\b`, 'i');
	const year = new RegExp(`\\b${from.year}\\b`);
	return title.replace(month, monthName(to.month, 'da')).replace(year, String(to.year));
}
