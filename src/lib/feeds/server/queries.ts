import {
	sql,
	type Expression,
	type ExpressionBuilder,
	type Kysely,
	type SelectQueryBuilder,
	type SqlBool
} from 'kysely';
import type { DB } from '$lib/platform/server/db/schema';
import {
	ACTIVITY_WHEN_COLUMNS,
	holidayRowsWithMunicipality,
	schoolHolidaysTouching,
	visibilityFilter
} from '$lib/activities/server';
import { bookingsWithParties, OPEN_STATUSES } from '$lib/bookings/server';
import type { FeedSpec } from './scope';
import type { FeedSubject } from './token';

// The feeds' SQL: the rows of a feed (every query over activities applies
// visibilityFilter(spec.audience)), its versions, its addresses and their health.

/** Cancelled events stay this long after the cancellation, so subscribed calendars remove them. */
const CANCELLED_KEPT_DAYS = 60;
/** Events that ended more than this long ago are left out: Google drops feeds over ~1 MB. */
const PAST_DAYS = 60;
const DAY_MS = 24 * 60 * 60 * 1000;
/** Matches no row (SQL has no empty list). */
const NO_ID = '00000000-0000-0000-0000-000000000000';

/** What a subscriber chose for the address (URL parameters, see feed-serve.ts). */
export interface FeedChoices {
	/** Only events that have not ended yet. */
	upcomingOnly?: boolean;
	/** Leave cancelled events (and declined or cancelled bookings) out. */
	withoutCancelled?: boolean;
}

export interface FeedWindow {
	/** Activities ending before this Copenhagen date are left out. */
	from: string;
	/** Activities starting after this Copenhagen date are left out: the end of the next school
	 * year (school years run 1 August – 31 July). */
	to: string;
	/** Cancelled (or ended) bookings/activities changed before this instant are left out. */
	cancelledSince: Date;
	/** No cancelled activities, no declined or cancelled bookings. */
	withoutCancelled: boolean;
}

/** 31 July of the school year after the one `today` falls in. */
export function endOfNextSchoolYear(today: string): string {
	const year = Number(today.slice(0, 4));
	const month = Number(today.slice(5, 7));
	return `${month >= 8 ? year + 2 : year + 1}-07-31`;
}

export function feedWindow(now: Date, today: string, choices: FeedChoices = {}): FeedWindow {
	const from = choices.upcomingOnly
		? today
		: new Date(Date.parse(`${today}T00:00:00Z`) - PAST_DAYS * DAY_MS).toISOString().slice(0, 10);
	return {
		from,
		to: endOfNextSchoolYear(today),
		cancelledSince: new Date(now.getTime() - CANCELLED_KEPT_DAYS * DAY_MS),
		withoutCancelled: choices.withoutCancelled === true
	};
}

type ActivityEb = ExpressionBuilder<DB, 'activity'>;

/** `column in (ids)`, false for no ids (SQL has no empty list). */
function inList<T extends keyof DB>(
	eb: ExpressionBuilder<DB, T>,
	column: Parameters<ExpressionBuilder<DB, T>['ref']>[0],
	ids: string[]
): Expression<SqlBool> {
	return ids.length ? eb(eb.ref(column), 'in', ids as never) : eb.lit(false);
}

function hasOffer(eb: ActivityEb) {
	return eb.exists(
		eb
			.selectFrom('offer as fo')
			.select(eb.lit(1).as('one'))
			.whereRef('fo.activityId', '=', 'activity.id')
	);
}

function participants(eb: ActivityEb, orgIds?: string[]) {
	let q = eb
		.selectFrom('activityParticipant as fp')
		.select(eb.lit(1).as('one'))
		.whereRef('fp.activityId', '=', 'activity.id');
	if (orgIds) q = q.where('fp.organisationId', 'in', orgIds);
	return eb.exists(q);
}

/**
 * Whether a live booking of these schools stands for the offer's activity: the booking's event
 * (with its class and status) is then the activity in the feed, not a second copy of it.
 */
