import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import { ZONE } from '$lib/platform/dates/iso';
import type { SchoolYearRange } from '$lib/platform/dates/school-year';
import type { DB } from '$lib/platform/server/db/schema';

// The SQL of closing school years: what a year holds of personal data, the closure rows, the
// clearing itself, and the year's mails in the outbox.

const hasNames = sql<SqlBool>`cardinality(booking.pupil_first_names) > 0`;
const hasTeacher = sql<SqlBool>`(booking.teacher_name <> '' or booking.teacher_email <> '')`;
const hasMessage = sql<SqlBool>`booking.message <> ''`;
const hasCancelReason = sql<SqlBool>`booking.cancel_reason <> ''`;
/** A booking still holding any of the personal data closing clears. */
const hasPersonal = sql<SqlBool>`(${hasNames} or ${hasTeacher} or ${hasMessage} or ${hasCancelReason})`;

const countWhere = (filter: Expression<SqlBool>) => sql<string>`count(*) filter (where ${filter})`;

/** The booking columns that hold personal data, and their cleared values. */
const CLEARED = {
	pupilFirstNames: [] as string[],
	teacherName: '',
	teacherEmail: '',
	message: '',
	cancelReason: ''
};

/** Ids of the offers whose activity starts in the school year. */
function offersOfYear(db: Kysely<DB>, range: SchoolYearRange) {
	return db
		.selectFrom('offer')
		.innerJoin('activity', 'activity.id', 'offer.activityId')
		.select('offer.id')
		.where('activity.startDate', '>=', range.start)
		.where('activity.startDate', '<=', range.end);
}

/** The year's bookings, and how many hold each kind of personal data (counts as text). */
export function countPersonalDataOfYear(db: Kysely<DB>, range: SchoolYearRange) {
	return db
		.selectFrom('booking')
		.select((eb) => [
			eb.fn.countAll<string>().as('bookings'),
			countWhere(hasNames).as('withNames'),
			countWhere(hasTeacher).as('withTeacher'),
			countWhere(hasMessage).as('withMessage'),
			countWhere(hasCancelReason).as('withCancelReason'),
			countWhere(hasPersonal).as('personal')
		])
		.where('booking.offerId', 'in', offersOfYear(db, range))
		.executeTakeFirstOrThrow();
}

/**
 * Bookings and those holding personal data, per school year by its start year: the calendar year
 * of (date − 7 months), since 1 August − 7 months is 1 January. Counts as text.
 */
export function countBookingsPerSchoolYear(db: Kysely<DB>) {
	const startYear = sql<number>`extract(year from activity.start_date - interval '7 months')::int`;
	return db
		.selectFrom('booking')
		.innerJoin('offer', 'offer.id', 'booking.offerId')
		.innerJoin('activity', 'activity.id', 'offer.activityId')
		.select((eb) => [
			startYear.as('startYear'),
			eb.fn.countAll<string>().as('bookings'),
			countWhere(hasPersonal).as('personal')
		])
		.groupBy(startYear)
		.execute();
}

export function listClosures(db: Kysely<DB>) {
	return db.selectFrom('schoolYearClosure').selectAll().execute();
}

/** Whether the school year ('2025/26') is closed: one primary-key lookup. */
export async function isYearClosed(db: Kysely<DB>, year: string): Promise<boolean> {
	const row = await db
		.selectFrom('schoolYearClosure')
		.select('schoolYear')
		.where('schoolYear', '=', year)
		.executeTakeFirst();
	return row !== undefined;
}

/** The last day of the year's offers that have not ended by `today`; null when all have. */
export async function findLastRunningDay(
	db: Kysely<DB>,
	range: SchoolYearRange,
	today: string
): Promise<string | null> {
	const row = await db
		.selectFrom('offer')
		.innerJoin('activity', 'activity.id', 'offer.activityId')
		.select((eb) => eb.fn.max('activity.endDate').as('lastDay'))
		.where('offer.id', 'in', offersOfYear(db, range))
		.where('activity.endDate', '>=', today)
		.executeTakeFirst();
	return row?.lastDay ?? null;
}

/** The closure row, unless the year is closed already (its primary key settles two closes): false then. */
export async function insertClosure(
	db: Kysely<DB>,
	row: { schoolYear: string; closedAt: Date; closedBy: string }
): Promise<boolean> {
	const inserted = await db
		.insertInto('schoolYearClosure')
		.values(row)
		.onConflict((oc) => oc.column('schoolYear').doNothing())
		.returning('schoolYear')
		.executeTakeFirst();
	return inserted !== undefined;
}

/** Locks the year's offers (in id order, as every writer takes them) until the transaction ends. */
export async function lockOffersOfYear(db: Kysely<DB>, range: SchoolYearRange): Promise<void> {
	await db
		.selectFrom('offer')
		.select('offer.id')
		.where('offer.id', 'in', offersOfYear(db, range))
		.orderBy('offer.id')
		.forUpdate()
		.execute();
}

/** Clears the personal fields of the year's bookings; how many bookings held any. */
export async function clearBookingsOfYear(db: Kysely<DB>, range: SchoolYearRange): Promise<number> {
	const cleared = await db
		.updateTable('booking')
		// updated_at moves so calendar feeds get a new ETag and drop bodies holding the names.
		.set({ ...CLEARED, updatedAt: sql`now()` })
		.where('booking.offerId', 'in', offersOfYear(db, range))
		.where(hasPersonal)
		.returning('booking.id')
		.execute();
	return cleared.length;
}

/** Clears the optional first names of the pupils of allocation rounds starting in the year. */
export async function clearAllocationNamesOfYear(
	db: Kysely<DB>,
	range: SchoolYearRange
): Promise<void> {
	await db
		.updateTable('allocationPupil')
		.set({ firstName: null })
		.where(
			'roundId',
			'in',
			db
				.selectFrom('allocationRound')
				.select('id')
				.where('startDate', '>=', range.start)
				.where('startDate', '<=', range.end)
		)
		.where('firstName', 'is not', null)
		.execute();
}

export async function setBookingsCleared(
	db: Kysely<DB>,
	year: string,
	bookingsCleared: number
): Promise<void> {
	await db
		.updateTable('schoolYearClosure')
		.set({ bookingsCleared })
		.where('schoolYear', '=', year)
		.execute();
}

/**
 * A mail belongs to the school year in which it was written: from 1 August 00:00 to 1 August
 * 00:00 a year later, Copenhagen time.
 */
function writtenInYear(range: SchoolYearRange) {
	const from = sql`(${range.start}::date)::timestamp at time zone ${ZONE}::text`;
	const until = sql`(${range.end}::date + 1)::timestamp at time zone ${ZONE}::text`;
	return sql<SqlBool>`(outbox.created_at >= ${from} and outbox.created_at < ${until})`;
}

const unsent = sql<SqlBool>`outbox.sent_at is null`;

/** The year's mails and how many of them were never sent (counts as text). */
export function countOutboxMailOfYear(db: Kysely<DB>, range: SchoolYearRange) {
	return db
		.selectFrom('outbox')
		.select((eb) => [eb.fn.countAll<string>().as('mails'), countWhere(unsent).as('unsentMails')])
		.where(writtenInYear(range))
		.executeTakeFirstOrThrow();
}

/** Deletes the year's mails, sent or not; one row per mail, saying whether it was unsent. */
export function deleteOutboxMailOfYear(db: Kysely<DB>, range: SchoolYearRange) {
	return db
		.deleteFrom('outbox')
		.where(writtenInYear(range))
		.returning(sql<boolean>`${unsent}`.as('unsent'))
		.execute();
}
