import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Kysely } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logIn } from '../../src/lib/auth/server/auth';
import { openDatabase } from '../../src/lib/platform/server/db/engine';
import type { DB } from '../../src/lib/platform/server/db/schema';
import { SECRETARIAT_ORGANISATION } from '../../src/lib/auth/server/first-admin';
import { findValidToken, resetPassword } from '../../src/lib/auth/server/user-token';

// `npm run admin:create` run as the operator runs it: a child process on a scratch database of
// its own — a fresh DATA_DIR, or a new database on the server in DATABASE_URL — which the test
// then opens to log in with the password given, or to use the printed link.

const ROOT = resolve(import.meta.dirname, '../..');
const TSX = join(ROOT, 'node_modules/tsx/dist/cli.mjs');
const ORIGIN = 'https://aarshjul.example.dk';
const SLOW = 180_000;

interface Run {
	code: number | null;
	stdout: string;
	stderr: string;
}

let dataDir: string | undefined;
let databaseUrl: string | undefined;
let scratchName: string | undefined;

async function adminClient(): Promise<pg.Client> {
	const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
	await client.connect();
	return client;
}

beforeAll(async () => {
	if (process.env.DATABASE_URL) {
		scratchName = `prod_admin_${randomBytes(5).toString('hex')}`;
		const client = await adminClient();
		await client.query(`create database ${scratchName}`);
		await client.end();
		const url = new URL(process.env.DATABASE_URL);
		url.pathname = `/${scratchName}`;
		databaseUrl = url.toString();
	} else {
		dataDir = mkdtempSync(join(tmpdir(), 'aarshjul-admin-create-'));
	}
});

afterAll(async () => {
	if (dataDir) rmSync(dataDir, { recursive: true, force: true });
	if (scratchName) {
		const client = await adminClient();
		await client.query(`drop database if exists ${scratchName} with (force)`);
		await client.end();
	}
});

function adminCreate(args: string[], stdin = ''): Promise<Run> {
	const child = spawn(process.execPath, [TSX, 'db/admin-create.ts', ...args], {
		cwd: ROOT,
		env: {
			...process.env,
			ORIGIN,
			DATABASE_URL: databaseUrl ?? '',
			DATA_DIR: dataDir ?? ''
		},
		stdio: ['pipe', 'pipe', 'pipe']
	});
	let stdout = '';
	let stderr = '';
	child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
	child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
	child.stdin.end(stdin);
	return new Promise((done) => child.once('close', (code) => done({ code, stdout, stderr })));
}

/** Opens the scratch database as the app would; the CLI has exited, so PGlite is free. */
async function withDb<T>(work: (db: Kysely<DB>) => Promise<T>): Promise<T> {
	const database = await openDatabase(
		databaseUrl ? { url: databaseUrl, poolSize: 1 } : { dataDir: `${dataDir}/pglite` }
	);
	try {
		return await work(database.db);
	} finally {
		await database.close();
	}
}

const ip = () => `10.9.${randomBytes(1)[0]}.${randomBytes(1)[0]}`;

describe('npm run admin:create', () => {
	it(
		'refuses an invalid e-mail with a Danish message and exit code 2',
		async () => {
			const run = await adminCreate(['--email', 'ikke-en-adresse']);
			expect(run.code).toBe(2);
			expect(run.stderr).toContain('"ikke-en-adresse" er ikke en gyldig e-mailadresse.');
			const missing = await adminCreate(['--name', 'Uden Adresse']);
			expect(missing.code).toBe(2);
			expect(missing.stderr).toContain('Angiv administratorens e-mailadresse med --email.');
		},
		SLOW
	);

	it(
		'creates a secretariat admin and prints a one-time link that sets the password',
		async () => {
			const run = await adminCreate(['--email', 'Mette@Alliancen.dk', '--name', 'Mette Lund']);
			expect(run.code, run.stderr).toBe(0);
			expect(run.stdout).toContain(
				'Sekretariatets organisation (DI Lærlingeindsatsen) er oprettet.'
			);
			expect(run.stdout).toContain('Administratoren mette@alliancen.dk er oprettet');
			const token = run.stdout.match(
				/https:\/\/aarshjul\.example\.dk\/nulstil\/([a-z2-7]{32})/
			)?.[1];
			expect(token, run.stdout).toBeDefined();

			await withDb(async (db) => {
				const user = await db
					.selectFrom('appUser')
					.innerJoin('membership', 'membership.userId', 'appUser.id')
					.innerJoin('organisation', 'organisation.id', 'membership.organisationId')
					.select(['appUser.name', 'appUser.isSecretariat', 'membership.role', 'organisation.slug'])
					.where('appUser.email', '=', 'mette@alliancen.dk')
					.executeTakeFirstOrThrow();
				expect(user).toEqual({
					name: 'Mette Lund',
					isSecretariat: true,
					role: 'admin',
					slug: SECRETARIAT_ORGANISATION.slug
				});
				// No password yet: nobody logs in before the link is used.
				const before = await logIn(db, { email: 'mette@alliancen.dk', password: '', ip: ip() });
				expect(before.ok).toBe(false);
				expect(await findValidToken(db, 'reset', token!)).not.toBeNull();
				expect(await resetPassword(db, token!, 'sekretariatets-kode-1')).not.toBeNull();
				const after = await logIn(db, {
					email: 'mette@alliancen.dk',
					password: 'sekretariatets-kode-1',
					ip: ip()
				});
				expect(after.ok).toBe(true);
				// The link works once.
				expect(await findValidToken(db, 'reset', token!)).toBeNull();
			});
		},
		SLOW
	);

	it(
		'says an existing address exists and leaves its password alone',
		async () => {
			const run = await adminCreate(['--email', 'mette@alliancen.dk']);
			expect(run.code, run.stderr).toBe(0);
			expect(run.stdout).toContain(
				'mette@alliancen.dk findes allerede og er allerede sekretariatets administrator.'
			);
			expect(run.stdout).toContain('Adgangskoden er ikke ændret');
			expect(run.stdout).not.toContain('/nulstil/');
			await withDb(async (db) => {
				const login = await logIn(db, {
					email: 'mette@alliancen.dk',
					password: 'sekretariatets-kode-1',
					ip: ip()
				});
				expect(login.ok).toBe(true);
				const organisations = await db
					.selectFrom('organisation')
					.select('id')
					.where('slug', '=', SECRETARIAT_ORGANISATION.slug)
					.execute();
				expect(organisations).toHaveLength(1);
			});
		},
		SLOW
	);

	it(
		'reads the password from standard input with --password-stdin, and refuses a short one',
		async () => {
			const short = await adminCreate(
				['--email', 'anders@alliancen.dk', '--password-stdin'],
				'kort\n'
			);
			expect(short.code).toBe(2);
			expect(short.stderr).toContain('Adgangskoden skal være mindst 10 tegn.');

			const run = await adminCreate(
				['--email', 'anders@alliancen.dk', '--password-stdin'],
				'en lang nok adgangskode\n'
			);
			expect(run.code, run.stderr).toBe(0);
			expect(run.stdout).toContain('Administratoren anders@alliancen.dk er oprettet');
			expect(run.stdout).toContain('Adgangskoden er sat.');
			expect(run.stdout).not.toContain('/nulstil/');
			await withDb(async (db) => {
				const login = await logIn(db, {
					email: 'anders@alliancen.dk',
					password: 'en lang nok adgangskode',
					ip: ip()
				});
				expect(login.ok).toBe(true);
			});
		},
		SLOW
	);
});
