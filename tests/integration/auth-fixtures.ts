import type { Kysely } from 'kysely';
import type { DB } from '../../src/lib/platform/server/db/schema';
import { hashPassword } from '../../src/lib/auth/server/password';

export const PASSWORD = 'korrekt hest batteri';

export async function createOrganisation(db: Kysely<DB>, name = 'Horsens Kommune') {
	return db
		.insertInto('organisation')
		.values({ kind: 'municipality', name, slug: name.toLowerCase().replace(/\W+/g, '-') })
		.returning(['id', 'name'])
		.executeTakeFirstOrThrow();
}

export async function createUser(
	db: Kysely<DB>,
	email = 'ida@example.dk',
	password: string | null = PASSWORD
) {
	return db
		.insertInto('appUser')
		.values({
			email,
			name: 'Ida Jensen',
			passwordHash: password ? await hashPassword(password) : null
		})
		.returning(['id', 'email'])
		.executeTakeFirstOrThrow();
}

export async function countSessions(db: Kysely<DB>, userId: string): Promise<number> {
	const rows = await db
		.selectFrom('userSession')
		.select('id')
		.where('userId', '=', userId)
		.execute();
	return rows.length;
}
