import type { Kysely } from 'kysely';
import type { Actor } from '../../src/lib/auth/actor';
import { findSessionMemberships } from '../../src/lib/auth/server/session';
import type { DB, Role } from '../../src/lib/platform/server/db/schema';
import { actor } from './actor';

/** The stored user with this e-mail as an Actor, as the session would carry it. */
export async function actorByEmail(db: Kysely<DB>, email: string): Promise<Actor> {
	const user = await db
		.selectFrom('appUser')
		.select(['id', 'email', 'name', 'isSecretariat'])
		.where('email', '=', email)
		.executeTakeFirstOrThrow();
	return { ...user, memberships: await findSessionMemberships(db, user.id) };
}

/** Someone in one stored organisation (found by id or name) and nowhere else. */
export async function memberOf(
	db: Kysely<DB>,
	organisation: { id: string } | { name: string },
	role: Role = 'member'
): Promise<Actor> {
	const query = db
		.selectFrom('organisation')
		.select(['id as organisationId', 'name', 'slug', 'kind', 'municipalityId']);
	const org = await (
		'id' in organisation
			? query.where('id', '=', organisation.id)
			: query.where('name', '=', organisation.name)
	).executeTakeFirstOrThrow();
	return actor([{ ...org, role }]);
}
