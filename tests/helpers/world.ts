import type { Insertable, Kysely } from 'kysely';
import { beforeEach } from 'vitest';
import type { Database } from '../../src/lib/platform/server/db/engine';
import type {
	CategoryTable,
	DB,
	OrganisationKind,
	Role
} from '../../src/lib/platform/server/db/schema';
import { findSessionMemberships, type SessionUser } from '../../src/lib/auth/server/session';
import { useEmptyDatabase, type DatabaseFrame } from './db';

// The one way tests build a world of trades, categories, organisations and people. A fixture
// file names its world in a spec for buildWorld() and adds what only its tests need.

/** 'Horsens Kommune' → 'horsens-kommune'. */
export function slugOf(name: string): string {
	return name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
}

export const TRADE = {
	smed: { code: 'smed', nameDa: 'Smed', nameEn: 'Smith' },
	industritekniker: {
		code: 'industritekniker',
		nameDa: 'Industritekniker',
		nameEn: 'Industrial technician'
	}
} as const;

export type TradeSpec = Insertable<DB['trade']>;
export type CategorySpec = Insertable<CategoryTable>;

export interface OrganisationSpec {
	name: string;
	kind: OrganisationKind;
	/** The key of a municipality named earlier in the same spec, or an id. */
	municipality?: string | null;
	slug?: string;
	contactEmail?: string;
	phone?: string;
	trades?: string[];
}

export interface UserSpec {
	name: string;
	/** `${name in lower case}@example.dk` unless given. */
	email?: string;
	isSecretariat?: boolean;
	/** Organisation (key in the same spec, or id) → role. */
	memberships?: [string, Role][];
}

export async function addOrganisation(db: Kysely<DB>, spec: OrganisationSpec): Promise<string> {
	const slug = spec.slug ?? slugOf(spec.name);
	const row = await db
		.insertInto('organisation')
		.values({
			name: spec.name,
			slug,
			kind: spec.kind,
			municipalityId: spec.municipality ?? null,
			contactEmail: spec.contactEmail,
			phone: spec.phone
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	for (const tradeCode of spec.trades ?? []) {
		await db
			.insertInto('organisationTrade')
			.values({ organisationId: row.id, tradeCode })
			.execute();
	}
	return row.id;
}

/** Inserts the user and its memberships; returns it as hooks.server.ts puts it on locals. */
export async function addUser(db: Kysely<DB>, spec: UserSpec): Promise<SessionUser> {
	const email = spec.email ?? `${spec.name.toLowerCase()}@example.dk`;
	const isSecretariat = spec.isSecretariat ?? false;
	const { id } = await db
		.insertInto('appUser')
		.values({ email, name: spec.name, isSecretariat })
		.returning('id')
		.executeTakeFirstOrThrow();
	for (const [organisationId, role] of spec.memberships ?? []) {
		await db.insertInto('membership').values({ userId: id, organisationId, role }).execute();
	}
	const memberships = await findSessionMemberships(db, id);
	return { id, email, name: spec.name, isSecretariat, locale: 'da', memberships };
}

export interface WorldSpec<O extends string, U extends string, C extends string> {
	trades?: TradeSpec[];
	categories?: Record<C, CategorySpec>;
	/** Inserted in this order; a municipality is named before the organisations in it. */
	organisations?: Record<O, OrganisationSpec>;
	/** `null` for a visitor who is not logged in. */
	users?: Record<U, UserSpec | null>;
}

export interface World<O extends string, U extends string, C extends string> {
	org: Record<O, string>;
	users: Record<U, SessionUser | null>;
	category: Record<C, string>;
}

/** Builds the world the spec names and returns the ids by the spec's keys. */
export async function buildWorld<
	O extends string = never,
	U extends string = never,
	C extends string = never
>(db: Kysely<DB>, spec: WorldSpec<O, U, C>): Promise<World<O, U, C>> {
	if (spec.trades?.length) await db.insertInto('trade').values(spec.trades).execute();
	const category = {} as Record<C, string>;
	for (const [key, values] of Object.entries(spec.categories ?? {}) as [C, CategorySpec][]) {
		const row = await db
			.insertInto('category')
			.values(values)
			.returning('id')
			.executeTakeFirstOrThrow();
		category[key] = row.id;
	}
	const org = {} as Record<O, string>;
	const idOf = (keyOrId: string) => (org as Record<string, string>)[keyOrId] ?? keyOrId;
	for (const [key, o] of Object.entries(spec.organisations ?? {}) as [O, OrganisationSpec][]) {
		const municipality = o.municipality ? idOf(o.municipality) : null;
		org[key] = await addOrganisation(db, { ...o, municipality });
	}
	const users = {} as Record<U, SessionUser | null>;
	for (const [key, u] of Object.entries(spec.users ?? {}) as [U, UserSpec | null][]) {
		users[key] = u
			? await addUser(db, {
					...u,
					memberships: (u.memberships ?? []).map(([o, role]) => [idOf(o), role])
				})
			: null;
	}
	return { org, users, category };
}

/** A fixture's world together with the test database it was built in. */
export type WorldInDatabase<W> = W & DatabaseFrame;

/**
 * The frame of a database test file (see useTestDatabase) where before each test the database is
 * emptied (useEmptyDatabase) and `build` makes a fresh world in it.
 */
export function useWorld<W extends object>(
	build: (database: Database) => Promise<W>
): WorldInDatabase<W> {
	const world = useEmptyDatabase() as WorldInDatabase<W>;
	beforeEach(async () => {
		Object.assign(world, await build(world.database));
	});
	return world;
}
