import { sql, type Kysely, type Transaction } from 'kysely';
import type { AgeGroupValue, DB } from '$lib/platform/server/db/schema';
import { bookingsWithParties } from '$lib/bookings/server';
import { pupilFields, type PupilInput } from '../csv';
import type { OpenRoundInput } from './rounds';

// The SQL of praktikfordeling.

type Db = Kysely<DB> | Transaction<DB>;

export async function insertRound(db: Db, values: OpenRoundInput & { createdBy: string }) {
	return db.insertInto('allocationRound').values(values).returning('id').executeTakeFirstOrThrow();
}

export async function selectRounds(db: Db) {
	return db
		.selectFrom('allocationRound')
		.leftJoin('organisation', 'organisation.id', 'allocationRound.municipalityId')
		.select([
			'allocationRound.id',
			'allocationRound.title',
			'allocationRound.municipalityId',
			'organisation.name as municipalityName',
			'allocationRound.startDate',
			'allocationRound.endDate',
			'allocationRound.wishDeadline',
			'allocationRound.publishDate',
			'allocationRound.status'
		])
		.orderBy('allocationRound.startDate', 'desc')
		.orderBy('allocationRound.id')
		.execute();
}

export async function selectRound(db: Db, id: string, forUpdate = false) {
	let q = db.selectFrom('allocationRound').selectAll().where('id', '=', id);
	if (forUpdate) q = q.forUpdate();
	return (await q.executeTakeFirst()) ?? null;
}

export async function updateRound(
	db: Db,
	id: string,
	values: {
		status?: 'open' | 'allocated' | 'published';
		solver?: string;
		ranAt?: Date;
		publishedAt?: Date;
	}
) {
	const { solver, ...rest } = values;
	await db
		.updateTable('allocationRound')
		.set({ ...rest, ...(solver !== undefined ? { solver: sql`${solver}::jsonb` } : {}) })
		.where('id', '=', id)
		.execute();
}

/** Erhvervspraktik offers whose week lies in the period, with the round they are in (if any). */
export async function selectPraktikOffersInPeriod(db: Db, startDate: string, endDate: string) {
	return db
		.selectFrom('offer')
		.innerJoin('activity', 'activity.id', 'offer.activityId')
		.innerJoin('organisation as company', 'company.id', 'activity.ownerId')
		.leftJoin('allocationPlace', 'allocationPlace.offerId', 'offer.id')
		.select([
			'offer.id',
			'offer.tradeCode',
			'offer.capacity',
			'offer.gradeLevels',
			'activity.title',
			'activity.startDate',
			'activity.ownerId as companyId',
			'company.name as companyName',
			'company.municipalityId as companyMunicipalityId',
			'allocationPlace.roundId',
			'allocationPlace.minAgeGroup'
		])
		.where('offer.kind', '=', 'erhvervspraktik')
		.where('offer.status', '=', 'open')
		.where('activity.status', '=', 'planned')
		.where('activity.startDate', '>=', startDate)
		.where('activity.startDate', '<=', endDate)
		.orderBy('activity.startDate')
		.orderBy('company.name')
		.orderBy('offer.id')
		.execute();
}

export async function insertPlaces(
	db: Db,
	roundId: string,
	places: { offerId: string; minAgeGroup: AgeGroupValue }[]
) {
	if (places.length === 0) return;
	await db
		.insertInto('allocationPlace')
		.values(places.map((p) => ({ ...p, roundId })))
		.onConflict((oc) => oc.column('offerId').doNothing())
		.execute();
}

export async function deletePlace(db: Db, roundId: string, offerId: string) {
	await db
		.deleteFrom('allocationPlace')
		.where('roundId', '=', roundId)
		.where('offerId', '=', offerId)
		.execute();
}

