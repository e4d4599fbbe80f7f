import type { Kysely } from 'kysely';
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';
import type { DB } from '$lib/platform/server/db/schema';
import { resolveFeedSpec, type FeedSpec, type FeedTarget } from './scope';
import {
	feedWindow,
	findFeedActivities,
	findFeedBookings,
	findFeedHolidays,
	findFeedVersion,
	findProviderBookings,
	type FeedChoices,
	type FeedWindow
} from './queries';
import {
	activityEvent,
	bookingEvent,
	eventsPerDay,
	holidayEvent,
	type EventContext
} from './events';
import { renderCalendar, ZONE, type FeedEvent } from './ical';
import { settleLastModified } from './last-modified';

export { resolveFeedSpec, PUBLIC_FEED, type FeedSpec, type FeedTarget } from './scope';

/** Bump when the body changes for the same data (new fields, texts), so ETags change too. */
const FORMAT_VERSION = 3;

export interface FeedOptions extends FeedChoices {
	/** Links in the feed point here, e.g. https://aarshjul.example */
	origin: string;
	now?: Date;
	/** Add the municipality's school holidays as all-day events (?ferier=1). */
	holidays?: boolean;
}

export interface FeedValidators {
	etag: string;
	lastModified: Date | null;
}

export interface BuiltFeed extends FeedValidators {
	body: string;
}

const copenhagenDay = new Intl.DateTimeFormat('en-CA', {
	timeZone: ZONE,
	year: 'numeric',
	month: '2-digit',
	day: '2-digit'
});

/** The Copenhagen calendar date of an instant, 'YYYY-MM-DD'. */
export function copenhagenDate(now: Date): string {
	return copenhagenDay.format(now);
}

function context(spec: FeedSpec, options: FeedOptions) {
	const now = options.now ?? new Date();
	const today = copenhagenDate(now);
	return {
		now,
		today,
		window: feedWindow(now, today, options),
		holidays: options.holidays === true
	};
}

/**
 * ETag and Last-Modified from counts and latest changes (one query, no rows): the day is part of
 * it because the feed's window and its 60 days of cancellations move with the date.
 */
export async function feedValidators(
	db: Kysely<DB>,
	spec: FeedSpec,
	options: FeedOptions
): Promise<FeedValidators> {
	const { today, window, holidays } = context(spec, options);
	const version = await findFeedVersion(db, spec, window, holidays);
	const parts = [
		FORMAT_VERSION,
		spec.key,
		spec.name,
		holidays,
		window.from,
		window.withoutCancelled,
		options.origin,
		today,
		version.activities,
		version.bookings,
		version.providerBookings,
		version.holidays,
		version.lastModified?.getTime() ?? 0
	];
	const hash = encodeHexLowerCase(sha256(new TextEncoder().encode(parts.join('|'))));
	const etag = `"${hash.slice(0, 32)}"`;
	const variant = [
		spec.key,
		holidays,
		options.upcomingOnly === true,
		window.withoutCancelled,
		options.origin
	].join('|');
	const lastModified = await settleLastModified(
		db,
		variant,
		etag,
		version.lastModified,
		options.now ?? new Date()
	);
	return { etag, lastModified };
}

async function feedEvents(
	db: Kysely<DB>,
	spec: FeedSpec,
	window: FeedWindow,
	options: FeedOptions & { holidays: boolean; now: Date }
): Promise<FeedEvent[]> {
	const ctx: EventContext = {
		origin: options.origin,
		showContacts: spec.audience !== null,
		nameSchools: spec.bookingSchoolIds.length > 1
	};
	const activities = await findFeedActivities(db, spec, window);
	const provided = spec.providerIds.length
		? await findProviderBookings(db, spec, window)
		: new Map();
	const bookings = spec.bookingSchoolIds.length ? await findFeedBookings(db, spec, window) : [];
	const municipalities = options.holidays ? spec.holidayMunicipalityIds : [];
	const holidays = municipalities.length ? await findFeedHolidays(db, municipalities, window) : [];
	const stamp = new Date(`${copenhagenDate(options.now)}T00:00:00Z`);
	return [
		...activities.flatMap((row) => eventsPerDay(activityEvent(row, ctx, provided.get(row.id)))),
		...bookings.flatMap((row) => eventsPerDay(bookingEvent(row, ctx))),
		...holidays.map((row) => holidayEvent(row, stamp, municipalities.length > 1))
	];
}

/** The body of a feed whose spec is known (validators computed separately, see feedValidators). */
export async function buildFeedBody(
	db: Kysely<DB>,
	spec: FeedSpec,
	options: FeedOptions
): Promise<string> {
	const { now, window, holidays } = context(spec, options);
	const events = await feedEvents(db, spec, window, { ...options, now, holidays });
	return renderCalendar({ name: spec.name, events });
}

/** The whole feed of a subject (or the public feed), or null when the subject is gone. */
export async function buildFeed(
	db: Kysely<DB>,
	target: FeedTarget,
	options: FeedOptions
): Promise<BuiltFeed | null> {
	const spec = await resolveFeedSpec(db, target);
	if (!spec) return null;
	const validators = await feedValidators(db, spec, options);
	return { ...validators, body: await buildFeedBody(db, spec, options) };
}
