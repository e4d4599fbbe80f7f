import type { Kysely } from 'kysely';
import { schoolYearRange, isSchoolYearLabel } from '$lib/platform/dates/school-year';
import type { SchoolHolidayInput } from '$lib/activities/school-holiday-schema';
import { formatDateRange } from '$lib/platform/dates/format';
import type { AuditAction, DB, SchoolHoliday } from '$lib/platform/server/db/schema';
import { recordAudit, actorIdOf } from '$lib/audit/server';
import type { Actor } from '$lib/auth';
import { UUID } from './core';

export type HolidayResult<T> = { ok: true; value: T } | { ok: false; reason: 'not_found' };
const notFound = { ok: false, reason: 'not_found' } as const;

export {
	listMunicipalities,
	type MunicipalityRef as Municipality
} from '$lib/organisations/server';

/**
 * Each municipality enters its own school holidays: its admins and members, and the secretariat.
 * A school in the municipality may not: the municipality decides the holidays for all its schools.
 */
export function canEditSchoolHolidays(user: Actor | null, municipalityId: string): boolean {
	if (user === null) return false;
	return user.isSecretariat || user.memberships.some((m) => m.organisationId === municipalityId);
}

/** The school holidays of a municipality, optionally only those touching one school year. */
export async function listSchoolHolidays(
	db: Kysely<DB>,
	municipalityId: string,
	year?: string
): Promise<SchoolHoliday[]> {
	if (!UUID.test(municipalityId)) return [];
	let query = db
		.selectFrom('schoolHoliday')
		.selectAll()
		.where('municipalityId', '=', municipalityId);
	if (year && isSchoolYearLabel(year)) {
		const range = schoolYearRange(year);
		query = query.where('startDate', '<=', range.end).where('endDate', '>=', range.start);
	}
	return query.orderBy('startDate').orderBy('name').execute();
}

/** The municipality's holidays are its own: its admins see the change in their log. */
function auditHoliday(
	db: Kysely<DB>,
	user: Actor | null,
	action: AuditAction,
	holiday: SchoolHoliday
) {
	return recordAudit(db, {
		actorId: actorIdOf(user),
		organisationId: holiday.municipalityId,
		action,
		entityType: 'school_holiday',
		entityId: holiday.id,
		summary: `${holiday.name} ${formatDateRange(holiday.startDate, holiday.endDate)}`
	});
}

async function isMunicipality(db: Kysely<DB>, id: string): Promise<boolean> {
	if (!UUID.test(id)) return false;
	const row = await db
		.selectFrom('organisation')
		.select('id')
		.where('id', '=', id)
		.where('kind', '=', 'municipality')
		.executeTakeFirst();
	return row !== undefined;
}

export async function createSchoolHoliday(
	db: Kysely<DB>,
	user: Actor | null,
	municipalityId: string,
	input: SchoolHolidayInput
): Promise<HolidayResult<{ id: string }>> {
	if (!canEditSchoolHolidays(user, municipalityId)) return notFound;
	if (!(await isMunicipality(db, municipalityId))) return notFound;
	const row = await db.transaction().execute(async (trx) => {
		const created = await trx
			.insertInto('schoolHoliday')
			.values({ municipalityId, ...input })
			.returningAll()
			.executeTakeFirstOrThrow();
		await auditHoliday(trx, user, 'create', created);
		return created;
	});
	return { ok: true, value: { id: row.id } };
}

/** The holiday when the user may change it; otherwise not found, as if it did not exist. */
export async function findEditableSchoolHoliday(
	db: Kysely<DB>,
	user: Actor | null,
	id: string
): Promise<SchoolHoliday | null> {
	if (!UUID.test(id)) return null;
	const row = await db
		.selectFrom('schoolHoliday')
		.selectAll()
		.where('id', '=', id)
		.executeTakeFirst();
	return row && canEditSchoolHolidays(user, row.municipalityId) ? row : null;
}

export async function updateSchoolHoliday(
	db: Kysely<DB>,
	user: Actor | null,
	id: string,
	input: SchoolHolidayInput
): Promise<HolidayResult<{ id: string }>> {
	if (!(await findEditableSchoolHoliday(db, user, id))) return notFound;
	await db.transaction().execute(async (trx) => {
		const row = await trx
			.updateTable('schoolHoliday')
			.set(input)
			.where('id', '=', id)
			.returningAll()
			.executeTakeFirstOrThrow();
		await auditHoliday(trx, user, 'update', row);
	});
	return { ok: true, value: { id } };
}

export async function deleteSchoolHoliday(
	db: Kysely<DB>,
	user: Actor | null,
	id: string
): Promise<HolidayResult<{ id: string }>> {
	if (!(await findEditableSchoolHoliday(db, user, id))) return notFound;
	await db.transaction().execute(async (trx) => {
		const row = await trx
			.deleteFrom('schoolHoliday')
			.where('id', '=', id)
			.returningAll()
			.executeTakeFirstOrThrow();
		await auditHoliday(trx, user, 'delete', row);
	});
	return { ok: true, value: { id } };
}