/** The round's places as the solver sees them (trade, week, capacity, grades, minimum age). */
export async function selectRoundPlaces(db: Db, roundId: string) {
	return db
		.selectFrom('allocationPlace')
		.innerJoin('offer', 'offer.id', 'allocationPlace.offerId')
		.innerJoin('activity', 'activity.id', 'offer.activityId')
		.innerJoin('organisation as company', 'company.id', 'activity.ownerId')
		.select([
			'offer.id',
			'offer.tradeCode',
			'offer.capacity',
			'offer.gradeLevels',
			'allocationPlace.minAgeGroup',
			'activity.startDate',
			'activity.title',
			'activity.ownerId as companyId',
			'company.name as companyName'
		])
		.where('allocationPlace.roundId', '=', roundId)
		.orderBy('offer.id')
		.execute();
}

export async function selectPupils(db: Db, roundId: string, schoolIds: 'all' | readonly string[]) {
	if (schoolIds !== 'all' && schoolIds.length === 0) return [];
	let q = db
		.selectFrom('allocationPupil')
		.innerJoin('organisation as school', 'school.id', 'allocationPupil.schoolId')
		.select([
			'allocationPupil.id',
			'allocationPupil.schoolId',
			'school.name as schoolName',
			'school.municipalityId',
			'allocationPupil.pseudonym',
			'allocationPupil.firstName',
			'allocationPupil.classLabel',
			'allocationPupil.grade',
			'allocationPupil.ageGroup',
			'allocationPupil.ownPlace',
			'allocationPupil.offerId',
			'allocationPupil.wishRank',
			'allocationPupil.locked',
			'allocationPupil.unplacedReason',
			'allocationPupil.bookingId'
		])
		.where('allocationPupil.roundId', '=', roundId);
	if (schoolIds !== 'all') q = q.where('allocationPupil.schoolId', 'in', schoolIds);
	return q
		.orderBy('school.name')
		.orderBy('allocationPupil.classLabel')
		.orderBy('allocationPupil.pseudonym')
		.execute();
}

export async function selectWishes(db: Db, pupilIds: readonly string[]) {
	if (pupilIds.length === 0) return [];
	return db
		.selectFrom('allocationWish')
		.select(['pupilId', 'rank', 'tradeCode', 'offerId'])
		.where('pupilId', 'in', pupilIds)
		.orderBy('pupilId')
		.orderBy('rank')
		.execute();
}

/** Pupils placed with these companies' offers (for the company's view: no wishes). */
export async function selectPupilsPlacedWith(
	db: Db,
	roundId: string,
	companyIds: readonly string[]
) {
	if (companyIds.length === 0) return [];
	return db
		.selectFrom('allocationPupil')
		.innerJoin('organisation as school', 'school.id', 'allocationPupil.schoolId')
		.innerJoin('offer', 'offer.id', 'allocationPupil.offerId')
		.innerJoin('activity', 'activity.id', 'offer.activityId')
		.select([
			'allocationPupil.pseudonym',
			'allocationPupil.grade',
			'allocationPupil.classLabel',
			'school.name as schoolName',
			'activity.title',
			'activity.startDate'
		])
		.where('allocationPupil.roundId', '=', roundId)
		.where('activity.ownerId', 'in', companyIds)
		.orderBy('activity.startDate')
		.orderBy('school.name')
		.orderBy('allocationPupil.pseudonym')
		.execute();
}

export async function selectTrades(db: Db) {
	return db.selectFrom('trade').select(['code', 'nameDa']).orderBy('sort').execute();
}

export async function selectSchool(db: Db, id: string) {
	return (
		(await db
			.selectFrom('organisation')
			.select(['id', 'name', 'municipalityId'])
			.where('id', '=', id)
			.where('kind', '=', 'school')
			.executeTakeFirst()) ?? null
	);
}

/** Replaces a school's pupils (and their wishes) in a round with these, in one go. */
export async function replaceSchoolPupils(
	trx: Transaction<DB>,
	roundId: string,
	schoolId: string,
	pupils: PupilInput[]
) {
	await trx
		.deleteFrom('allocationPupil')
		.where('roundId', '=', roundId)
		.where('schoolId', '=', schoolId)
		.execute();
	if (pupils.length === 0) return;
	const ids = await trx
		.insertInto('allocationPupil')
		.values(pupils.map((p) => ({ ...pupilFields(p), roundId, schoolId })))
		.returning(['id', 'pseudonym'])
		.execute();
	const idOf = new Map(ids.map((r) => [r.pseudonym, r.id]));
	const wishes = pupils.flatMap((p) =>
		p.wishes.map((w, i) => ({ pupilId: idOf.get(p.pseudonym)!, rank: i + 1, ...w }))
	);
	if (wishes.length > 0) await trx.insertInto('allocationWish').values(wishes).execute();
}

