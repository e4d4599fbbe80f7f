// Calendar feeds (issue 5). Run: npx tsx bench/feed.ts   (the HTTP part needs `npm run build`)
// 1. In process: a school feed of 1,000 events — the body rendered from events (cold: every event
//    new to the render cache; warm: as on the next poll), the whole body from the database, and
//    the validator query a 304 costs.
// 2. Over HTTP on loopback against `node build` (autocannon, 16 connections), for the seeded
//    school feed and one of 1,000 events: full responses (gzip and not) and
//    revalidations (If-None-Match → 304), with the in-process feed cache (default) and without it
//    (FEED_CACHE_MS=0); then the server's RSS over 100,000 requests.
// Targets: body < 10 ms; ≥ 1,000 full responses/s; ≥ 5,000 revalidations/s; RSS flat.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import type { Kysely } from 'kysely';
import { seedDemo } from '../db/seed/index';
import { openDatabase } from '../src/lib/platform/server/db/engine';
import { migrateToLatest } from '../src/lib/platform/server/db/migrate';
import type { DB, NewActivity } from '../src/lib/platform/server/db/schema';
import { buildFeedBody, feedValidators, resolveFeedSpec } from '../src/lib/feeds/server/feed';
import { getOrCreateFeedToken } from '../src/lib/feeds/server/token';
import { renderCalendar, type FeedEvent } from '../src/lib/feeds/server/ical';
import { startServer } from './server';
import { load, machine, median, percentile } from './stats';

const EVENTS = 1000;
const RUNS = 50;
const ORIGIN = 'http://localhost';

/** Generated activities of a demo school until its feed holds `events`; and its feed address. */
async function fillSchool(
	db: Kysely<DB>,
	slug: string,
	events = EVENTS
): Promise<{ schoolId: string; token: string }> {
	const school = await db
		.selectFrom('organisation')
		.select('id')
		.where('slug', '=', slug)
		.executeTakeFirstOrThrow();
	const category = await db.selectFrom('category').select('id').executeTakeFirstOrThrow();
	const spec = (await resolveFeedSpec(db, { scope: 'school', organisationId: school.id }))!;
	const body = await buildFeedBody(db, spec, { origin: ORIGIN });
	const existing = body.split('BEGIN:VEVENT').length - 1;
	const rows: NewActivity[] = [];
	for (let i = 0; i < events - existing; i++) {
		const day = new Date(Date.UTC(2026, 7, 10) + (i % 330) * 86_400_000).toISOString().slice(0, 10);
		const timed = i % 3 !== 0;
		rows.push({
			ownerId: school.id,
			categoryId: category.id,
			title: `Virksomhedsbesøg for 8.${'abc'[i % 3]} nr. ${i + 1} – Ørting Aluminium`,
			description: 'Eleverne møder lærlinge og ser værkstedet. Husk sikkerhedssko og madpakke.',
			place: 'Ørting Aluminium ApS, Ørtingvej 4, 8350 Hundslund',
			startDate: day,
			endDate: timed ? day : new Date(Date.parse(day) + 4 * 86_400_000).toISOString().slice(0, 10),
			startTime: timed ? '10:00:00' : null,
			endTime: timed ? '12:30:00' : null,
			visibility: i % 4 === 0 ? 'private' : 'alliance'
		});
	}
	for (let i = 0; i < rows.length; i += 500) {
		await db
			.insertInto('activity')
			.values(rows.slice(i, i + 500))
			.execute();
	}
	const made = await getOrCreateFeedToken(db, { scope: 'school', organisationId: school.id });
	return { schoolId: school.id, token: made.token! };
}

const ms = (values: number[]) =>
	`median ${median(values).toFixed(2)} ms, p95 ${percentile(values, 95).toFixed(2)} ms`;

async function timeIt(fn: () => Promise<unknown> | unknown): Promise<number[]> {
	for (let i = 0; i < 5; i++) await fn();
	const times: number[] = [];
	for (let i = 0; i < RUNS; i++) {
		const began = performance.now();
		await fn();
		times.push(performance.now() - began);
	}
	return times;
}