function bookedBy(eb: ActivityEb, schoolIds: string[]) {
	if (schoolIds.length === 0) return eb.lit(false);
	return eb.exists(
		eb
			.selectFrom('offer as bo')
			.innerJoin('booking as bb', 'bb.offerId', 'bo.id')
			.select(eb.lit(1).as('one'))
			.whereRef('bo.activityId', '=', 'activity.id')
			.where('bb.schoolId', 'in', schoolIds)
			.where('bb.status', 'in', OPEN_STATUSES)
	);
}

/**
 * For the whole alliance: what every partner sees on the wheel because of its visibility (public
 * or alliance), whoever owns it and whichever organisations it names as taking part. Naming a
 * co-organiser does not make an event any less the alliance's.
 */
function forWholeAlliance(eb: ActivityEb) {
	return eb('activity.visibility', 'in', ['public', 'alliance']);
}

/** Which activities the spec holds (besides visibility and the window). An offer a school has
 * booked reaches it as its booking; its owner gets the offer's activity itself. */
function contentFilter(spec: FeedSpec) {
	return (eb: ActivityEb): Expression<SqlBool> => {
		if (spec.everything) return eb.lit(true);
		const parts: Expression<SqlBool>[] = [];
		if (spec.orgIds.length) {
			parts.push(eb('activity.ownerId', 'in', spec.orgIds));
			parts.push(eb.and([eb.not(hasOffer(eb)), participants(eb, spec.orgIds)]));
		}
		if (spec.allianceWide) {
			parts.push(eb.and([forWholeAlliance(eb), eb.not(bookedBy(eb, spec.bookingSchoolIds))]));
		}
		return parts.length ? eb.or(parts) : eb.lit(false);
	};
}

export function feedActivitiesQuery(db: Kysely<DB>, spec: FeedSpec, window: FeedWindow) {
	return db
		.selectFrom('activity')
		.where(visibilityFilter(spec.audience))
		.where(contentFilter(spec))
		.where('activity.endDate', '>=', window.from)
		.where('activity.startDate', '<=', window.to)
		.where((eb) =>
			window.withoutCancelled
				? eb('activity.status', '=', 'planned')
				: eb.or([
						eb('activity.status', '=', 'planned'),
						eb('activity.updatedAt', '>=', window.cancelledSince)
					])
		);
}

/** Bookings with their offer's activity, the activity touching the window. */
function bookingsInWindow(db: Kysely<DB>, window: FeedWindow) {
	return db
		.selectFrom('booking')
		.innerJoin('offer', 'offer.id', 'booking.offerId')
		.innerJoin('activity', 'activity.id', 'offer.activityId')
		.where('activity.endDate', '>=', window.from)
		.where('activity.startDate', '<=', window.to);
}

/** Bookings made by the spec's schools, on activities the audience may see. */
export function feedBookingsQuery(db: Kysely<DB>, spec: FeedSpec, window: FeedWindow) {
	return bookingsInWindow(db, window)
		.where((eb) => inList(eb, 'booking.schoolId', spec.bookingSchoolIds))
		.where(visibilityFilter(spec.audience))
		.where((eb) => {
			const live = eb.and([
				eb('booking.status', 'in', OPEN_STATUSES),
				eb('activity.status', '=', 'planned')
			]);
			if (window.withoutCancelled) return live;
			return eb.or([
				live,
				eb('booking.updatedAt', '>=', window.cancelledSince),
				eb('activity.updatedAt', '>=', window.cancelledSince)
			]);
		});
}

/** Every booking on the providers' offers (the current ones are listed, all count as changes). */
export function providerBookingsQuery(db: Kysely<DB>, spec: FeedSpec, window: FeedWindow) {
	return bookingsInWindow(db, window).where((eb) =>
		inList(eb, 'activity.ownerId', spec.providerIds)
	);
}

