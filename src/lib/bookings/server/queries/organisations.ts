import type { Kysely } from 'kysely';
import type { DB, OrganisationKind } from '$lib/platform/server/db/schema';

// The organisations bookings are made for and by: schools, their municipalities, providers.

export async function findSchool(
	db: Kysely<DB>,
	schoolId: string
): Promise<{ id: string; municipalityId: string | null } | null> {
	const school = await db
		.selectFrom('organisation')
		.select(['id', 'municipalityId'])
		.where('id', '=', schoolId)
		.where('kind', '=', 'school')
		.executeTakeFirst();
	return school ?? null;
}

/** Schools by name: all, or those among `orgIds` and of the municipalities among them. */
export function listSchools(db: Kysely<DB>, orgIds: string[] | null) {
	let query = db
		.selectFrom('organisation')
		.select(['id', 'name', 'municipalityId'])
		.where('kind', '=', 'school')
		.orderBy('name');
	if (orgIds) {
		query = query.where((eb) =>
			eb.or([eb('id', 'in', orgIds), eb('municipalityId', 'in', orgIds)])
		);
	}
	return query.execute();
}

export function listSchoolsOfMunicipality(db: Kysely<DB>, municipalityId: string) {
	return db
		.selectFrom('organisation')
		.select(['id', 'name'])
		.where('kind', '=', 'school')
		.where('municipalityId', '=', municipalityId)
		.orderBy('name')
		.execute();
}

/** Organisations of these kinds by name: all, or those among `ids`. */
export function listOrganisationsOfKinds(
	db: Kysely<DB>,
	kinds: readonly OrganisationKind[],
	ids: string[] | null
): Promise<{ id: string; name: string }[]> {
	let query = db
		.selectFrom('organisation')
		.select(['id', 'name'])
		.where('kind', 'in', [...kinds])
		.orderBy('name');
	if (ids) query = query.where('id', 'in', ids);
	return query.execute();
}

export async function findOrganisationKind(
	db: Kysely<DB>,
	id: string
): Promise<{ id: string; kind: OrganisationKind } | null> {
	const row = await db
		.selectFrom('organisation')
		.select(['id', 'kind'])
		.where('id', '=', id)
		.executeTakeFirst();
	return row ?? null;
}

/** The school's coordinators (its admins): they hear of every booking the school makes. */
export async function listAdminEmails(db: Kysely<DB>, organisationId: string): Promise<string[]> {
	const rows = await db
		.selectFrom('membership')
		.innerJoin('appUser', 'appUser.id', 'membership.userId')
		.select('appUser.email')
		.where('membership.organisationId', '=', organisationId)
		.where('membership.role', '=', 'admin')
		.execute();
	return rows.map((r) => r.email);
}
