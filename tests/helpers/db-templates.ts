import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase } from '../../src/lib/platform/server/db/engine';
import { migrateToLatest } from '../../src/lib/platform/server/db/migrate';

/**
 * Where each test file copies its database from, made once per run by tests/global-setup.ts.
 * Booting and migrating a database per file was most of the suite's time.
 */
export type DatabaseTemplates =
	| { engine: 'pglite'; migrated: string; empty: string }
	| { engine: 'postgres'; template: string; prefix: string };

declare module 'vitest' {
	export interface ProvidedContext {
		databaseTemplates: DatabaseTemplates;
	}
}

/** `url` with its database name replaced. */
export function withDatabase(url: string, name: string): string {
	const u = new URL(url);
	u.pathname = `/${name}`;
	return u.toString();
}

async function adminQuery(url: string, text: string): Promise<pg.QueryResult> {
	const client = new pg.Client({ connectionString: url });
	await client.connect();
	try {
		return await client.query(text);
	} finally {
		await client.end();
	}
}

/** Creates a database `name` on the server of `url`, copied from `template`. */
export async function createDatabaseFrom(url: string, name: string, template: string) {
	await adminQuery(url, `create database "${name}" template "${template}"`);
}

/**
 * PGlite: two data directory tarballs in a temporary folder, one right after initdb and one
 * migrated. PostgreSQL: one migrated template database; the run's databases share its prefix.
 * Returns the templates and a teardown that removes them and every database copied from them.
 */
export async function prepareDatabaseTemplates(
	url: string | undefined
): Promise<{ templates: DatabaseTemplates; teardown: () => Promise<void> }> {
	if (url) {
		const prefix = `test_${randomBytes(4).toString('hex')}_`;
		const template = `${prefix}template`;
		await adminQuery(url, `create database "${template}" template template0`);
		const database = await openDatabase({ url: withDatabase(url, template), poolSize: 1 });
		await migrateToLatest(database.db);
		await database.close();
		return {
			templates: { engine: 'postgres', template, prefix },
			teardown: async () => {
				// The files only close their pools: dropping a database costs a checkpoint, paid once here.
				const { rows } = await adminQuery(
					url,
					`select datname from pg_database where datname like '${prefix}%'`
				);
				for (const { datname } of rows) {
					await adminQuery(url, `drop database if exists "${datname}" with (force)`);
				}
			}
		};
	}
	const folder = mkdtempSync(join(tmpdir(), 'aarshjul-test-db-'));
	const database = await openDatabase({ dataDir: 'memory://' });
	const empty = join(folder, 'empty.tar');
	const migrated = join(folder, 'migrated.tar');
	// Uncompressed: unpacking a gzip costs each file more than reading 40 MB from the page cache.
	const dump = async (path: string) =>
		writeFileSync(path, Buffer.from(await (await database.dumpDataDir!()).arrayBuffer()));
	await dump(empty);
	await migrateToLatest(database.db);
	await dump(migrated);
	await database.close();
	return {
		templates: { engine: 'pglite', migrated, empty },
		teardown: async () => rmSync(folder, { recursive: true, force: true })
	};
}