export function feedHolidaysQuery(db: Kysely<DB>, municipalityIds: string[], window: FeedWindow) {
	return schoolHolidaysTouching(db, municipalityIds, window.from, window.to);
}

// The rows a feed body is built from (findFeedVersion below counts the same sets).

/** What an event says about its activity (the activity's id comes apart: a booking's event has
 * its own). */
const EVENT_COLUMNS = [
	...ACTIVITY_WHEN_COLUMNS,
	'activity.description',
	'activity.sequence',
	'activity.updatedAt',
	'category.nameDa as categoryName',
	'owner.name as ownerName',
	'owner.address as ownerAddress',
	'offer.contactName',
	'offer.contactEmail',
	'offer.address as offerAddress',
	'offer.updatedAt as offerUpdatedAt'
] as const;

const ACTIVITY_COLUMNS = ['activity.id', ...EVENT_COLUMNS] as const;

/** The activities of `query` as feed rows: with their category, owner and offer (if any). */
function activityFeedRows(query: SelectQueryBuilder<DB, 'activity', object>) {
	return query
		.innerJoin('category', 'category.id', 'activity.categoryId')
		.innerJoin('organisation as owner', 'owner.id', 'activity.ownerId')
		.leftJoin('offer', 'offer.activityId', 'activity.id')
		.select(ACTIVITY_COLUMNS);
}

export async function findFeedActivities(db: Kysely<DB>, spec: FeedSpec, window: FeedWindow) {
	return activityFeedRows(feedActivitiesQuery(db, spec, window))
		.orderBy('activity.startDate')
		.orderBy('activity.id')
		.execute();
}

/** One activity as a feed row; the caller has checked that the user may see it. */
export async function findActivityFeedRow(db: Kysely<DB>, id: string) {
	return activityFeedRows(db.selectFrom('activity'))
		.where('activity.id', '=', id)
		.executeTakeFirst();
}
export type FeedActivityRow = Awaited<ReturnType<typeof findFeedActivities>>[number];

export async function findFeedBookings(db: Kysely<DB>, spec: FeedSpec, window: FeedWindow) {
	return feedBookingsQuery(db, spec, window)
		.innerJoin('category', 'category.id', 'activity.categoryId')
		.innerJoin('organisation as owner', 'owner.id', 'activity.ownerId')
		.innerJoin('organisation as school', 'school.id', 'booking.schoolId')
		.select([
			'booking.id',
			'booking.status as bookingStatus',
			'booking.classLabel',
			'booking.seats',
			'booking.teacherName',
			'booking.teacherEmail',
			'booking.updatedAt as bookingUpdatedAt',
			'school.name as schoolName',
			'activity.id as activityId',
			...EVENT_COLUMNS
		])
		.orderBy('activity.startDate')
		.orderBy('booking.id')
		.execute();
}
export type FeedBookingRow = Awaited<ReturnType<typeof findFeedBookings>>[number];

/** Every booking on the providers' offers, by activity id (the open ones are listed). */
export async function findProviderBookings(db: Kysely<DB>, spec: FeedSpec, window: FeedWindow) {
	const rows = await providerBookingsQuery(db, spec, window)
		.innerJoin('organisation as school', 'school.id', 'booking.schoolId')
		.select([
			'activity.id as activityId',
			'booking.status',
			'booking.classLabel',
			'booking.seats',
			'booking.teacherName',
			'booking.teacherEmail',
			'booking.updatedAt',
			'school.name as schoolName'
		])
		.orderBy('school.name')
		.orderBy('booking.classLabel')
		.execute();
	const byActivity = new Map<string, typeof rows>();
	for (const row of rows) {
		const list = byActivity.get(row.activityId) ?? [];
		list.push(row);
		byActivity.set(row.activityId, list);
	}
	return byActivity;
}
export type ProviderBookingRow =
	Awaited<ReturnType<typeof findProviderBookings>> extends Map<string, (infer R)[]> ? R : never;

