import { sql, type Kysely } from 'kysely';
import type { DB, Role } from '$lib/platform/server/db/schema';

// The SQL of an organisation's members.

export interface Member {
	userId: string;
	name: string;
	email: string;
	role: Role;
}

export function listMembers(db: Kysely<DB>, organisationId: string): Promise<Member[]> {
	return db
		.selectFrom('membership')
		.innerJoin('appUser', 'appUser.id', 'membership.userId')
		.select(['membership.userId', 'appUser.name', 'appUser.email', 'membership.role'])
		.where('membership.organisationId', '=', organisationId)
		.orderBy('appUser.name')
		.orderBy('appUser.email')
		.execute();
}

/** Locks the organisation's memberships, so two admins cannot demote each other at once. */
export function lockMemberships(db: Kysely<DB>, organisationId: string) {
	return db
		.selectFrom('membership')
		.select(['userId', 'role'])
		.where('organisationId', '=', organisationId)
		.forUpdate()
		.execute();
}

export async function setMemberRole(
	db: Kysely<DB>,
	organisationId: string,
	userId: string,
	role: Role
): Promise<void> {
	await db
		.updateTable('membership')
		.set({ role })
		.where('organisationId', '=', organisationId)
		.where('userId', '=', userId)
		.execute();
}

/** Deletes the membership and answers the member's name (null if the account is gone). */
export async function deleteMembership(
	db: Kysely<DB>,
	organisationId: string,
	userId: string
): Promise<string | null> {
	const { name } = await db
		.deleteFrom('membership')
		.where('organisationId', '=', organisationId)
		.where('userId', '=', userId)
		.returning((eb) => eb.selectFrom('appUser').select('name').where('id', '=', userId).as('name'))
		.executeTakeFirstOrThrow();
	return name;
}

/** Whether an account with this e-mail (any case) is a member already. */
export async function isMemberByEmail(
	db: Kysely<DB>,
	organisationId: string,
	email: string
): Promise<boolean> {
	const row = await db
		.selectFrom('membership')
		.innerJoin('appUser', 'appUser.id', 'membership.userId')
		.select('membership.userId')
		.where('membership.organisationId', '=', organisationId)
		.where(sql<string>`lower(app_user.email)`, '=', email)
		.executeTakeFirst();
	return row !== undefined;
}
