// Booking throughput (issue 4): 1,000 booking requests against one offer at concurrency 50 on
// PostgreSQL over HTTP (autocannon), through the JSON endpoint POST /api/offers/[id]/bookings.
// Target ≥ 300 bookings/s; afterwards the seats taken must equal the capacity exactly.
// Run: npm run build && npx tsx bench/booking.ts
//   BUILD_DIR=/tmp/x/build   the build to run (copied first; default ./build)
//   BENCH_BOOKING_VIA=form   the offer page's ?/book form action instead, for comparison
//   BENCH_PROFILE_DIR=/tmp/p node --cpu-prof the server into that folder
//   BENCH_WARMUP=500         unmeasured requests on another offer first
//   BENCH_BOOKING_DATABASE_URL overrides the throwaway database; its name must contain "bench".
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { snapshotBuild, startServer } from './server';
import { load, machine, percentile, RESULT_MARKER } from './stats';

const REQUESTS = Number(process.env.BENCH_BOOKINGS ?? 1000);
const CONCURRENCY = 50;
const WARMUP = Number(process.env.BENCH_WARMUP ?? 500);
const CAPACITY = 300;
const VIA = process.env.BENCH_BOOKING_VIA === 'form' ? 'form' : 'api';
const DATABASE_URL =
	process.env.BENCH_BOOKING_DATABASE_URL ??
	'postgres://postgres@127.0.0.1:5432/aarshjul_bench_booking';
const SCHOOL_USER = 'skole@aarshjul.example';

async function admin<T>(
	sql: string,
	url = DATABASE_URL.replace(/\/[^/]+$/, '/postgres')
): Promise<T[]> {
	const client = new pg.Client({ connectionString: url });
	await client.connect();
	try {
		return (await client.query(sql)).rows as T[];
	} finally {
		await client.end();
	}
}

async function createOffer(): Promise<{ offerId: string; schoolId: string }> {
	const [row] = await admin<{ offer_id: string; school_id: string }>(
		`with owner as (select id from organisation where slug = 'bygholm-staal'),
		 cat as (select id from category where slug = 'virksomhedsbesoeg'),
		 act as (insert into activity (owner_id, category_id, title, start_date, end_date, start_time, end_time, visibility)
			select owner.id, cat.id, 'Benchmark: virksomhedsbesøg', '2027-03-03', '2027-03-03', '09:00', '12:00', 'alliance'
			from owner, cat returning id),
		 off as (insert into offer (activity_id, kind, grade_levels, capacity, status)
			select id, 'visit', '{8,9}', ${CAPACITY}, 'open' from act returning id)
		 select off.id as offer_id, (select id from organisation where slug = 'stensballeskolen') as school_id from off`,
		DATABASE_URL
	);
	return { offerId: row.offer_id, schoolId: row.school_id };
}

/** The request autocannon sends, with a fresh idempotency key (and class) every time. */
function requestFor(origin: string, cookie: string, offerId: string, schoolId: string) {
	let n = 0;
	const fields = () => ({
		schoolId,
		classLabel: `8.${String.fromCharCode(65 + (n++ % 26))}`,
		seats: 1,
		teacherName: 'Bente Benchmark',
		teacherEmail: 'bente@example.dk'
	});
	const common = { cookie, origin };
	if (VIA === 'api') {
		return {
			path: `/api/offers/${offerId}/bookings`,
			setupRequest: (req: autocannon.Request) => ({
				...req,
				method: 'POST' as const,
				headers: {
					...common,
					'content-type': 'application/json',
					'idempotency-key': randomUUID()
				},
				body: JSON.stringify(fields())
			})
		};
	}
	return {
		path: `/tilbud/${offerId}?/book`,
		setupRequest: (req: autocannon.Request) => ({
			...req,
			method: 'POST' as const,
			headers: {
				...common,
				'content-type': 'application/x-www-form-urlencoded',
				accept: 'application/json',
				'x-sveltekit-action': 'true'
			},
			body: new URLSearchParams({
				...fields(),
				seats: '1',
				idempotencyKey: randomUUID()
			}).toString()
		})
	};
}

