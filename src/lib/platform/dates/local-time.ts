import { ZONE, type IsoDate } from './iso';

// Local (wall-clock) times that do not exist or exist twice. Europe/Copenhagen moves its clocks
// from 02:00 to 03:00 on the last Sunday of March: 02:00–02:59 that day never happens, and
// calendar programs disagree about such an event (calcurse drops it, khal moves it), so forms
// refuse it. On the last Sunday of October 02:00–02:59 happens twice; a time in that hour means
// the FIRST of the two (still summer time, +02:00). That is also what RFC 5545 prescribes for a
// DTSTART with TZID in the repeated hour, so the feeds need no special case.

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;

const partsFormats = new Map<string, Intl.DateTimeFormat>();
function partsFormat(zone: string): Intl.DateTimeFormat {
	let format = partsFormats.get(zone);
	if (!format) {
		format = new Intl.DateTimeFormat('en-US', {
			timeZone: zone,
			hourCycle: 'h23',
			year: 'numeric',
			month: 'numeric',
			day: 'numeric',
			hour: 'numeric',
			minute: 'numeric'
		});
		partsFormats.set(zone, format);
	}
	return format;
}

/** The zone's offset from UTC at an instant, in minutes (whole minutes). */
export function zoneOffsetMinutes(instant: number, zone: string = ZONE): number {
	const parts: Record<string, number> = {};
	for (const p of partsFormat(zone).formatToParts(new Date(instant))) {
		if (p.type !== 'literal') parts[p.type] = Number(p.value);
	}
	const wall = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute);
	return Math.round((wall - Math.floor(instant / MINUTE_MS) * MINUTE_MS) / MINUTE_MS);
}

export type LocalTime =
	| { kind: 'exists'; instant: Date }
	/** Skipped when the clocks go forward. */
	| { kind: 'gap' }
	/** Happens twice when the clocks go back; `instant` is the first, the one we mean. */
	| { kind: 'repeated'; instant: Date; later: Date };

/** What a local date and 'HH:MM' time are in the zone (default Europe/Copenhagen). */
export function resolveLocalTime(date: IsoDate, time: string, zone: string = ZONE): LocalTime {
	const wall = Date.UTC(
		Number(date.slice(0, 4)),
		Number(date.slice(5, 7)) - 1,
		Number(date.slice(8, 10)),
		Number(time.slice(0, 2)),
		Number(time.slice(3, 5))
	);
	// A zone changes its offset at most once within two days: the offsets a day either side are
	// the only candidates.
	const offsets = new Set([
		zoneOffsetMinutes(wall - DAY_MS, zone),
		zoneOffsetMinutes(wall + DAY_MS, zone)
	]);
	const instants = [...offsets]
		.map((offset) => wall - offset * MINUTE_MS)
		.filter((instant) => wall - zoneOffsetMinutes(instant, zone) * MINUTE_MS === instant)
		.sort((a, b) => a - b);
	if (instants.length === 0) return { kind: 'gap' };
	if (instants.length === 1) return { kind: 'exists', instant: new Date(instants[0]) };
	return { kind: 'repeated', instant: new Date(instants[0]), later: new Date(instants[1]) };
}

/** True when the local time never happens that day (the spring gap). */
export function isSkippedLocalTime(date: IsoDate, time: string, zone: string = ZONE): boolean {
	return resolveLocalTime(date, time, zone).kind === 'gap';
}

/** The instant a local date and time mean: the first of a repeated hour; null in the gap. */
export function localTimeInstant(date: IsoDate, time: string, zone: string = ZONE): Date | null {
	const local = resolveLocalTime(date, time, zone);
	return local.kind === 'gap' ? null : local.instant;
}

/**
 * A moment (a feed's last fetch, an edit, a sent mail) as Copenhagen's clock shows it, in the
 * reader's language: "6. dec. 2026 15.52" / "6 Dec 2026, 15:52".
 */
export function formatMoment(
	moment: Date | string,
	locale: 'da' | 'en',
	style: { date: 'medium' | 'long'; time: 'short' | 'medium' } = { date: 'medium', time: 'short' }
): string {
	return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'da-DK', {
		timeZone: ZONE,
		dateStyle: style.date,
		timeStyle: style.time
	}).format(new Date(moment));
}
