import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, beforeEach, inject } from 'vitest';
import { openDatabase, type Database } from '../../src/lib/platform/server/db/engine';
import type { DB } from '../../src/lib/platform/server/db/schema';
import { createDatabaseFrom, withDatabase } from './db-templates';

/**
 * A fresh, migrated database for one test file: an in-memory PGlite, or — when DATABASE_URL is
 * set — a database of its own on that PostgreSQL server. Both are copies of templates that
 * tests/global-setup.ts migrated once for the run; `migrate: false` copies an empty one.
 */
export async function createTestDatabase(options: { migrate?: boolean } = {}): Promise<Database> {
	const migrate = options.migrate !== false;
	const url = process.env.DATABASE_URL;
	const templates = inject('databaseTemplates');
	if (templates?.engine !== (url ? 'postgres' : 'pglite')) {
		throw new Error('No database templates for this engine: run under tests/global-setup.ts');
	}
	if (templates.engine === 'pglite') {
		const tarball = readFileSync(migrate ? templates.migrated : templates.empty);
		return openDatabase({ dataDir: 'memory://', loadDataDir: new Blob([tarball]) });
	}
	const name = `${templates.prefix}${randomBytes(6).toString('hex')}`;
	await createDatabaseFrom(url!, name, migrate ? templates.template : 'template0');
	// Small pools: many test files run at once against one server. The run's teardown drops it.
	return openDatabase({ url: withDatabase(url!, name), poolSize: 4 });
}

/** Empties every table but the migration bookkeeping, so each test starts from a known state. */
export async function truncateAll(database: Database): Promise<void> {
	const { rows } = await sql<{ tablename: string }>`
		select tablename from pg_tables
		where schemaname = current_schema() and tablename not like 'kysely_%'`.execute(database.db);
	if (rows.length === 0) return;
	const list = rows.map((r) => `"${r.tablename}"`).join(', ');
	await sql.raw(`truncate ${list} cascade`).execute(database.db);
}

/** A test file's database as its tests use it (`db` is `database.db`). */
export interface DatabaseFrame {
	database: Database;
	db: Kysely<DB>;
}

/**
 * One test database for the whole file: opened before its tests and closed after them. The hooks
 * fill the fields in, so read them inside hooks and tests, not when the file is collected.
 */
export function useTestDatabase(): DatabaseFrame {
	const frame = {} as DatabaseFrame;
	beforeAll(async () => {
		frame.database = await createTestDatabase();
		frame.db = frame.database.db;
	});
	afterAll(async () => {
		await frame.database?.close();
	});
	return frame;
}

/** useTestDatabase, emptied before each test so that every test starts from a known state. */
export function useEmptyDatabase(): DatabaseFrame {
	const frame = useTestDatabase();
	beforeEach(async () => {
		await truncateAll(frame.database);
	});
	return frame;
}
