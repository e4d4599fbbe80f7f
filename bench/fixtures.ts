// The benchmark database: a fresh embedded database (PGlite) with the demo alliance and enough
// generated activities that school year 2026/27 holds exactly BENCH_ACTIVITIES (2,000).
// When build/ exists, the built app creates schema and demo data on its first start (so they
// match the build being measured); else this file migrates and seeds from the source.
// Run on its own: npx tsx bench/fixtures.ts   (prints what it made and how long it took)
// With BENCH_DATABASE_URL=postgres://…/aarshjul_bench the same data goes to PostgreSQL instead.
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import pg from 'pg';
import { seedDemo } from '../db/seed/index';
import { addDays } from '../src/lib/platform/dates/iso';
import { schoolYearRange } from '../src/lib/platform/dates/school-year';
import { openDatabase } from '../src/lib/platform/server/db/engine';
import { migrateToLatest } from '../src/lib/platform/server/db/migrate';
import type { NewActivity, Visibility } from '../src/lib/platform/server/db/schema';
import { ROOT, startServer } from './server';

export const BENCH_YEAR = '2026/27';
export const BENCH_ACTIVITIES = 2000;
/** The app reads DATA_DIR and keeps its embedded database in DATA_DIR/pglite. */
export const BENCH_DATA_DIR = process.env.BENCH_DATA_DIR ?? '/tmp/aarshjul-bench';
/**
 * Optional: benchmark on PostgreSQL instead, e.g. postgres://postgres@127.0.0.1:5432/aarshjul_bench.
 * The database named in the URL is dropped and created afresh (connecting to 'postgres' for it).
 */
export const BENCH_DATABASE_URL = process.env.BENCH_DATABASE_URL || undefined;

function maintenanceUrl(url: string): { url: string; name: string } {
	const parsed = new URL(url);
	const name = decodeURIComponent(parsed.pathname.slice(1));
	if (!/^[a-z_][a-z0-9_]*$/.test(name) || !name.includes('bench')) {
		throw new Error(
			`BENCH_DATABASE_URL must name a database with 'bench' in it, not ${JSON.stringify(name)}.`
		);
	}
	parsed.pathname = '/postgres';
	return { url: parsed.toString(), name };
}

export async function recreatePostgresDatabase(url: string, drop = false): Promise<void> {
	const { url: admin, name } = maintenanceUrl(url);
	const client = new pg.Client({ connectionString: admin });
	await client.connect();
	try {
		await client.query(`drop database if exists ${name} with (force)`);
		if (!drop) await client.query(`create database ${name}`);
	} finally {
		await client.end();
	}
}

/** Removes the benchmark database (folder or PostgreSQL database). */
export async function removeBenchDatabase(dataDir = BENCH_DATA_DIR): Promise<void> {
	rmSync(dataDir, { recursive: true, force: true });
	if (BENCH_DATABASE_URL) await recreatePostgresDatabase(BENCH_DATABASE_URL, true);
}

export interface BenchFixture {
	/** The folder, or the PostgreSQL URL. */
	dataDir: string;
	/** Activities overlapping the school year, all visibilities (what the secretariat sees). */
	activities: number;
	/** Of those, how many an anonymous visitor sees (public). */
	publicActivities: number;
	/** Activities overlapping the benchmark month (February 2027), all visibilities. */
	monthActivities: number;
	seconds: number;
	/** Who made the schema and demo data: the built app on its first start, or the source. */
	schemaBy: 'build' | 'source';
}

// A small deterministic generator: the same database on every run.
function generator(seed: number): () => number {
	let state = seed;
	return () => {
		state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
		return state / 2 ** 31;
	};
}

const TITLES = [
	'Virksomhedsbesøg',
	'Erhvervspraktik',
	'Brobygning',
	'Uddannelsesmesse',
	'Lærepladsmatch',
	'Styregruppemøde',
	'Åbent hus',
	'Forældremøde om valg af uddannelse',
	'Temadag om grøn omstilling',
	'Skills-konkurrence'
];

/**
 * Deletes dataDir, migrates, seeds the demo alliance and tops school year 2026/27 up to `target`
 * activities in one transaction. Mostly public and alliance, some private; 1–10 days; some timed.
 */
