import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import { openDatabase, type Database } from '../../src/lib/server/db/engine';
import { migrateToLatest } from '../../src/lib/server/db/migrate';

/**
 * A fresh, migrated database for one test file: an in-memory PGlite, or — when DATABASE_URL is
 * set — a schema of its own on that PostgreSQL server, dropped again by close().
 */
export async function createTestDatabase(options: { migrate?: boolean } = {}): Promise<Database> {
	const url = process.env.DATABASE_URL;
	let database: Database;
	if (url) {
		const schema = `test_${randomBytes(6).toString('hex')}`;
		const admin = new pg.Client({ connectionString: url });
		await admin.connect();
		await admin.query(`create schema ${schema}`);
		await admin.end();
		// Small pools: many test files run at once against one server.
		const inner = await openDatabase({ url, schema, poolSize: 4 });
		database = {
			...inner,
			close: async () => {
				await inner.close();
				const c = new pg.Client({ connectionString: url });
				await c.connect();
				await c.query(`drop schema ${schema} cascade`);
				await c.end();
			}
		};
	} else {
		database = await openDatabase({ dataDir: 'memory://' });
	}
	if (options.migrate !== false) await migrateToLatest(database.db);
	return database;
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
