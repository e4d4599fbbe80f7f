import ICAL from 'ical.js';
import type { Kysely } from 'kysely';
import type { DB } from '../../src/lib/platform/server/db/schema';
import { GET } from '../../src/routes/feeds/[file]/+server';
import { fakeLocals } from './organisation.fixtures';

// Parsing feeds with ical.js (the parser Thunderbird uses), independent of ical-generator.

export const ORIGIN = 'https://aarshjul.example';

export interface ParsedEvent {
	uid: string;
	summary: string;
	sequence: number;
	status: string;
	start: ICAL.Time;
	end: ICAL.Time;
	raw: ICAL.Component;
}

export function parseFeed(body: string): { calendar: ICAL.Component; events: ParsedEvent[] } {
	const calendar = new ICAL.Component(ICAL.parse(body));
	for (const tz of calendar.getAllSubcomponents('vtimezone')) {
		ICAL.TimezoneService.register(tz);
	}
	const events = calendar.getAllSubcomponents('vevent').map((raw) => {
		const event = new ICAL.Event(raw);
		return {
			uid: event.uid,
			summary: event.summary,
			sequence: event.sequence,
			status: String(raw.getFirstPropertyValue('status')),
			start: event.startDate,
			end: event.endDate,
			raw
		};
	});
	return { calendar, events };
}

const wall = new Intl.DateTimeFormat('en-GB', {
	timeZone: 'Europe/Copenhagen',
	year: 'numeric',
	month: '2-digit',
	day: '2-digit',
	hour: '2-digit',
	minute: '2-digit',
	hourCycle: 'h23'
});

/** The instant as Copenhagen wall time 'DD/MM/YYYY, HH:MM', whatever the process zone. */
export function copenhagenWallTime(time: ICAL.Time): string {
	return wall.format(time.toJSDate());
}

/** Every physical line of the body, in octets. */
export function longestLineOctets(body: string): number {
	return Math.max(...body.split('\r\n').map((line) => Buffer.byteLength(line)));
}

/** The activity of an event's UID; a multi-day activity with daily times has one per day (-YYYYMMDD). */
export const activityIdOf = (uid: string) =>
	uid
		.replace(/^activity-/, '')
		.replace(/@aarshjul$/, '')
		.replace(/-\d{8}$/, '');

export async function insertOfferWithBooking(
	db: Kysely<DB>,
	input: {
		activityId: string;
		schoolId: string;
		status: DB['booking']['status'] extends infer S ? Exclude<S, undefined> : never;
		classLabel?: string;
	}
): Promise<{ offerId: string; bookingId: string }> {
	const offer = await db
		.insertInto('offer')
		.values({
			activityId: input.activityId,
			kind: 'visit',
			gradeLevels: [8],
			capacity: 30,
			contactName: 'Lars Bøgh',
			contactEmail: 'lars@smedjen.example',
			address: 'Smedevej 1, 8700 Horsens'
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	const booking = await db
		.insertInto('booking')
		.values({
			offerId: offer.id,
			schoolId: input.schoolId,
			classLabel: input.classLabel ?? '8.b',
			seats: 24,
			teacherName: 'Åse Ølgaard',
			teacherEmail: 'aase@skole.example',
			status: input.status,
			idempotencyKey: crypto.randomUUID()
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	return { offerId: offer.id, bookingId: booking.id };
}

/** What the SvelteKit route /feeds/<file> answers to a GET from a calendar client. */
export function getFeed(origin: string, file: string, headers: Record<string, string> = {}) {
	const url = new URL(`${origin}/feeds/${file}`);
	return GET({
		params: { file },
		url,
		request: new Request(url, { headers }),
		locals: fakeLocals(null)
	} as never) as Promise<Response>;
}
