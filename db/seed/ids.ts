import { createHash } from 'node:crypto';
import { DateTime, type WeekdayNumbers } from 'luxon';

/**
 * A stable UUID for a seed row, so that seeding twice updates the same rows instead of adding
 * new ones. Shaped as a version-5-style UUID (sha-based, RFC 4122 variant) for tools that check.
 */
export function seedId(kind: string, key: string): string {
	const bytes = createHash('sha256').update(`aarshjul:${kind}:${key}`).digest();
	bytes[6] = (bytes[6] & 0x0f) | 0x50;
	bytes[8] = (bytes[8] & 0x3f) | 0x80;
	const hex = bytes.subarray(0, 16).toString('hex');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Lowercase ASCII slug: æ→ae, ø→oe, å→aa, other accents dropped, non-alphanumerics → '-'. */
export function slugify(text: string): string {
	return text
		.toLowerCase()
		.replace(/æ/g, 'ae')
		.replace(/ø/g, 'oe')
		.replace(/å/g, 'aa')
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');
}

// Slugs the seed files refer to one another by (each is slugify of the organisation's name).
export const HORSENS = 'horsens-kommune';
export const HEDENSTED = 'hedensted-kommune';
export const ODDER = 'odder-kommune';
export const LEARNMARK = 'learnmark-horsens-tech';
export const INDUSTRIMUSEET = 'industrimuseet';
export const SECRETARIAT = 'di-laerlingeindsatsen';
export const DI_SYD = 'di-sydoestjylland';
export const DI_BYG = 'di-dansk-byggeri-oestjylland';
export const METAL = 'dansk-metal-horsens';
export const TREF = '3f-horsens-og-omegn';
export const LEARNMARK_PLACE = 'Learnmark Horsens – Tech';

/** A company's slug leaves out the legal form: 'Bygholm Stål ApS' → 'bygholm-staal'. */
export function companySlug(name: string): string {
	return slugify(name.replace(/\s+(ApS|A\/S|I\/S)$/, ''));
}

const MONDAY = 1;
const FRIDAY = 5;

/** 'YYYY-MM-DD' of a weekday (1 = Monday … 7 = Sunday) in an ISO week. */
function isoWeekDay(weekYear: number, weekNumber: number, weekday: WeekdayNumbers): string {
	const date = DateTime.fromObject(
		{ weekYear, weekNumber, weekday },
		{ zone: 'Europe/Copenhagen' }
	);
	if (!date.isValid) throw new Error(`Invalid ISO week ${weekYear}-W${weekNumber}-${weekday}`);
	return date.toISODate()!;
}

/** Monday to Friday of an ISO week. */
export function schoolWeek(weekYear: number, weekNumber: number): [string, string] {
	return [isoWeekDay(weekYear, weekNumber, MONDAY), isoWeekDay(weekYear, weekNumber, FRIDAY)];
}

/** Saturday before to Sunday after an ISO week: how a one-week school holiday is written. */
export function holidayWeek(weekYear: number, weekNumber: number): [string, string] {
	const monday = DateTime.fromISO(isoWeekDay(weekYear, weekNumber, MONDAY));
	return [monday.minus({ days: 2 }).toISODate()!, monday.plus({ days: 6 }).toISODate()!];
}
