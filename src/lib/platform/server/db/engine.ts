import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { CamelCasePlugin, Kysely, PostgresDialect } from 'kysely';
import { WriteSignalPlugin } from './write-signal';
import pg from 'pg';
import { DatabaseUnavailableError } from '../db-unavailable';
import { pgliteTemplateFor, unpackTemplate } from './pglite-template';
import type { DB } from './schema';

// Dates stay 'YYYY-MM-DD' strings: JS Date would shift them with the server's time zone.
pg.types.setTypeParser(1082, (v) => v);
// Counts (bigint) as numbers; our counts never pass 2^53.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));
pg.types.setTypeParser(1700, (v) => Number.parseFloat(v));

export type Engine = 'pglite' | 'postgres';

export interface Database {
	db: Kysely<DB>;
	engine: Engine;
	close(): Promise<void>;
	/** Embedded engine only: a tarball of the data directory, for `loadDataDir`. */
	dumpDataDir?(): Promise<Blob>;
}

export interface DatabaseOptions {
	/** postgres://… — when absent, the embedded engine is used. */
	url?: string;
	/** Folder for the embedded engine, or 'memory://'. */
	dataDir?: string;
	/** Schema to use on PostgreSQL (tests isolate themselves with one each). */
	schema?: string;
	/** Connections in the PostgreSQL pool (DATABASE_POOL_SIZE, default 10). */
	poolSize?: number;
	/** Embedded engine only: start from this data directory tarball (PGlite's dumpDataDir). */
	loadDataDir?: Blob;
}

/**
 * A connection that PostgreSQL ends (pg_terminate_backend, a restart, a network cut) makes its
 * client emit 'error' — idle in the pool, or checked out between two queries. An 'error' event
 * nobody listens to ends the Node process, so both get a listener that only logs: the query in
 * flight fails on its own (the request answers 503, see db-unavailable.ts), the pool drops the
 * broken client, and the next query opens a new connection.
 */
function keepAliveWhenConnectionsDie(pool: pg.Pool): void {
	const log = (error: Error) => console.error(`database: connection lost: ${error.message}`);
	pool.on('error', log);
	pool.on('connect', (client) => {
		client.on('error', log);
	});
}

/** Opens the database: PostgreSQL when a URL is given, else embedded PGlite. */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
	if (options.url) {
		const pool = new pg.Pool({
			connectionString: options.url,
			max: options.poolSize ?? Number(process.env.DATABASE_POOL_SIZE ?? 10),
			options: options.schema ? `-c search_path=${options.schema}` : undefined
		});
		keepAliveWhenConnectionsDie(pool);
		const db = new Kysely<DB>({
			// A connection that cannot be opened is marked as such: the request answers 503.
			dialect: new PostgresDialect({
				pool: {
					connect: () =>
						pool.connect().catch((error: unknown) => {
							throw new DatabaseUnavailableError(error);
						}),
					end: () => pool.end()
				}
			}),
			plugins: [new WriteSignalPlugin(), new CamelCasePlugin()]
		});
		return { db, engine: 'postgres', close: () => db.destroy() };
	}

	const dataDir = options.dataDir ?? './data/pglite';
	if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
	// PostgreSQL's default 128 MB of shared buffers (and what is sized from them) was ~170 MB of the
	// embedded server's RSS (docs/BENCHMARKS.md, issue 7); an alliance's database is a few MB,
	// and pages that do not fit are read from the files, which the OS caches anyway. 8 MB: what
	// WebAssembly memory is touched stays touched, and the demo's pages ran as fast as with 16.
	const startParams = [...PGlite.defaultStartParams, '-c', 'shared_buffers=8MB'];
	// A new folder starts from the cluster made at build time (PGlite's own initdb peaks at
	// ~650 MB), unpacked in a process of its own; a given tarball (the tests' migrated template)
	// is loaded here.
	const template = options.loadDataDir ? undefined : pgliteTemplateFor(dataDir);
	if (template) await unpackTemplate(dataDir, template, startParams);
	const pglite = await PGlite.create(dataDir, { startParams, loadDataDir: options.loadDataDir });
	// PGlite is a single connection: a pool of one serialises every query through it.
	const pool = new pg.Pool({ ...createPgConfig(pglite), max: 1 });
	const db = new Kysely<DB>({
		dialect: new PostgresDialect({ pool }),
		plugins: [new WriteSignalPlugin(), new CamelCasePlugin()]
	});
	return {
		db,
		engine: 'pglite',
		close: async () => {
			await db.destroy();
			await pglite.close();
		},
		dumpDataDir: async () => {
			// Flushes the buffers into the files, so a copy starts without replaying the WAL.
			await pglite.exec('checkpoint');
			return pglite.dumpDataDir('none');
		}
	};
}
