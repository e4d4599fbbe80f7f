import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { adminQuery, postgresReachable, urlFor } from './databases';
import { prepareWorlds, type Worlds } from './world';

export interface Templates {
	/** A DATA_DIR holding a migrated embedded database with the demo alliance and the offers. */
	pglite: { dataDir: string; worlds: Worlds };
	/** The same as a PostgreSQL database to copy; null when no server is reachable (not in CI). */
	postgres: { database: string; worlds: Worlds } | null;
}

declare module 'vitest' {
	export interface ProvidedContext {
		templates: Templates;
	}
}

/**
 * Creating a database is the slowest step of these tests (initdb in WASM above all): do it once
 * per run, and give each test a copy — a copied folder, or `create database … template …`.
 */
export default async function setup(project: TestProject) {
	// First, so that CI fails at once when PostgreSQL is missing.
	const withPostgres = await postgresReachable();
	const dataDir = mkdtempSync(join(tmpdir(), 'aarshjul-durability-template-'));
	const templates: Templates = {
		pglite: { dataDir, worlds: await prepareWorlds({ dataDir }) },
		postgres: null
	};
	const database = `aarshjul_durability_template_${process.pid}`;
	if (withPostgres) {
		await adminQuery(`drop database if exists ${database}`);
		await adminQuery(`create database ${database}`);
		const worlds = await prepareWorlds({ databaseUrl: urlFor(database) });
		templates.postgres = { database, worlds };
	}
	project.provide('templates', templates);
	return async () => {
		rmSync(dataDir, { recursive: true, force: true });
		if (templates.postgres) await adminQuery(`drop database if exists ${database} with (force)`);
	};
}
