// The two engines the durability tests run on: a fresh embedded data folder, and a scratch
// database of its own on the PostgreSQL server (created here, dropped afterwards).
import { randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { Target } from './app';

/** A maintenance connection on the server the scratch databases are made on. */
export const ADMIN_URL =
	process.env.DURABILITY_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export async function adminQuery(sql: string): Promise<void> {
	const client = new pg.Client({ connectionString: ADMIN_URL });
	await client.connect();
	try {
		await client.query(sql);
	} finally {
		await client.end();
	}
}

/**
 * Whether PostgreSQL can be reached. In CI it must be: an unreachable server fails the run
 * instead of quietly skipping half of it. On a laptop without one the embedded part still runs.
 */
export async function postgresReachable(): Promise<boolean> {
	try {
		await adminQuery('select 1');
		return true;
	} catch (error) {
		if (process.env.CI)
			throw new Error(`PostgreSQL at ${ADMIN_URL} is required in CI`, { cause: error });
		console.warn(`PostgreSQL at ${ADMIN_URL} is unreachable: skipping its durability tests`);
		return false;
	}
}

export interface Scratch {
	target: Target;
	/** The connection string pg_dump and psql are given. */
	url?: string;
	remove(): Promise<void>;
}

export function urlFor(database: string): string {
	const url = new URL(ADMIN_URL);
	url.pathname = `/${database}`;
	return url.toString();
}

/**
 * A PostgreSQL database named aarshjul_durability_<pid>_<label>_<random>: empty, or a copy of
 * a template database.
 */
export async function scratchPostgres(label: string, template?: string): Promise<Scratch> {
	const name = `aarshjul_durability_${process.pid}_${label}_${randomBytes(3).toString('hex')}`;
	await adminQuery(`create database ${name}${template ? ` template ${template}` : ''}`);
	const url = urlFor(name);
	return {
		target: { databaseUrl: url },
		url,
		remove: () => adminQuery(`drop database if exists ${name} with (force)`)
	};
}

/**
 * A folder for the embedded engine (the app keeps its files in <folder>/pglite): empty, or a
 * copy of a prepared one.
 */
export function scratchFolder(label: string, copyOf?: string): Scratch {
	const dataDir = mkdtempSync(join(tmpdir(), `aarshjul-durability-${label}-`));
	if (copyOf) cpSync(copyOf, dataDir, { recursive: true });
	return {
		target: { dataDir },
		remove: async () => rmSync(dataDir, { recursive: true, force: true })
	};
}

export type EngineName = 'pglite' | 'postgres';
