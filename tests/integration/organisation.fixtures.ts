import type { Kysely } from 'kysely';
import type { DB, OrganisationKind, Role } from '../../src/lib/platform/server/db/schema';
import { beforeAll } from 'vitest';
import { findSessionMemberships, type SessionUser } from '../../src/lib/auth/server/session';
import { useWorld, type WorldInDatabase } from '../helpers/world';

// Small, explicit fixtures for the organisation and membership tests (the demo seed is bigger).
export async function seedTrades(db: Kysely<DB>) {
	await db
		.insertInto('trade')
		.values([
			{
				code: 'industritekniker',
				nameDa: 'Industritekniker',
				nameEn: 'Industrial technician',
				sort: 10
			},
			{ code: 'smed', nameDa: 'Smed', nameEn: 'Smith', sort: 20 },
			{ code: 'elektriker', nameDa: 'Elektriker', nameEn: 'Electrician', sort: 30 }
		])
		.execute();
}

export async function makeOrganisation(
	db: Kysely<DB>,
	input: { name: string; kind: OrganisationKind; slug?: string; municipalityId?: string | null }
) {
	return db
		.insertInto('organisation')
		.values({
			name: input.name,
			kind: input.kind,
			slug: input.slug ?? input.name.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
			municipalityId: input.municipalityId ?? null,
			contactEmail: 'kontakt@example.dk',
			phone: '75 00 00 00'
		})
		.returningAll()
		.executeTakeFirstOrThrow();
}

export async function makeUser(
	db: Kysely<DB>,
	email: string,
	options: { name?: string; isSecretariat?: boolean } = {}
) {
	return db
		.insertInto('appUser')
		.values({
			email,
			name: options.name ?? email.split('@')[0],
			isSecretariat: options.isSecretariat
		})
		.returningAll()
		.executeTakeFirstOrThrow();
}

export async function addMember(
	db: Kysely<DB>,
	userId: string,
	organisationId: string,
	role: Role
) {
	await db.insertInto('membership').values({ userId, organisationId, role }).execute();
}

/** The user as hooks.server.ts would put it on locals. */
export async function sessionUser(db: Kysely<DB>, userId: string): Promise<SessionUser> {
	const user = await db
		.selectFrom('appUser')
		.select(['id', 'email', 'name', 'isSecretariat', 'locale'])
		.where('id', '=', userId)
		.executeTakeFirstOrThrow();
	return { ...user, memberships: await findSessionMemberships(db, userId) };
}

const COUNTED = ['organisation', 'organisationTrade', 'membership', 'userToken', 'outbox'] as const;

/** Row counts of every table these features write, to prove a refused request wrote nothing. */
export async function rowCounts(db: Kysely<DB>): Promise<Record<string, number>> {
	const counts: Record<string, number> = {};
	for (const table of COUNTED) {
		const row = await db
			.selectFrom(table)
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.executeTakeFirstOrThrow();
		counts[table] = Number(row.n);
	}
	return counts;
}

/**
 * A world with two companies A and B, a municipality and people in every role. Kept small so
 * each test can rebuild it after truncateAll().
 */
export async function buildWorld(db: Kysely<DB>) {
	await seedTrades(db);
	const horsens = await makeOrganisation(db, { name: 'Horsens Kommune', kind: 'municipality' });
	const orgA = await makeOrganisation(db, { name: 'Alfa Maskiner', kind: 'company' });
	const orgB = await makeOrganisation(db, {
		name: 'Beta Stål',
		kind: 'company',
		slug: 'beta-staal'
	});
	const secretariat = await makeUser(db, 'sekretariat@example.dk', { isSecretariat: true });
	const adminA = await makeUser(db, 'admin.a@example.dk', { name: 'Anna Admin' });
	const memberA = await makeUser(db, 'medlem.a@example.dk', { name: 'Morten Medlem' });
	const adminB = await makeUser(db, 'admin.b@example.dk', { name: 'Bente B' });
	await addMember(db, adminA.id, orgA.id, 'admin');
	await addMember(db, memberA.id, orgA.id, 'member');
	await addMember(db, adminB.id, orgB.id, 'admin');
	return { horsens, orgA, orgB, secretariat, adminA, memberA, adminB };
}
export type World = Awaited<ReturnType<typeof buildWorld>>;

/**
 * The organisation world for each test of a file, in the file's test database (see useWorld);
 * `routes` also points the route handlers at that database.
 */
export function useOrganisationWorld(options: { routes?: boolean } = {}): WorldInDatabase<World> {
	const world = useWorld((database) => buildWorld(database.db));
	if (options.routes) beforeAll(() => useForRoutes(world.database));
	return world;
}

/** The world's people as hooks.server.ts puts them on locals. */
export async function sessionUsersOf(db: Kysely<DB>, world: World) {
	return {
		secretariat: await sessionUser(db, world.secretariat.id),
		adminA: await sessionUser(db, world.adminA.id),
		memberA: await sessionUser(db, world.memberA.id),
		adminB: await sessionUser(db, world.adminB.id)
	};
}

type Fields = Record<string, string | string[]>;

/** A minimal SvelteKit request event for calling a load function or form action directly. */
export function fakeEvent(
	path: string,
	user: SessionUser | null,
	params: Record<string, string> = {},
	fields?: Fields
) {
	const url = new URL(`http://localhost${path}`);
	let request = new Request(url);
	if (fields) {
		const form = new FormData();
		for (const [key, value] of Object.entries(fields))
			for (const v of Array.isArray(value) ? value : [value]) form.append(key, v);
		request = new Request(url, { method: 'POST', body: form });
	}
	const cookies = {
		get: () => undefined,
		getAll: () => [],
		set() {},
		delete() {},
		serialize: () => ''
	};
	// The real event has many more members; these are all the routes under test read.
	return { request, url, params, cookies, locals: fakeLocals(user) } as never;
}

let routesDb: Kysely<DB> | undefined;

/**
 * Points the routes at the test database instead of ./data: locals.db of fakeLocals(), and
 * getDb() for the lib/server helpers that still open it themselves.
 */
export function useForRoutes(database: { db: Kysely<DB> }) {
	routesDb = database.db;
	(globalThis as Record<symbol, unknown>)[Symbol.for('aarshjul.database')] =
		Promise.resolve(database);
}

/** Forgets the routes' database when its file is done: getDb() must not hand out a closed one. */
export function stopRoutes() {
	routesDb = undefined;
	delete (globalThis as Record<symbol, unknown>)[Symbol.for('aarshjul.database')];
}

/** locals as hooks.server.ts fills them, on the database given to useForRoutes(). */
export function fakeLocals(user: unknown, session: unknown = null) {
	if (!routesDb) throw new Error('call useForRoutes(database) before building an event');
	return { db: routesDb, user, session };
}
