// Booking throughput (issue 4): 1,000 booking requests against one offer at concurrency 50 on
// PostgreSQL, over HTTP through the real form action. Target ≥ 300 bookings/s, seat count exact.
// Run: npm run build && npx tsx bench/booking.ts
// (BENCH_BOOKING_DATABASE_URL overrides the throwaway database; its name must contain "bench".)
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startServer } from './server';
import { load, machine, percentile, RESULT_MARKER } from './stats';

const REQUESTS = Number(process.env.BENCH_BOOKINGS ?? 1000);
const CONCURRENCY = 50;
const CAPACITY = 300;
const DATABASE_URL =
	process.env.BENCH_BOOKING_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/aarshjul_bench_booking';
const SCHOOL_USER = 'skole@aarshjul.example';

async function admin<T>(sql: string, url = DATABASE_URL.replace(/\/[^/]+$/, '/postgres')): Promise<T[]> {
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

async function main(): Promise<void> {
	if (!/bench/.test(DATABASE_URL.split('/').pop() ?? '')) throw new Error('Use a database named *bench*.');
	const name = DATABASE_URL.split('/').pop()!;
	await admin(`drop database if exists ${name}`);
	await admin(`create database ${name}`);
	const dataDir = mkdtempSync(join(tmpdir(), 'aarshjul-bench-booking-'));
	const server = await startServer({ dataDir, port: 4430, databaseUrl: DATABASE_URL });
	try {
		const cookie = await server.login(SCHOOL_USER);
		const { offerId, schoolId } = await createOffer();
		const url = `${server.origin}/tilbud/${offerId}?/book`;
		const statuses = new Map<string, number>();
		const times: number[] = [];
		let next = 0;
		const book = async () => {
			const body = new URLSearchParams({
				schoolId,
				classLabel: `8.${String.fromCharCode(65 + (next % 26))}`,
				seats: '1',
				teacherName: 'Bente Benchmark',
				teacherEmail: 'bente@example.dk',
				idempotencyKey: randomUUID()
			});
			const started = performance.now();
			const response = await fetch(url, {
				method: 'POST',
				redirect: 'manual',
				headers: {
					cookie,
					origin: server.origin,
					'content-type': 'application/x-www-form-urlencoded',
					accept: 'application/json',
					'x-sveltekit-action': 'true'
				},
				body
			});
			const json = (await response.json()) as { type: string; status?: number };
			times.push(performance.now() - started);
			const key = json.type === 'failure' ? `failure ${json.status}` : json.type;
			statuses.set(key, (statuses.get(key) ?? 0) + 1);
		};
		const worker = async () => {
			while (next < REQUESTS) {
				next++;
				await book();
			}
		};
		const started = performance.now();
		await Promise.all(Array.from({ length: CONCURRENCY }, worker));
		const seconds = (performance.now() - started) / 1000;
		const [{ taken }] = await admin<{ taken: number }>(
			`select coalesce(sum(seats), 0)::int as taken from booking
			 where offer_id = '${offerId}' and status in ('requested', 'confirmed')`,
			DATABASE_URL
		);
		const perSecond = REQUESTS / seconds;
		console.log(`Machine: ${machine()}; load ${load()}`);
		console.log(
			`${REQUESTS} booking requests, concurrency ${CONCURRENCY}: ${perSecond.toFixed(0)} requests/s, ` +
				`p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms`
		);
		console.log(`Answers: ${JSON.stringify(Object.fromEntries(statuses))}`);
		console.log(`Seats taken afterwards: ${taken} of ${CAPACITY} (${taken === CAPACITY ? 'exact' : 'WRONG'})`);
		console.log(
			RESULT_MARKER +
				JSON.stringify({
					name: 'booking requests, concurrency 50 (PostgreSQL), ms per request',
					target: 1000 / 300,
					median: 1000 / perSecond,
					p95: percentile(times, 95),
					runs: REQUESTS,
					note: `${perSecond.toFixed(0)} requests/s; seats ${taken}/${CAPACITY}`,
					load: load()
				})
		);
		if (taken !== CAPACITY) process.exitCode = 1;
	} finally {
		await server.stop();
		rmSync(dataDir, { recursive: true, force: true });
		await admin(`drop database if exists ${name} with (force)`);
	}
}

await main();
