import ical, { ICalEventStatus } from 'ical-generator';
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import { eventTimes } from './ical-time';
import { withoutForbiddenCharacters } from '$lib/platform/input-text';

export { eventTimes, nextDay, wallTime, type WallTime } from './ical-time';

// Pure iCalendar rendering. The trap: ical-generator formats plain Dates in the
// server's zone when a calendar-level zone name is set. So the calendar only carries the VTIMEZONE
// generator; events come from a second calendar without a zone (DTSTAMP/LAST-MODIFIED stay UTC
// with Z), and each timed event gets TZID=Europe/Copenhagen with its Copenhagen wall time.

export const ZONE = 'Europe/Copenhagen';
/** How often clients should poll: REFRESH-INTERVAL and X-PUBLISHED-TTL. */
const FEED_TTL_SECONDS = 60 * 60;

export type FeedEventStatus = 'TENTATIVE' | 'CONFIRMED' | 'CANCELLED';

export interface FeedEvent {
	uid: string;
	sequence: number;
	summary: string;
	/** Inclusive Copenhagen dates 'YYYY-MM-DD'. */
	startDate: string;
	endDate: string;
	/** 'HH:MM:SS' Copenhagen wall time; null = all-day. */
	startTime: string | null;
	endTime: string | null;
	status: FeedEventStatus;
	location: string;
	description: string;
	categories: string[];
	url: string | null;
	/** Used for DTSTAMP and LAST-MODIFIED (no METHOD, so DTSTAMP is the last revision). */
	modifiedAt: Date;
}

const STATUS = {
	TENTATIVE: ICalEventStatus.TENTATIVE,
	CONFIRMED: ICalEventStatus.CONFIRMED,
	CANCELLED: ICalEventStatus.CANCELLED
} as const;

/**
 * Folds a content line at 75 octets (RFC 5545 3.1) without splitting a UTF-8 sequence.
 * ical-generator folds too, but encodes character by character (about 1 s for 600 kB), so the
 * events are rendered by ical-generator and folded here.
 */
export function foldLine(line: string): string {
	if (line.length <= 24 || (line.length <= 75 && Buffer.byteLength(line) <= 75)) return line;
	let out = '';
	let from = 0;
	let bytes = 0;
	// 74 octets per physical line: a continuation line starts with one space.
	for (let i = 0; i < line.length; i++) {
		const code = line.charCodeAt(i);
		const pair = code >= 0xd800 && code <= 0xdbff && i + 1 < line.length;
		const size = code < 0x80 ? 1 : code < 0x800 ? 2 : pair ? 4 : 3;
		if (bytes + size > 74) {
			out += (out ? '\r\n ' : '') + line.slice(from, i);
			from = i;
			bytes = 0;
		}
		bytes += size;
		if (pair) i++;
	}
	return out + (out ? '\r\n ' : '') + line.slice(from);
}

function foldAll(text: string): string {
	return text.split('\r\n').map(foldLine).join('\r\n');
}

const factory = ical();
/**
 * Rendered events by their full content: ical-generator needs ~25 µs per event, a hit ~0. Found by
 * uid, then compared field by field with the event they were made from (a uid may be rendered in a
 * few ways, e.g. with another origin, so each keeps up to VARIANTS). No key string is built per
 * event: with 20,000 events that was 10 MB of garbage per render, and the time per event grew with
 * the feed. Bounded by characters, least recently used uid out first: about 50,000 events of a
 * typical size fit, so a feed of 20,000 events (or several smaller ones) re-renders only what
 * changed. A count of 20,000 used to be the limit; a feed just over it evicted its own first events
 * on every render and took twice as long.
 */
interface Rendered {
	event: FeedEvent;
	text: string;
	chars: number;
}
const rendered = new Map<string, Rendered[]>();
const RENDERED_CHARS = 64 * 1024 * 1024;
const VARIANTS = 4;
let renderedChars = 0;
let renderedCount = 0;

function sameEvent(a: FeedEvent, b: FeedEvent): boolean {
	return (
		a.sequence === b.sequence &&
		a.modifiedAt.getTime() === b.modifiedAt.getTime() &&
		a.summary === b.summary &&
		a.startDate === b.startDate &&
		a.endDate === b.endDate &&
		a.startTime === b.startTime &&
		a.endTime === b.endTime &&
		a.status === b.status &&
		a.location === b.location &&
		a.description === b.description &&
		a.url === b.url &&
		a.categories.length === b.categories.length &&
		a.categories.every((name, i) => name === b.categories[i])
	);
}