async function inProcess(): Promise<string> {
	const database = await openDatabase({ dataDir: 'memory://' });
	try {
		const db = database.db;
		await migrateToLatest(db);
		await seedDemo(db);
		const { schoolId } = await fillSchool(db, 'lundskolen');
		const spec = (await resolveFeedSpec(db, { scope: 'school', organisationId: schoolId }))!;
		const body = await buildFeedBody(db, spec, { origin: ORIGIN });
		const count = body.split('BEGIN:VEVENT').length - 1;
		const events: FeedEvent[] = [];
		for (let i = 0; i < count; i++) {
			events.push({
				uid: `activity-${i}@aarshjul`,
				sequence: 1,
				summary: `Virksomhedsbesøg for 8.a nr. ${i} – Ørting Aluminium`,
				startDate: '2027-03-30',
				endDate: '2027-03-30',
				startTime: i % 3 ? '10:00:00' : null,
				endTime: i % 3 ? '12:30:00' : null,
				status: 'CONFIRMED',
				location: 'Ørting Aluminium ApS, Ørtingvej 4, 8350 Hundslund',
				description: 'Eleverne møder lærlinge og ser værkstedet.\n\nSe aktiviteten: https://x/y',
				categories: ['Virksomhedsbesøg'],
				url: 'https://aarshjul.example/aktiviteter/1',
				modifiedAt: new Date(0)
			});
		}
		let stamp = 1;
		// Cold: a new modifiedAt makes every event new to the render cache.
		const cold = await timeIt(() => {
			const at = new Date(stamp++ * 1000);
			renderCalendar({ name: 'Bench', events: events.map((e) => ({ ...e, modifiedAt: at })) });
		});
		const fixed = events.map((e) => ({ ...e, modifiedAt: new Date(1) }));
		const warm = await timeIt(() => renderCalendar({ name: 'Bench', events: fixed }));
		const full = await timeIt(() => buildFeedBody(db, spec, { origin: ORIGIN }));
		const validators = await timeIt(() => feedValidators(db, spec, { origin: ORIGIN }));
		const lines = [
			`- feed of ${count} events (${(Buffer.byteLength(body) / 1024).toFixed(0)} kB)`,
			`- body rendered by ical-generator, cold: ${ms(cold)}`,
			`- body rendered, warm (render cache): ${ms(warm)}`,
			`- whole body from the database (PGlite; 4 queries + warm render): ${ms(full)}`,
			`- validators for a 304 (one query): ${ms(validators)}`
		];
		console.log(lines.join('\n'));
		return lines.join('\n');
	} finally {
		await database.close();
	}
}

async function cannon(url: string, headers: Record<string, string>, amount?: number) {
	return autocannon({
		url,
		connections: 16,
		pipelining: 1,
		headers,
		...(amount ? { amount } : { duration: DURATION })
	});
}

const DURATION = Number(process.env.BENCH_SECONDS ?? 8);
const GZIP = { 'accept-encoding': 'gzip' };

function rssMb(pid: number): number {
	const status = readFileSync(`/proc/${pid}/status`, 'utf8');
	return Number(status.match(/VmRSS:\s+(\d+)/)![1]) / 1024;
}

type Cannon = Awaited<ReturnType<typeof cannon>>;
const rate = (r: Cannon, ok: number) =>
	`${r.requests.average.toFixed(0)}/s (p99 ${r.latency.p99} ms; ${ok} expected, ${r.requests.total - ok} other, ${r.errors} errors)`;

interface Feed {
	name: string;
	token: string;
}

/** BENCH_FEED_DATABASE_URL=postgres://…/aarshjul_feed_bench runs the server on PostgreSQL. */
const PG_URL = process.env.BENCH_FEED_DATABASE_URL || undefined;

