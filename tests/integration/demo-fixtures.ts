import type { Kysely } from 'kysely';
import { afterAll, beforeAll } from 'vitest';
import { seedDemo } from '../../db/seed';
import type { DB } from '../../src/lib/platform/server/db/schema';
import type { SessionUser } from '../../src/lib/auth/server/session';
import { useTestDatabase, type DatabaseFrame } from '../helpers/db';
import { sessionUser, stopRoutes, useForRoutes } from './organisation.fixtures';

// The demo data (db/seed) as a world: tests that read what a newcomer sees after `npm run demo`.

/**
 * One test database for the file, seeded with the demo once before its tests (they only read it,
 * or undo what they write). `routes` also points the route handlers at it while the file runs.
 */
export function useDemoDatabase(options: { routes?: boolean } = {}): DatabaseFrame {
	const demo = useTestDatabase();
	// Seeding the whole demo takes longer than the usual hook timeout on a busy machine.
	beforeAll(async () => {
		await seedDemo(demo.db);
		if (options.routes) useForRoutes(demo.database);
	}, 120_000);
	if (options.routes) afterAll(stopRoutes);
	return demo;
}

/** A demo login (e.g. 'skole@aarshjul.example') as hooks.server.ts puts it on locals. */
export async function demoUser(db: Kysely<DB>, email: string): Promise<SessionUser> {
	const { id } = await db
		.selectFrom('appUser')
		.select('id')
		.where('email', '=', email)
		.executeTakeFirstOrThrow();
	return sessionUser(db, id);
}
