import type { Kysely } from 'kysely';
import { openDatabase, type Database } from './engine';
import { migrateToLatest } from './migrate';
import type { DB } from './schema';

export type { DB } from './schema';
export type Db = Kysely<DB>;

const KEY = Symbol.for('aarshjul.database');
type Holder = { [KEY]?: Promise<Database> };

/** Options from the environment: DATABASE_URL selects PostgreSQL, else PGlite in DATA_DIR. */
export function databaseOptionsFromEnv(env: NodeJS.ProcessEnv = process.env) {
	return {
		url: env.DATABASE_URL || undefined,
		dataDir: env.DATA_DIR ? `${env.DATA_DIR.replace(/\/$/, '')}/pglite` : './data/pglite'
	};
}

/**
 * The one database of this process, migrated. Kept on globalThis so that Vite's hot reload
 * never opens the embedded data folder twice.
 */
export function getDatabase(): Promise<Database> {
	const holder = globalThis as Holder;
	holder[KEY] ??= (async () => {
		const database = await openDatabase(databaseOptionsFromEnv());
		await migrateToLatest(database.db);
		return database;
	})();
	return holder[KEY];
}

export async function getDb(): Promise<Db> {
	return (await getDatabase()).db;
}

/** Where the command-line tools work, in Danish: "PostgreSQL på host/db" or the embedded folder. */
export function describeDatabaseTarget(options: ReturnType<typeof databaseOptionsFromEnv>): string {
	if (options.url) {
		const url = new URL(options.url);
		return `PostgreSQL på ${url.host}${url.pathname}`;
	}
	return `den indbyggede database i ${options.dataDir}`;
}
