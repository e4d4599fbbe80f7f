import { sql, type Kysely } from 'kysely';
import type { DB, NewOrganisation, Role } from '$lib/platform/server/db/schema';

// The SQL by which an account joins an organisation: invitations, outside logins, the first admin.

/** The invited role; an existing admin is never demoted. */
export async function upsertInvitedMembership(
	db: Kysely<DB>,
	userId: string,
	organisationId: string,
	role: Role
): Promise<void> {
	await db
		.insertInto('membership')
		.values({ userId, organisationId, role })
		.onConflict((oc) =>
			oc
				.columns(['userId', 'organisationId'])
				.doUpdateSet({ role: 'admin' })
				.where(sql.ref('excluded.role'), '=', 'admin')
		)
		.execute();
}

/** Makes the user an admin of the organisation, whatever they were. */
export async function upsertAdminMembership(
	db: Kysely<DB>,
	userId: string,
	organisationId: string
): Promise<void> {
	await db
		.insertInto('membership')
		.values({ userId, organisationId, role: 'admin' })
		.onConflict((oc) => oc.columns(['userId', 'organisationId']).doUpdateSet({ role: 'admin' }))
		.execute();
}

export async function findMembershipRole(
	db: Kysely<DB>,
	userId: string,
	organisationId: string
): Promise<Role | null> {
	const row = await db
		.selectFrom('membership')
		.select('role')
		.where('userId', '=', userId)
		.where('organisationId', '=', organisationId)
		.executeTakeFirst();
	return row?.role ?? null;
}

export async function findOrganisationName(
	db: Kysely<DB>,
	organisationId: string
): Promise<string | null> {
	const row = await db
		.selectFrom('organisation')
		.select('name')
		.where('id', '=', organisationId)
		.executeTakeFirst();
	return row?.name ?? null;
}

/**
 * Inserts the organisation unless its slug exists; returns its id either way and whether it was
 * inserted now.
 */
export async function ensureOrganisationBySlug(
	db: Kysely<DB>,
	organisation: NewOrganisation & { slug: string }
): Promise<{ id: string; created: boolean }> {
	const inserted = await db
		.insertInto('organisation')
		.values(organisation)
		.onConflict((oc) => oc.column('slug').doNothing())
		.returning('id')
		.executeTakeFirst();
	const row = await db
		.selectFrom('organisation')
		.select('id')
		.where('slug', '=', organisation.slug)
		.executeTakeFirstOrThrow();
	return { id: row.id, created: inserted !== undefined };
}