export async function prepareBenchDatabase(
	dataDir = BENCH_DATA_DIR,
	target = BENCH_ACTIVITIES,
	schemaBy: 'build' | 'source' = existsSync(join(ROOT, 'build', 'index.js')) ? 'build' : 'source',
	// bench/run.ts prepares both engines in one process, on ports of its own.
	options: { databaseUrl?: string; port?: number } = {}
): Promise<BenchFixture> {
	const began = performance.now();
	const databaseUrl = 'databaseUrl' in options ? options.databaseUrl : BENCH_DATABASE_URL;
	rmSync(dataDir, { recursive: true, force: true });
	if (databaseUrl) await recreatePostgresDatabase(databaseUrl);
	if (schemaBy === 'build') {
		// The built app migrates and seeds an empty database on start: its schema then matches the
		// build being measured, even while the source tree has moved on (new migrations).
		const server = await startServer({ dataDir, databaseUrl, port: options.port ?? 4423 });
		await server.stop();
	}
	const database = await openDatabase(
		databaseUrl ? { url: databaseUrl, poolSize: 2 } : { dataDir: `${dataDir}/pglite` }
	);
	try {
		const db = database.db;
		if (schemaBy === 'source') {
			await migrateToLatest(db);
			await seedDemo(db);
		}
		const { start, end } = schoolYearRange(BENCH_YEAR);
		const countIn = async (from: string, to: string, publicOnly = false) => {
			let query = db
				.selectFrom('activity')
				.select((eb) => eb.fn.countAll<number>().as('n'))
				.where('startDate', '<=', to)
				.where('endDate', '>=', from);
			if (publicOnly) query = query.where('visibility', '=', 'public');
			return (await query.executeTakeFirstOrThrow()).n;
		};
		const seeded = await countIn(start, end);
		const missing = target - seeded;
		if (missing < 0)
			throw new Error(`The demo seed already has ${seeded} activities (> ${target}).`);

		const categories = await db.selectFrom('category').select('id').orderBy('ring').execute();
		const organisations = await db
			.selectFrom('organisation')
			.select(['id', 'kind'])
			.orderBy('slug')
			.execute();
		const secretariat = await db
			.selectFrom('appUser')
			.select('id')
			.where('isSecretariat', '=', true)
			.executeTakeFirstOrThrow();
		const owners = organisations.filter((o) => o.kind !== 'municipality');
		const participantsPool = organisations.filter(
			(o) => o.kind === 'school' || o.kind === 'company' || o.kind === 'municipality'
		);

		const random = generator(2026);
		const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)];
		const rows: NewActivity[] = [];
		const participants: { activityId: string; organisationId: string }[] = [];
		for (let i = 0; i < missing; i++) {
			// Start in the school year, leaving room so a 10-day activity still overlaps it.
			const startDate = addDays(start, Math.floor(random() * 360));
			const days = 1 + Math.floor(random() * 10);
			const r = random();
			const visibility: Visibility = r < 0.55 ? 'public' : r < 0.9 ? 'alliance' : 'private';
			const timed = random() < 0.2;
			const hour = 8 + Math.floor(random() * 8);
			const id = crypto.randomUUID();
			rows.push({
				id,
				ownerId: pick(owners).id,
				categoryId: categories[i % categories.length].id,
				title: `${pick(TITLES)} ${i + 1}`,
				description: 'Genereret til ydelsesmåling.',
				place: 'Horsens',
				startDate,
				endDate: addDays(startDate, days - 1),
				startTime: timed ? `${String(hour).padStart(2, '0')}:00:00` : null,
				endTime: timed ? `${String(hour + 2).padStart(2, '0')}:00:00` : null,
				visibility,
				status: random() < 0.03 ? 'cancelled' : 'planned',
				createdBy: secretariat.id
			});
			if (random() < 0.5)
				participants.push({ activityId: id, organisationId: pick(participantsPool).id });
		}
		await db.transaction().execute(async (trx) => {
			// Batches keep each statement well below PostgreSQL's 65,535 parameters.
			for (let i = 0; i < rows.length; i += 500) {
				await trx
					.insertInto('activity')
					.values(rows.slice(i, i + 500))
					.execute();
			}
			for (let i = 0; i < participants.length; i += 1000) {
				await trx
					.insertInto('activityParticipant')
					.values(participants.slice(i, i + 1000))
					.execute();
			}
		});
		await sql`analyze`.execute(db);
		return {
			dataDir: databaseUrl ?? dataDir,
			activities: await countIn(start, end),
			publicActivities: await countIn(start, end, true),
			monthActivities: await countIn('2027-02-01', '2027-02-28'),
			seconds: (performance.now() - began) / 1000,
			schemaBy
		};
	} finally {
		await database.close();
	}
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	prepareBenchDatabase()
		.then((f) =>
			console.log(
				`bench database in ${f.dataDir}: ${f.activities} activities in ${BENCH_YEAR} ` +
					`(${f.publicActivities} public), ${f.monthActivities} in February 2027; ` +
					`schema and demo data by the ${f.schemaBy}; ${f.seconds.toFixed(1)} s`
			)
		)
		.catch((error: unknown) => {
			console.error(error);
			process.exitCode = 1;
		});
}