export async function findFeedHolidays(
	db: Kysely<DB>,
	municipalityIds: string[],
	window: FeedWindow
) {
	return holidayRowsWithMunicipality(feedHolidaysQuery(db, municipalityIds, window))
		.orderBy('schoolHoliday.id')
		.execute();
}
export type FeedHolidayRow = Awaited<ReturnType<typeof findFeedHolidays>>[number];

export interface FeedVersion {
	activities: number;
	bookings: number;
	providerBookings: number;
	holidays: string;
	lastModified: Date | null;
}

const latest = (...dates: (Date | string | null)[]) =>
	dates.reduce<Date | null>((max, d) => {
		if (d === null) return max;
		const date = new Date(d);
		return max === null || date > max ? date : max;
	}, null);

/** Counts and latest changes of everything in the feed, in one query and without its rows. */
export async function findFeedVersion(
	db: Kysely<DB>,
	spec: FeedSpec,
	window: FeedWindow,
	holidays: boolean
): Promise<FeedVersion> {
	const a = feedActivitiesQuery(db, spec, window)
		.leftJoin('offer', 'offer.activityId', 'activity.id')
		.select((eb) => [
			eb.fn.countAll<string>().as('n'),
			eb.fn.max('activity.updatedAt').as('m'),
			eb.fn.max('offer.updatedAt').as('om')
		]);
	const b = feedBookingsQuery(db, spec, window).select((eb) => [
		eb.fn.countAll<string>().as('n'),
		sql<Date | null>`max(greatest(booking.updated_at, offer.updated_at, activity.updated_at))`.as(
			'm'
		)
	]);
	const p = providerBookingsQuery(db, spec, window).select((eb) => [
		eb.fn.countAll<string>().as('n'),
		eb.fn.max('booking.updatedAt').as('m')
	]);
	const h = feedHolidaysQuery(db, holidays ? spec.holidayMunicipalityIds : [], window).select(
		sql<string>`coalesce(md5(string_agg(id::text || start_date || end_date || name, ',' order by id)), '')`.as(
			'sig'
		)
	);
	const o = db.selectFrom('organisation').select((eb) => eb.fn.max('updatedAt').as('m'));
	const row = await db
		.selectFrom([a.as('a'), b.as('b'), p.as('p'), h.as('h'), o.as('o')])
		.select([
			'a.n as an',
			'a.m as am',
			'a.om as aom',
			'b.n as bn',
			'b.m as bm',
			'p.n as pn',
			'p.m as pm',
			'h.sig as hs',
			'o.m as om'
		])
		.executeTakeFirstOrThrow();
	return {
		activities: Number(row.an),
		bookings: Number(row.bn),
		providerBookings: Number(row.pn),
		holidays: row.hs,
		lastModified: latest(row.am, row.aom, row.bm, row.pm, row.om)
	};
}

/**
 * Records a fetch of the live address with this token hash. Raw SQL on purpose: a Kysely write to
 * feed_token tells the feed caches to drop everything (see cache.ts), and a fetch changes no feed.
 */
export async function recordFeedFetchRow(
	db: Kysely<DB>,
	tokenHash: Uint8Array,
	at: Date,
	client: string,
	size: number | null
): Promise<void> {
	await sql`
		update feed_token
		set last_fetched_at = ${at}, last_client = ${client},
			last_size = coalesce(${size}::integer, last_size)
		where token_hash = ${tokenHash} and revoked_at is null`.execute(db);
}

const HEALTH_COLUMNS = [
	'feedToken.id',
	'feedToken.createdAt',
	'feedToken.lastFetchedAt',
	'feedToken.lastClient',
	'feedToken.lastSize'
] as const;

