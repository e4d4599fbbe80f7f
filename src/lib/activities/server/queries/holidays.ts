import type { Kysely, Transaction } from 'kysely';
import type { SchoolHolidayInput } from '$lib/activities/school-holiday-schema';
import type { DB, SchoolHoliday } from '$lib/platform/server/db/schema';

export interface SchoolHolidayRow {
	id: string;
	name: string;
	startDate: string;
	endDate: string;
	municipalityId: string;
	municipalityName: string;
}

/** The school holidays of these municipalities touching [from, to]; none for no municipalities. */
export function schoolHolidaysTouching(
	db: Kysely<DB>,
	municipalityIds: readonly string[],
	from: string,
	to: string
) {
	return db
		.selectFrom('schoolHoliday')
		.where((eb) =>
			municipalityIds.length
				? eb('schoolHoliday.municipalityId', 'in', [...municipalityIds])
				: eb.lit(false)
		)
		.where('schoolHoliday.startDate', '<=', to)
		.where('schoolHoliday.endDate', '>=', from);
}

/** The holidays as rows with their municipality's name, by start date (the caller breaks ties). */
export function holidayRowsWithMunicipality(query: ReturnType<typeof schoolHolidaysTouching>) {
	return query
		.innerJoin('organisation', 'organisation.id', 'schoolHoliday.municipalityId')
		.select([
			'schoolHoliday.id',
			'schoolHoliday.name',
			'schoolHoliday.startDate',
			'schoolHoliday.endDate',
			'schoolHoliday.municipalityId',
			'organisation.name as municipalityName'
		])
		.orderBy('schoolHoliday.startDate');
}

/** School holidays of these municipalities touching [from, to], in date order. */
export function schoolHolidaysBetween(
	db: Kysely<DB>,
	municipalityIds: readonly string[],
	from: string,
	to: string
): Promise<SchoolHolidayRow[]> {
	if (municipalityIds.length === 0) return Promise.resolve([]);
	return holidayRowsWithMunicipality(schoolHolidaysTouching(db, municipalityIds, from, to))
		.orderBy('organisation.name')
		.execute();
}

/** The municipalities whose holidays these organisations keep: a municipality its own, a school
 * its municipality's; other kinds none. */
export async function holidayMunicipalitiesOf(
	db: Kysely<DB>,
	organisationIds: readonly string[]
): Promise<string[]> {
	if (organisationIds.length === 0) return [];
	const rows = await db
		.selectFrom('organisation')
		.select(['id', 'kind', 'municipalityId'])
		.where('id', 'in', [...organisationIds])
		.where('kind', 'in', ['municipality', 'school'])
		.execute();
	const ids = rows.map((row) => (row.kind === 'municipality' ? row.id : row.municipalityId));
	return [...new Set(ids.filter((id): id is string => id !== null))].sort();
}

/** Whether the id is a municipality's. */
export async function isMunicipalityId(db: Kysely<DB>, id: string): Promise<boolean> {
	const row = await db
		.selectFrom('organisation')
		.select('id')
		.where('id', '=', id)
		.where('kind', '=', 'municipality')
		.executeTakeFirst();
	return row !== undefined;
}

/** A municipality's school holidays, optionally only those touching [range.start, range.end]. */
export function selectSchoolHolidays(
	db: Kysely<DB>,
	municipalityId: string,
	range?: { start: string; end: string }
): Promise<SchoolHoliday[]> {
	let query = db
		.selectFrom('schoolHoliday')
		.selectAll()
		.where('municipalityId', '=', municipalityId);
	if (range) query = query.where('startDate', '<=', range.end).where('endDate', '>=', range.start);
	return query.orderBy('startDate').orderBy('name').execute();
}

export async function selectSchoolHoliday(
	db: Kysely<DB>,
	id: string
): Promise<SchoolHoliday | undefined> {
	return db.selectFrom('schoolHoliday').selectAll().where('id', '=', id).executeTakeFirst();
}

export function insertSchoolHoliday(
	trx: Transaction<DB>,
	municipalityId: string,
	input: SchoolHolidayInput
): Promise<SchoolHoliday> {
	return trx
		.insertInto('schoolHoliday')
		.values({ municipalityId, ...input })
		.returningAll()
		.executeTakeFirstOrThrow();
}

export function updateSchoolHolidayRow(
	trx: Transaction<DB>,
	id: string,
	input: SchoolHolidayInput
): Promise<SchoolHoliday> {
	return trx
		.updateTable('schoolHoliday')
		.set(input)
		.where('id', '=', id)
		.returningAll()
		.executeTakeFirstOrThrow();
}

export function deleteSchoolHolidayRow(trx: Transaction<DB>, id: string): Promise<SchoolHoliday> {
	return trx
		.deleteFrom('schoolHoliday')
		.where('id', '=', id)
		.returningAll()
		.executeTakeFirstOrThrow();
}
