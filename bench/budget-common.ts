// Shared pieces of `npm run bench` (bench/run.ts): the result row, the two engines and their
// scratch databases, the server's memory from /proc, and autocannon with latency percentiles.
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import pg from 'pg';
import { recreatePostgresDatabase } from './fixtures';

/** One line of the summary table and of bench/results/latest.json. */
export interface BudgetRow {
	step: 'feeds' | 'wheel' | 'booking' | 'pages' | 'memory' | 'first-start';
	engine: 'PGlite' | 'PostgreSQL';
	measure: string;
	target: string;
	result: string;
	/** null: measured for information, no target of its own. */
	pass: boolean | null;
	/** The raw figures, for comparing runs. */
	figures: Record<string, number | string>;
	load: string;
}

export interface EngineSetup {
	name: BudgetRow['engine'];
	/** PostgreSQL scratch database (name contains "bench"); undefined for PGlite. */
	databaseUrl?: string;
	/** Port of the server for this engine (the brief gives 4360–4369). */
	port: number;
}

/** The scratch PostgreSQL database; dropped at the end of the run. */
export const SCRATCH_URL =
	process.env.BENCH_SCRATCH_URL ?? 'postgres://postgres@127.0.0.1:5432/aarshjul_bench7';
export const SCRATCH_BOOKING_URL = SCRATCH_URL.replace(/\/([^/]+)$/, '/$1_booking');
/**
 * Server ports: PGlite, PostgreSQL, booking.ts, the first start that seeds a database, and the
 * first-start memory step (budget-first-start.ts).
 */
export const PORTS = {
	pglite: 4360,
	postgres: 4361,
	booking: 4362,
	seed: 4363,
	firstStart: 4364
} as const;

export async function postgresReachable(url = SCRATCH_URL): Promise<boolean> {
	const admin = new URL(url);
	admin.pathname = '/postgres';
	const client = new pg.Client({
		connectionString: admin.toString(),
		connectionTimeoutMillis: 3000
	});
	try {
		await client.connect();
		await client.end();
		return true;
	} catch {
		return false;
	}
}

export async function dropScratch(url: string): Promise<void> {
	await recreatePostgresDatabase(url, true);
}

/** Resident and peak resident memory of a process in MB (VmRSS, VmHWM of /proc/<pid>/status). */
export function memoryMb(pid: number): { rss: number; hwm: number } {
	const status = readFileSync(`/proc/${pid}/status`, 'utf8');
	const kb = (key: string) => Number(status.match(new RegExp(`${key}:\\s+(\\d+)`))?.[1] ?? NaN);
	return { rss: kb('VmRSS') / 1024, hwm: kb('VmHWM') / 1024 };
}

export interface LoadRun {
	requests: number;
	seconds: number;
	perSecond: number;
	p50: number;
	p95: number;
	p99: number;
	max: number;
	ok: number;
	other: number;
	errors: number;
	/** Mean server CPU per request in ms (from /proc, 10 ms ticks). */
	cpuPerRequest: number;
}

export interface LoadOptions {
	url: string;
	connections: number;
	seconds: number;
	/** Requests per second per connection (a user who pauses); unset: back to back. */
	connectionRate?: number;
	/** Headers for every request, or a function giving them per request (e.g. rotating users). */
	headers: Record<string, string> | (() => Record<string, string>);
	/** Which status counts as the expected answer. */
	expect: 200 | 304;
	cpuMs: () => number;
}

/** One autocannon instance; resolves with its result after `delayMs` + its duration. */
function cannon(
	options: LoadOptions,
	connections: number,
	delayMs: number,
	onResponse: (status: number, ms: number) => void
): Promise<autocannon.Result> {
	const headersFor =
		typeof options.headers === 'function' ? options.headers : () => options.headers as object;
	return new Promise((resolve, reject) => {
		setTimeout(() => {
			const instance = autocannon(
				{
					url: options.url,
					connections,
					pipelining: 1,
					duration: options.seconds,
					...(options.connectionRate ? { connectionRate: options.connectionRate } : {}),
					requests: [{ setupRequest: (req) => ({ ...req, headers: { ...headersFor() } }) }]
				},
				(error, done) => (error ? reject(error) : resolve(done))
			);
			instance.on('response', (_client, status, _bytes, ms) => onResponse(status, ms));
		}, delayMs);
	});
}

/**
 * Runs autocannon and returns latency percentiles from every response it timed (autocannon's own
 * summary gives p97.5 and p99 but no p95). Latency is request sent → response read, on loopback.
 * With a connectionRate, autocannon's connections all fire at the same instant every second (one
 * timer each, started together): then each connection gets an instance of its own, started at
 * evenly spread offsets, so that paced users arrive one after another as real ones would.
 */
export async function loadRun(options: LoadOptions): Promise<LoadRun> {
	const times: number[] = [];
	let ok = 0;
	const onResponse = (status: number, ms: number) => {
		times.push(ms);
		if (status === options.expect) ok++;
	};
	const cpuBefore = options.cpuMs();
	const began = performance.now();
	const spacing = options.connectionRate
		? 1000 / (options.connectionRate * options.connections)
		: 0;
	const results = await Promise.all(
		options.connectionRate
			? Array.from({ length: options.connections }, (_, i) =>
					cannon(options, 1, i * spacing, onResponse)
				)
			: [cannon(options, options.connections, 0, onResponse)]
	);
	const seconds = (performance.now() - began) / 1000;
	const cpu = options.cpuMs() - cpuBefore;
	times.sort((a, b) => a - b);
	const at = (p: number) =>
		times[Math.min(times.length - 1, Math.ceil((p / 100) * times.length) - 1)] ?? NaN;
	return {
		requests: times.length,
		seconds,
		perSecond: times.length / seconds,
		p50: at(50),
		p95: at(95),
		p99: at(99),
		max: times.at(-1) ?? NaN,
		ok,
		other: times.length - ok,
		errors: results.reduce((n, r) => n + r.errors + r.timeouts, 0),
		cpuPerRequest: times.length ? cpu / times.length : NaN
	};
}

export const fmt = (n: number, digits = 0) =>
	Number.isFinite(n)
		? n.toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits })
		: '–';