/** How many rendered events the cache holds (for tests and benchmarks). */
export function renderedEventCount(): number {
	return renderedCount;
}

function remember(e: FeedEvent, text: string): void {
	// A copy: the caller's object may change after this.
	const entry = { event: { ...e, categories: [...e.categories] }, text, chars: 0 };
	entry.chars = text.length + e.summary.length + e.location.length + e.description.length + 200;
	const variants = rendered.get(e.uid) ?? [];
	rendered.delete(e.uid);
	variants.push(entry);
	renderedChars += entry.chars;
	renderedCount += 1;
	if (variants.length > VARIANTS) {
		const dropped = variants.shift()!;
		renderedChars -= dropped.chars;
		renderedCount -= 1;
	}
	rendered.set(e.uid, variants);
	while (renderedChars > RENDERED_CHARS) {
		const [oldUid, oldVariants] = rendered.entries().next().value!;
		rendered.delete(oldUid);
		for (const old of oldVariants) renderedChars -= old.chars;
		renderedCount -= oldVariants.length;
	}
}

export function renderEvent(e: FeedEvent): string {
	const variants = rendered.get(e.uid);
	const hit = variants?.find((v) => sameEvent(v.event, e));
	if (hit !== undefined) {
		// Most recently used last (a Map keeps insertion order).
		rendered.delete(e.uid);
		rendered.set(e.uid, variants!);
		return hit.text;
	}
	const { allDay, start, end } = eventTimes(e);
	const event = factory.createEvent({
		id: e.uid,
		sequence: e.sequence,
		// A Temporal.PlainDateTime look-alike (see WallTime); ical-generator's types name Temporal.
		start: start as never,
		end: end as never,
		allDay,
		timezone: ZONE,
		summary: withoutForbiddenCharacters(e.summary),
		status: STATUS[e.status],
		// RFC 5545 allows no control characters in text; older rows may hold some.
		location: withoutForbiddenCharacters(e.location) || null,
		description: withoutForbiddenCharacters(e.description) || null,
		categories: e.categories.map((name) => ({ name: withoutForbiddenCharacters(name) })),
		url: e.url,
		stamp: e.modifiedAt,
		lastModified: e.modifiedAt
	});
	const text = foldAll(event.toString());
	factory.clear();
	remember(e, text);
	return text;
}

let shells = new Map<string, string>();

/** RFC 5545 3.6: the calendar's own properties come before its components; ical-generator
 * writes the VTIMEZONE first, so it is moved to the end (the events follow it). */
function calendarPropertiesFirst(text: string): string {
	const start = text.indexOf('BEGIN:VTIMEZONE');
	const endMark = 'END:VTIMEZONE\r\n';
	const end = text.lastIndexOf(endMark);
	if (start < 0 || end < 0) return text;
	const zone = text.slice(start, end + endMark.length);
	const rest = text.slice(0, start) + text.slice(end + endMark.length);
	const close = rest.lastIndexOf('END:VCALENDAR');
	return rest.slice(0, close) + zone + rest.slice(close);
}

/** The calendar without events; it carries the zone (VTIMEZONE, X-WR-TIMEZONE). With a zone name
 * on the calendar ical-generator would write DTSTAMP in local time (the trap), so events come
 * from `factory`, a calendar without one. */
function shell(name: string): string {
	let text = shells.get(name);
	if (text === undefined) {
		text = ical({
			name,
			prodId: { company: 'Aarshjul', product: 'Feeds', language: 'DA' },
			ttl: FEED_TTL_SECONDS,
			timezone: { name: ZONE, generator: getVtimezoneComponent }
		}).toString();
		text = calendarPropertiesFirst(text);
		if (shells.size >= 1000) shells = new Map();
		shells.set(name, text);
	}
	return text;
}

export function renderCalendar(input: { name: string; events: FeedEvent[] }): string {
	const text = shell(input.name);
	const end = text.lastIndexOf('END:VCALENDAR');
	const parts = [text.slice(0, end)];
	for (const e of input.events) parts.push(renderEvent(e));
	parts.push(text.slice(end), '\r\n');
	return parts.join('');
}