export async function clearUnlockedResults(trx: Transaction<DB>, roundId: string) {
	await trx
		.updateTable('allocationPupil')
		.set({ offerId: null, wishRank: null, unplacedReason: null })
		.where('roundId', '=', roundId)
		.where('locked', '=', false)
		.execute();
}

export async function setPupilResult(
	trx: Transaction<DB>,
	pupilId: string,
	values: {
		offerId: string | null;
		wishRank: number | null;
		unplacedReason: string | null;
		locked?: boolean;
	}
) {
	await trx.updateTable('allocationPupil').set(values).where('id', '=', pupilId).execute();
}

/** Writes many results in one statement (a round of thousands of pupils). */
export async function setPupilResults(
	trx: Transaction<DB>,
	rows: { id: string; offerId: string | null; wishRank: number | null; reason: string | null }[]
) {
	for (let i = 0; i < rows.length; i += 1000) {
		const chunk = rows.slice(i, i + 1000);
		await sql`
			update allocation_pupil p set
				offer_id = v.offer_id, wish_rank = v.wish_rank, unplaced_reason = v.reason
			from (select * from unnest(
				${chunk.map((r) => r.id)}::uuid[], ${chunk.map((r) => r.offerId)}::uuid[],
				${chunk.map((r) => r.wishRank)}::int[], ${chunk.map((r) => r.reason)}::text[]
			) as t(id, offer_id, wish_rank, reason)) v
			where p.id = v.id`.execute(trx);
	}
}

export async function selectPupil(db: Db, roundId: string, pupilId: string) {
	return (
		(await db
			.selectFrom('allocationPupil')
			.selectAll()
			.where('roundId', '=', roundId)
			.where('id', '=', pupilId)
			.executeTakeFirst()) ?? null
	);
}

export async function setBookingOfPupils(
	trx: Kysely<DB>,
	pupilIds: readonly string[],
	bookingId: string
) {
	if (pupilIds.length === 0) return;
	await trx.updateTable('allocationPupil').set({ bookingId }).where('id', 'in', pupilIds).execute();
}

/** The round a place belongs to (for the offer page: "fordeles i runden …"). */
export async function selectRoundOfOffer(db: Db, offerId: string) {
	return (
		(await db
			.selectFrom('allocationPlace')
			.innerJoin('allocationRound', 'allocationRound.id', 'allocationPlace.roundId')
			.select(['allocationRound.id', 'allocationRound.title', 'allocationRound.status'])
			.where('allocationPlace.offerId', '=', offerId)
			.executeTakeFirst()) ?? null
	);
}

export async function selectOrganisationNames(db: Db) {
	return db.selectFrom('organisation').select(['id', 'name']).execute();
}

export async function selectSchools(db: Db, ids: readonly string[]) {
	if (ids.length === 0) return [];
	return db
		.selectFrom('organisation')
		.select(['id', 'name', 'municipalityId'])
		.where('id', 'in', ids)
		.where('kind', '=', 'school')
		.orderBy('name')
		.execute();
}

// The erhvervspraktik duty (duty.ts): schools, their stated pupils and the weeks they are placed in.

/** Schools with their municipality; all, or those of the given ids or municipalities. */
export async function selectDutySchools(
	db: Db,
	scope: { schoolIds: string[]; municipalityIds: string[] } | null
) {
	let query = db
		.selectFrom('organisation as school')
		.leftJoin('organisation as municipality', 'municipality.id', 'school.municipalityId')
		.select([
			'school.id',
			'school.name',
			'school.municipalityId',
			'municipality.name as municipalityName'
		])
		.where('school.kind', '=', 'school');
	if (scope) {
		if (scope.schoolIds.length === 0 && scope.municipalityIds.length === 0) return [];
		query = query.where((eb) =>
			eb.or([
				...(scope.schoolIds.length ? [eb('school.id', 'in', scope.schoolIds)] : []),
				...(scope.municipalityIds.length
					? [eb('school.municipalityId', 'in', scope.municipalityIds)]
					: [])
			])
		);
	}
	return query.orderBy('municipality.name').orderBy('school.name').orderBy('school.id').execute();
}