async function recreatePostgres(url: string): Promise<void> {
	const parsed = new URL(url);
	const name = parsed.pathname.slice(1);
	if (!/^[a-z_]*bench[a-z_]*$/.test(name)) throw new Error('the database name must contain bench');
	parsed.pathname = '/postgres';
	const client = new pg.Client({ connectionString: parsed.toString() });
	await client.connect();
	await client.query(`drop database if exists ${name} with (force)`);
	await client.query(`create database ${name}`);
	await client.end();
}

async function overHttp(dataDir: string, feeds: Feed[], cacheMs: string): Promise<string[]> {
	process.env.FEED_CACHE_MS = cacheMs;
	const server = await startServer({ dataDir, port: 4431, databaseUrl: PG_URL });
	const engine = PG_URL ? 'PostgreSQL' : 'PGlite';
	const label = `${engine}, ${cacheMs === '0' ? 'no feed cache' : `feed cache ${cacheMs} ms`}`;
	const lines: string[] = [];
	try {
		for (const feed of feeds) {
			const url = `${server.origin}/feeds/${feed.token}.ics`;
			const first = await fetch(url, { headers: { 'accept-encoding': 'identity' } });
			if (first.status !== 200) throw new Error(`feed answered ${first.status}`);
			const etag = first.headers.get('etag')!;
			const kb = (Buffer.byteLength(await first.text()) / 1024).toFixed(0);
			await cannon(url, GZIP, 500); // warm-up
			const gz = await cannon(url, GZIP);
			const plain = await cannon(url, {});
			const revalidate = await cannon(url, { 'if-none-match': etag });
			lines.push(
				`- ${feed.name} (${kb} kB), ${label}: full gzip ${rate(gz, gz['2xx'])}; full uncompressed ${rate(plain, plain['2xx'])}; 304 ${rate(revalidate, revalidate['3xx'])}`
			);
			console.log(lines.at(-1));
		}
		if (cacheMs !== '0') {
			const url = `${server.origin}/feeds/${feeds.at(-1)!.token}.ics`;
			const etag = (await fetch(url)).headers.get('etag')!;
			const samples = [rssMb(server.pid).toFixed(0)];
			for (let i = 0; i < 10; i++) {
				await cannon(url, i % 2 ? { 'if-none-match': etag } : GZIP, 10_000);
				samples.push(rssMb(server.pid).toFixed(0));
			}
			lines.push(
				`- server RSS in MB, start and after every 10,000 requests (${feeds.at(-1)!.name}, alternating gzip 200 / 304), 100,000 in all: ${samples.join(' → ')}`
			);
			console.log(lines.at(-1));
		}
	} finally {
		await server.stop();
	}
	return lines;
}

async function main() {
	const dataDir = mkdtempSync(join(tmpdir(), 'aarshjul-feed-bench-'));
	try {
		console.log(`${machine()}; ${new Date().toISOString()}; load ${load()}`);
		const processLines = process.env.BENCH_SKIP_PROCESS ? '' : await inProcess();
		// The built app creates schema and demo data on its first start.
		if (PG_URL) await recreatePostgres(PG_URL);
		const first = await startServer({ dataDir, port: 4431, databaseUrl: PG_URL });
		await first.stop();
		const database = await openDatabase(
			PG_URL ? { url: PG_URL, poolSize: 2 } : { dataDir: `${dataDir}/pglite` }
		);
		const small = await fillSchool(database.db, 'stensballeskolen', 0);
		const big = await fillSchool(database.db, 'lundskolen');
		await database.close();
		const feeds = [
			{ name: 'seeded school feed (Stensballeskolen)', token: small.token },
			{ name: `school feed of ${EVENTS} events (Lundskolen)`, token: big.token }
		];
		const http = [
			...(await overHttp(dataDir, feeds, '2000')),
			...(await overHttp(dataDir, feeds, '0'))
		];
		console.log(`\n${processLines}\n${http.join('\n')}\nload after: ${load()}`);
	} finally {
		rmSync(dataDir, { recursive: true, force: true });
	}
}

await main();