async function main(): Promise<void> {
	if (!/bench/.test(DATABASE_URL.split('/').pop() ?? ''))
		throw new Error('Use a database named *bench*.');
	const name = DATABASE_URL.split('/').pop()!;
	await admin(`drop database if exists ${name}`);
	await admin(`create database ${name}`);
	// A copy of the build, so that somebody's rebuild cannot swap files under the running server.
	const appDir = process.env.BENCH_APP_DIR
		? undefined
		: snapshotBuild(resolve(process.env.BUILD_DIR ?? 'build'));
	if (appDir) process.env.BENCH_APP_DIR = appDir;
	const dataDir = mkdtempSync(join(tmpdir(), 'aarshjul-bench-booking-'));
	const profDir = process.env.BENCH_PROFILE_DIR;
	const server = await startServer({
		dataDir,
		port: Number(process.env.BENCH_PORT ?? 4430),
		databaseUrl: DATABASE_URL,
		nodeArgs: profDir ? ['--cpu-prof', `--cpu-prof-dir=${profDir}`] : []
	});
	try {
		const cookie = await server.login(SCHOOL_USER);
		// Warm-up on an offer of its own (not measured): the first few hundred requests of a
		// fresh process run while V8 is still compiling the hot code.
		const warm = await createOffer();
		await autocannon({
			url: server.origin,
			connections: CONCURRENCY,
			amount: WARMUP,
			requests: [requestFor(server.origin, cookie, warm.offerId, warm.schoolId)]
		});
		const { offerId, schoolId } = await createOffer();
		const times: number[] = [];
		const statuses = new Map<number, number>();
		const loadBefore = load();
		const cpuBefore = server.cpuMs();
		// Our own clock, to the last response: autocannon ends a run (and counts its duration) on
		// its one-second tick, so 1,000 requests read as exactly 1000/3.01 or 1000/4.01 per second.
		const started = performance.now();
		let lastResponse = started;
		const instance = autocannon({
			url: server.origin,
			connections: CONCURRENCY,
			pipelining: 1,
			amount: REQUESTS,
			requests: [requestFor(server.origin, cookie, offerId, schoolId)]
		});
		instance.on('response', (_client, statusCode, _bytes, responseTime) => {
			lastResponse = performance.now();
			times.push(responseTime);
			statuses.set(statusCode, (statuses.get(statusCode) ?? 0) + 1);
		});
		const result = await instance;
		const seconds = (lastResponse - started) / 1000;
		const cpuPerRequest = (server.cpuMs() - cpuBefore) / REQUESTS;
		const [{ taken, bookings }] = await admin<{ taken: number; bookings: number }>(
			`select coalesce(sum(seats), 0)::int as taken, count(*)::int as bookings from booking
			 where offer_id = '${offerId}' and status in ('requested', 'confirmed')`,
			DATABASE_URL
		);
		const perSecond = times.length / seconds;
		const exact = taken === CAPACITY && bookings === CAPACITY;
		console.log(`Machine: ${machine()}; load before ${loadBefore}, after ${load()}`);
		console.log(
			`${times.length} booking requests via ${VIA}, concurrency ${CONCURRENCY}: ${perSecond.toFixed(0)} requests/s, ` +
				`p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms; ` +
				`server CPU ${cpuPerRequest.toFixed(2)} ms per request`
		);
		console.log(
			`HTTP statuses: ${JSON.stringify(Object.fromEntries(statuses))}; errors ${result.errors}`
		);
		console.log(
			`Seats taken afterwards: ${taken} of ${CAPACITY} in ${bookings} bookings (${exact ? 'exact' : 'WRONG'})`
		);
		console.log(
			RESULT_MARKER +
				JSON.stringify({
					name: `booking requests via ${VIA}, concurrency 50 (PostgreSQL), ms per request`,
					target: 1000 / 300,
					median: 1000 / perSecond,
					p95: percentile(times, 95),
					cpu: cpuPerRequest,
					runs: times.length,
					note: `${perSecond.toFixed(0)} requests/s; seats ${taken}/${CAPACITY}`,
					load: load()
				})
		);
		if (!exact || times.length !== REQUESTS || result.errors > 0) process.exitCode = 1;
	} finally {
		await server.stop();
		if (appDir) rmSync(appDir, { recursive: true, force: true });
		rmSync(dataDir, { recursive: true, force: true });
		await admin(`drop database if exists ${name} with (force)`);
	}
}

await main();