/** Live personal addresses of the organisation's members (never the hash of their secret). */
export function findMemberFeedRows(db: Kysely<DB>, organisationId: string) {
	return db
		.selectFrom('feedToken')
		.innerJoin('membership', 'membership.userId', 'feedToken.userId')
		.innerJoin('appUser', 'appUser.id', 'feedToken.userId')
		.select([...HEALTH_COLUMNS, 'appUser.id as userId', 'appUser.name', 'appUser.email'])
		.where('membership.organisationId', '=', organisationId)
		.where('feedToken.revokedAt', 'is', null)
		.orderBy('appUser.name')
		.orderBy('appUser.email')
		.execute();
}

/** Health of the live addresses of these organisations and this person. */
export function findFeedHealthRows(db: Kysely<DB>, organisationIds: string[], userId: string) {
	return db
		.selectFrom('feedToken')
		.select([...HEALTH_COLUMNS, 'feedToken.organisationId', 'feedToken.userId'])
		.where('feedToken.revokedAt', 'is', null)
		.where((eb) =>
			eb.or([
				eb('feedToken.userId', '=', userId),
				inList(eb, 'feedToken.organisationId', organisationIds)
			])
		)
		.execute();
}

/** Revokes a member's live personal address; the user id when one was revoked. */
export async function revokeMemberFeedRow(
	db: Kysely<DB>,
	organisationId: string,
	feedId: string,
	now: Date
): Promise<string | null> {
	const row = await db
		.updateTable('feedToken')
		.set({ revokedAt: now })
		.where('id', '=', feedId)
		.where('revokedAt', 'is', null)
		.where('scope', '=', 'user')
		.where((eb) =>
			eb.exists(
				eb
					.selectFrom('membership')
					.select(eb.lit(1).as('one'))
					.whereRef('membership.userId', '=', 'feedToken.userId')
					.where('membership.organisationId', '=', organisationId)
			)
		)
		.returning('userId')
		.executeTakeFirst();
	return row?.userId ?? null;
}

/** Takes up to `limit` unhandled activity changes, marking them handled (one instance each). */
export function claimActivityChanges(db: Kysely<DB>, now: Date, limit = 200) {
	return db
		.updateTable('activityChange')
		.set({ handledAt: now })
		.where('id', 'in', (eb) =>
			eb
				.selectFrom('activityChange')
				.select('id')
				.where('handledAt', 'is', null)
				.orderBy('changedAt')
				.limit(limit)
				.forUpdate()
				.skipLocked()
		)
		.returningAll()
		.execute();
}

/** The activities as they are now, with the open bookings on their offers and the providers'
 * contact addresses: one row per booking. */
export function findChangeRecipientRows(db: Kysely<DB>, activityIds: string[]) {
	return bookingsWithParties(db)
		.select([
			'activity.id',
			'activity.title',
			'activity.startDate',
			'activity.startTime',
			'activity.endDate',
			'activity.endTime',
			'activity.place',
			'activity.status',
			'booking.teacherEmail',
			'booking.classLabel',
			'school.name as schoolName',
			'offer.contactEmail',
			'provider.contactEmail as ownerEmail'
		])
		.where('activity.id', 'in', activityIds.length ? activityIds : [NO_ID])
		.where('booking.status', 'in', OPEN_STATUSES)
		.execute();
}

/** The address's stored version: the ETag last answered and its Last-Modified. */
export function findStoredFeedVersion(db: Kysely<DB>, key: string) {
	return db
		.selectFrom('feedVersion')
		.select(['etag', 'lastModified'])
		.where('key', '=', key)
		.executeTakeFirst();
}

/**
 * Stores the ETag and Last-Modified of an answer; a concurrent writer's later Last-Modified wins,
 * so it never goes back. Returns the Last-Modified stored.
 */
export async function storeFeedVersion(
	db: Kysely<DB>,
	key: string,
	etag: string,
	lastModified: Date
): Promise<Date> {
	const row = await db
		.insertInto('feedVersion')
		.values({ key, etag, lastModified })
		.onConflict((oc) =>
			oc.column('key').doUpdateSet({
				etag,
				lastModified: sql<Date>`greatest(feed_version.last_modified, excluded.last_modified)`
			})
		)
		.returning('lastModified')
		.executeTakeFirstOrThrow();
	return row.lastModified;
}

