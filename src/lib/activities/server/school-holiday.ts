import type { Kysely } from 'kysely';
import { schoolYearRange, isSchoolYearLabel } from '$lib/platform/dates/school-year';
import type { SchoolHolidayInput } from '$lib/activities/school-holiday-schema';
import { formatDateRange } from '$lib/platform/dates/format';
import type { AuditAction, DB, SchoolHoliday } from '$lib/platform/server/db/schema';
import { recordAudit, actorIdOf } from '$lib/audit/server';
import type { Actor } from '$lib/auth';
import { UUID } from './core';
import * as q from './queries/holidays';

export type HolidayResult<T> = { ok: true; value: T } | { ok: false; reason: 'not_found' };
const notFound = { ok: false, reason: 'not_found' } as const;

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
	const range = year && isSchoolYearLabel(year) ? schoolYearRange(year) : undefined;
	return q.selectSchoolHolidays(db, municipalityId, range);
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

export async function createSchoolHoliday(
	db: Kysely<DB>,
	user: Actor | null,
	municipalityId: string,
	input: SchoolHolidayInput
): Promise<HolidayResult<{ id: string }>> {
	if (!canEditSchoolHolidays(user, municipalityId)) return notFound;
	if (!UUID.test(municipalityId) || !(await q.isMunicipalityId(db, municipalityId))) {
		return notFound;
	}
	const row = await db.transaction().execute(async (trx) => {
		const created = await q.insertSchoolHoliday(trx, municipalityId, input);
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
	const row = await q.selectSchoolHoliday(db, id);
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
		const row = await q.updateSchoolHolidayRow(trx, id, input);
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
		const row = await q.deleteSchoolHolidayRow(trx, id);
		await auditHoliday(trx, user, 'delete', row);
	});
	return { ok: true, value: { id } };
}
