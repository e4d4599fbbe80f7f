import type { Kysely } from 'kysely';
import type { DB } from '$lib/platform/server/db/schema';

export interface SchoolHolidayRow {
	id: string;
	name: string;
	startDate: string;
	endDate: string;
	municipalityId: string;
	municipalityName: string;
}

/** School holidays of these municipalities touching [from, to], in date order. */
export function schoolHolidaysBetween(
	db: Kysely<DB>,
	municipalityIds: readonly string[],
	from: string,
	to: string
): Promise<SchoolHolidayRow[]> {
	if (municipalityIds.length === 0) return Promise.resolve([]);
	return db
		.selectFrom('schoolHoliday')
		.innerJoin('organisation', 'organisation.id', 'schoolHoliday.municipalityId')
		.select([
			'schoolHoliday.id',
			'schoolHoliday.name',
			'schoolHoliday.startDate',
			'schoolHoliday.endDate',
			'schoolHoliday.municipalityId',
			'organisation.name as municipalityName'
		])
		.where('schoolHoliday.municipalityId', 'in', [...municipalityIds])
		.where('schoolHoliday.startDate', '<=', to)
		.where('schoolHoliday.endDate', '>=', from)
		.orderBy('schoolHoliday.startDate')
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