export async function selectPupilCounts(db: Db, schoolYear: string, schoolIds: string[]) {
	if (schoolIds.length === 0) return [];
	return db
		.selectFrom('schoolPupilCount')
		.select(['schoolId', 'grade', 'pupils'])
		.where('schoolYear', '=', schoolYear)
		.where('schoolId', 'in', schoolIds)
		.execute();
}

export async function upsertPupilCounts(
	db: Db,
	rows: { schoolId: string; schoolYear: string; grade: number; pupils: number; updatedBy: string }[]
) {
	if (rows.length === 0) return;
	await db
		.insertInto('schoolPupilCount')
		.values(rows)
		.onConflict((oc) =>
			oc.columns(['schoolId', 'schoolYear', 'grade']).doUpdateSet((eb) => ({
				pupils: eb.ref('excluded.pupils'),
				updatedBy: eb.ref('excluded.updatedBy'),
				updatedAt: sql<Date>`now()`
			}))
		)
		.execute();
}

/**
 * Confirmed erhvervspraktik bookings of the schools with weeks from `from` to `to`, leaving out
 * the bookings a published allocation round made: its pupils are counted one by one below.
 */
export async function selectDutyBookings(db: Db, schoolIds: string[], from: string, to: string) {
	if (schoolIds.length === 0) return [];
	return bookingsWithParties(db)
		.select([
			'booking.schoolId',
			'booking.classLabel',
			'booking.seats',
			'offer.gradeLevels',
			'activity.startDate',
			'activity.endDate'
		])
		.where('booking.status', '=', 'confirmed')
		.where('booking.schoolId', 'in', schoolIds)
		.where('offer.kind', '=', 'erhvervspraktik')
		.where('offer.status', '!=', 'cancelled')
		.where('activity.status', '!=', 'cancelled')
		.where('activity.startDate', '>=', from)
		.where('activity.startDate', '<=', to)
		.where(({ not, exists, selectFrom }) =>
			not(
				exists(
					selectFrom('allocationPupil')
						.select('allocationPupil.id')
						.whereRef('allocationPupil.bookingId', '=', 'booking.id')
				)
			)
		)
		.execute();
}

/**
 * Pupils of published rounds with a place (the place's week) or their own place (the round's
 * period), unless the booking publishing made was declined or cancelled since.
 */
export async function selectDutyAllocations(db: Db, schoolIds: string[], from: string, to: string) {
	if (schoolIds.length === 0) return [];
	return db
		.selectFrom('allocationPupil as pupil')
		.innerJoin('allocationRound as round', 'round.id', 'pupil.roundId')
		.leftJoin('offer', 'offer.id', 'pupil.offerId')
		.leftJoin('activity', 'activity.id', 'offer.activityId')
		.leftJoin('booking', 'booking.id', 'pupil.bookingId')
		.select([
			'pupil.schoolId',
			'pupil.grade',
			'pupil.ownPlace',
			'activity.startDate as placeStart',
			'activity.endDate as placeEnd',
			'round.startDate as roundStart',
			'round.endDate as roundEnd'
		])
		.where('round.status', '=', 'published')
		.where('pupil.schoolId', 'in', schoolIds)
		.where('round.startDate', '>=', from)
		.where('round.startDate', '<=', to)
		.where((eb) =>
			eb.or([
				eb('pupil.ownPlace', '=', true),
				eb.and([
					eb('pupil.offerId', 'is not', null),
					eb('activity.status', '!=', 'cancelled'),
					eb.or([
						eb('booking.id', 'is', null),
						eb('booking.status', 'not in', ['declined', 'cancelled'])
					])
				])
			])
		)
		.execute();
}