/** The ids of a municipality's schools. */
export async function listSchoolIdsOf(db: Kysely<DB>, municipalityId: string): Promise<string[]> {
	const rows = await db
		.selectFrom('organisation')
		.select('id')
		.where('municipalityId', '=', municipalityId)
		.where('kind', '=', 'school')
		.execute();
	return rows.map((r) => r.id);
}

/** The person a personal feed is for. */
export function findFeedPerson(db: Kysely<DB>, userId: string) {
	return db
		.selectFrom('appUser')
		.select(['id', 'name', 'isSecretariat'])
		.where('id', '=', userId)
		.executeTakeFirst();
}

/** The organisation an organisation's feed is for. */
export function findFeedOrganisation(db: Kysely<DB>, organisationId: string) {
	return db
		.selectFrom('organisation')
		.select(['id', 'name', 'kind', 'municipalityId'])
		.where('id', '=', organisationId)
		.executeTakeFirst();
}

const TOKEN_COLUMNS = ['id', 'scope', 'organisationId', 'userId', 'createdAt'] as const;

export type FeedTokenRow = Pick<DB['feedToken'], 'scope' | 'organisationId' | 'userId'> & {
	id: string;
	createdAt: Date;
};

/** The feed_token columns that say whose address it is. */
function subjectColumns(subject: FeedSubject) {
	return subject.scope === 'user'
		? { scope: subject.scope, userId: subject.userId, organisationId: null }
		: { scope: subject.scope, organisationId: subject.organisationId, userId: null };
}

/** The live address of the subject. */
export function findLiveFeedTokenRow(
	db: Kysely<DB>,
	subject: FeedSubject
): Promise<FeedTokenRow | undefined> {
	const query = db.selectFrom('feedToken').select(TOKEN_COLUMNS).where('revokedAt', 'is', null);
	return (
		subject.scope === 'user'
			? query.where('userId', '=', subject.userId)
			: query.where('organisationId', '=', subject.organisationId)
	).executeTakeFirst();
}

/**
 * Stores a new address of the subject. With `unlessLive`, nothing is stored (undefined comes back)
 * when the subject has a live one: the unique index on live addresses decides between two makers.
 */
export function insertFeedTokenRow(
	db: Kysely<DB>,
	subject: FeedSubject,
	tokenHash: Uint8Array,
	createdBy: string | null,
	options: { unlessLive?: boolean } = {}
): Promise<FeedTokenRow | undefined> {
	const column = subject.scope === 'user' ? 'userId' : 'organisationId';
	const insert = db
		.insertInto('feedToken')
		.values({ ...subjectColumns(subject), tokenHash, createdBy });
	return (
		options.unlessLive
			? insert.onConflict((oc) =>
					oc.column(column).where('revokedAt', 'is', null).where(column, 'is not', null).doNothing()
				)
			: insert
	)
		.returning(TOKEN_COLUMNS)
		.executeTakeFirst();
}

export async function revokeLiveFeedTokenRows(
	db: Kysely<DB>,
	subject: FeedSubject,
	now: Date
): Promise<void> {
	const revoke = db.updateTable('feedToken').set({ revokedAt: now }).where('revokedAt', 'is', null);
	await (
		subject.scope === 'user'
			? revoke.where('userId', '=', subject.userId)
			: revoke.where('organisationId', '=', subject.organisationId)
	).execute();
}

/** The live address with this token hash, with the hash to compare in constant time. */
export function findFeedTokenRow(db: Kysely<DB>, tokenHash: Uint8Array) {
	return db
		.selectFrom('feedToken')
		.select([...TOKEN_COLUMNS, 'tokenHash'])
		.where('tokenHash', '=', tokenHash)
		.where('revokedAt', 'is', null)
		.executeTakeFirst();
}
