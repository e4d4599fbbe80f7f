// The server-rendered wheel page and the calendar's JSON endpoint, over HTTP against `node build`
// on the benchmark database (2,000 activities in 2026/27).
// Run: npx tsx bench/wheel-page.ts   (needs `npm run build`; BENCH_REUSE_DB=1 keeps the database)
// Targets: GET /aarshjul?year=2026/27 < 100 ms, GET /api/activities for one month < 20 ms.
// Wall time is measured in this process (request sent → body read); server CPU is read from
// /proc for the whole series and divided by the number of requests (a mean, 10 ms ticks).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { BENCH_DATA_DIR, BENCH_DATABASE_URL, prepareBenchDatabase } from './fixtures';
import { startServer, type BenchServer } from './server';
import { load, median, percentile, report, type Result } from './stats';

const RUNS = Number(process.env.BENCH_RUNS ?? 50);
const WARMUP = 5;
export const WHEEL_PATH = '/aarshjul?year=2026/27';
export const MONTH_PATH = '/api/activities?start=2027-02-01&end=2027-03-01';

export async function ensureBenchDatabase(): Promise<void> {
	const exists = BENCH_DATABASE_URL !== undefined || existsSync(`${BENCH_DATA_DIR}/pglite`);
	if (process.env.BENCH_REUSE_DB === '1' && exists) return;
	const fixture = await prepareBenchDatabase();
	console.log(
		`bench database: ${fixture.activities} activities in 2026/27 (${fixture.publicActivities} public), ` +
			`${fixture.monthActivities} in February 2027 (schema by the ${fixture.schemaBy}; ${fixture.seconds.toFixed(1)} s)`
	);
}

interface Series {
	wall: number[];
	bytes: number;
	/** Mean server CPU per request in ms. */
	serverCpu: number;
	status: number;
	body: string;
}

async function timeGets(server: BenchServer, path: string, cookie?: string): Promise<Series> {
	// What Chromium asks for (Node's fetch alone offers only gzip and deflate): the page is then
	// measured as browsers get it, brotli-compressed.
	const headers: Record<string, string> = {
		'accept-encoding': 'gzip, deflate, br, zstd',
		...(cookie ? { cookie } : {})
	};
	const get = async () => {
		const began = performance.now();
		const response = await fetch(server.origin + path, { headers, redirect: 'manual' });
		const body = await response.text();
		return { ms: performance.now() - began, status: response.status, body };
	};
	for (let i = 0; i < WARMUP; i++) await get();
	const wall: number[] = [];
	let last = { ms: 0, status: 0, body: '' };
	const cpuBefore = server.cpuMs();
	for (let i = 0; i < RUNS; i++) {
		last = await get();
		if (last.status !== 200) throw new Error(`GET ${path}: HTTP ${last.status}`);
		wall.push(last.ms);
	}
	const serverCpu = (server.cpuMs() - cpuBefore) / RUNS;
	return {
		wall,
		bytes: Buffer.byteLength(last.body),
		serverCpu,
		status: last.status,
		body: last.body
	};
}

function result(name: string, target: number, series: Series, note: string): Result {
	return {
		name,
		target,
		median: median(series.wall),
		p95: percentile(series.wall, 95),
		cpu: series.serverCpu,
		runs: series.wall.length,
		note
	};
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;

export async function runWheelPage(options: { nodeArgs?: string[] } = {}): Promise<Result[]> {
	await ensureBenchDatabase();
	const server = await startServer({
		dataDir: BENCH_DATA_DIR,
		databaseUrl: BENCH_DATABASE_URL,
		nodeArgs: options.nodeArgs
	});
	try {
		const cookie = await server.login();
		console.log(`server up (pid ${server.pid}), logged in as the secretariat; load ${load()}`);
		const results: Result[] = [];

		const page = await timeGets(server, WHEEL_PATH, cookie);
		const arcs = (page.body.match(/class="arc[ "]/g) ?? []).length;
		results.push(
			result(
				'wheel page, secretariat',
				100,
				page,
				`${kib(page.bytes)} HTML, ${arcs} arcs; server cpu is a mean`
			)
		);
		report(results.at(-1)!);

		const anonymous = await timeGets(server, WHEEL_PATH);
		const anonArcs = (anonymous.body.match(/class="arc[ "]/g) ?? []).length;
		results.push(
			result(
				'wheel page, anonymous',
				100,
				anonymous,
				`${kib(anonymous.bytes)} HTML, ${anonArcs} arcs`
			)
		);
		report(results.at(-1)!);

		const month = await timeGets(server, MONTH_PATH, cookie);
		const events = (JSON.parse(month.body) as unknown[]).length;
		results.push(
			result('JSON one month, secretariat', 20, month, `${kib(month.bytes)}, ${events} events`)
		);
		report(results.at(-1)!);

		const monthAnon = await timeGets(server, MONTH_PATH);
		const anonEvents = (JSON.parse(monthAnon.body) as unknown[]).length;
		results.push(
			result(
				'JSON one month, anonymous',
				20,
				monthAnon,
				`${kib(monthAnon.bytes)}, ${anonEvents} events`
			)
		);
		report(results.at(-1)!);
		return results;
	} finally {
		await server.stop();
	}
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	runWheelPage().catch((error: unknown) => {
		console.error(error);
		process.exitCode = 1;
	});
}
