// Issue 14, point 7: the server with the demo data stays under 250 MB. Starts the built app as
// `npm start` does (bench/server.ts) on a fresh database with DEMO_DATA=true, logs in as the
// secretariat and, three rounds over, fetches the pages a secretariat uses, the SVG export, PNG
// exports at 1,200, 2,000 and 3,300 px and the public feed, then runs the demo round's
// allocation. The server's RSS (VmRSS) is read at start, after every round, after the
// allocation and after an idle pause, and its peak (VmHWM) at the end; RSS is also sampled every
// 50 ms so that the highest RSS seen in use is known, alone and with its child processes (the
// PNG renderer, which draws in a process of its own).
// Run (after `npm run build`):
//   npx tsx bench/memory-demo.ts
//   BENCH_ENGINES=pglite,postgres     which engines (default both; PostgreSQL only if reachable)
//   BENCH_MEMORY_DATABASE_URL=…       the PostgreSQL database to drop and create (default below)
//   BENCH_MEMORY_PORT=4603            the server's port
//   BENCH_IDLE_SECONDS=30             the idle pause before the last reading
//   BENCH_NODE_FLAGS='…'              other node flags than `npm start`'s (bench/server.ts)
//   BENCH_MEMORY_DETAIL=1             also print, at each reading, V8's heap and the native heap
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { memoryMb, postgresReachable } from './budget-common';
import { recreatePostgresDatabase } from './fixtures';
import { SERVER_TIMING } from './budget-pages';
import { NODE_ENV_VARS, NODE_FLAGS, startServer, type BenchServer } from './server';
import { load, machine } from './stats';

const DATABASE_URL =
	process.env.BENCH_MEMORY_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/aarshjul_bench_mem';
const PORT = Number(process.env.BENCH_MEMORY_PORT ?? 4603);
const IDLE_SECONDS = Number(process.env.BENCH_IDLE_SECONDS ?? 30);
const ENGINES = (process.env.BENCH_ENGINES ?? 'pglite,postgres').split(',');
/** The demo round of db/seed/allocation.ts (seedId('allocation-round', 'uge-5-6-2027')). */
const ROUNDS = 3;
const DETAIL = process.env.BENCH_MEMORY_DETAIL === '1';

const PAGES = [
	'/',
	'/aarshjul?year=2026/27',
	'/aarshjul?year=2026/27&zoom=kvartal&fra=2026-11',
	'/aarshjul?year=2026/27&view=list',
	'/kalender',
	'/tilbud',
	'/bookinger',
	'/praktikfordeling',
	'/praktikfordeling/pligt',
	'/rapporter',
	'/rapporter/print',
	'/moeder',
	'/log',
	'/organisationer',
	'/feeds',
	'/aarshjul/eksport.svg?year=2026/27',
	'/aarshjul/eksport.png?year=2026/27&width=1200',
	'/aarshjul/eksport.png?year=2026/27&width=2000',
	'/aarshjul/eksport.png?year=2026/27&width=3300',
	'/feeds/offentlig.ics'
];

const fmt = (mb: number) => mb.toFixed(0);

/**
 * Where the RSS is: V8's heap and buffers (process.memoryUsage() in the server), glibc's heap
 * ([heap]), other anonymous memory (WebAssembly memories, V8's pages, big buffers) and files.
 */
async function detail(server: BenchServer): Promise<string> {
	const usage = (await (
		await fetch(`${server.origin}/__bench/memory`)
	).json()) as NodeJS.MemoryUsage;
	const bySort = new Map<string, number>();
	let sort = '';
	for (const line of readFileSync(`/proc/${server.pid}/smaps`, 'utf8').split('\n')) {
		const mapping = /^[0-9a-f]+-[0-9a-f]+ \S+ \S+ \S+ \S+\s*(.*)$/.exec(line);
		if (mapping) {
			const name = mapping[1];
			sort = name === '' ? 'anon' : name.startsWith('/') ? 'files' : name;
		} else if (line.startsWith('Rss:')) {
			bySort.set(sort, (bySort.get(sort) ?? 0) + Number(line.split(/\s+/)[1]) / 1024);
		}
	}
	const mb = (bytes: number) => fmt(bytes / 2 ** 20);
	return (
		`V8 heap ${mb(usage.heapUsed)}/${mb(usage.heapTotal)}, external ${mb(usage.external)} ` +
		`(array buffers ${mb(usage.arrayBuffers)}); ` +
		[...bySort]
			.filter(([, v]) => v >= 1)
			.sort((a, b) => b[1] - a[1])
			.map(([k, v]) => `${k} ${fmt(v)}`)
			.join(', ')
	);
}

interface Reading {
	when: string;
	rss: number;
}

/** RSS of the server's child processes (the PNG renderer while it lives), in MB. */
function childrenRss(pid: number): number {
	let total = 0;
	try {
		const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8');
		for (const child of children.split(' ').filter(Boolean)) {
			const rss = memoryMb(Number(child)).rss;
			if (Number.isFinite(rss)) total += rss;
		}
	} catch {
		// a child ended between the two reads
	}
	return total;
}

async function fetchAll(server: BenchServer, cookie: string, round: number): Promise<void> {
	for (const path of PAGES) {
		// Every round asks for other PNGs than the last (a new width), so the cache never answers.
		const url = path.includes('eksport.png') ? `${path}${round}` : path;
		const response = await fetch(`${server.origin}${url}`, { headers: { cookie } });
		const body = await response.arrayBuffer();
		if (!response.ok) {
			throw new Error(`GET ${url}: HTTP ${response.status} ${Buffer.from(body).toString()}`);
		}
	}
}

/** The demo round's id, from the first link to a round on /praktikfordeling. */
async function demoRound(server: BenchServer, cookie: string): Promise<string> {
	const html = await (
		await fetch(`${server.origin}/praktikfordeling`, { headers: { cookie } })
	).text();
	const id = /href="\/praktikfordeling\/([0-9a-f-]{36})"/.exec(html)?.[1];
	if (!id) throw new Error('no allocation round linked from /praktikfordeling');
	return id;
}

async function runAllocation(server: BenchServer, cookie: string): Promise<void> {
	const id = await demoRound(server, cookie);
	const response = await fetch(`${server.origin}/praktikfordeling/${id}?/run`, {
		method: 'POST',
		redirect: 'manual',
		headers: {
			cookie,
			origin: server.origin,
			accept: 'text/html',
			'content-type': 'application/x-www-form-urlencoded'
		},
		body: ''
	});
	await response.arrayBuffer();
	if (response.status >= 400) throw new Error(`allocation: HTTP ${response.status}`);
}

async function measure(engine: 'PGlite' | 'PostgreSQL') {
	const dataDir = mkdtempSync(join(tmpdir(), 'aarshjul-mem-'));
	if (engine === 'PostgreSQL') await recreatePostgresDatabase(DATABASE_URL);
	const began = performance.now();
	const server = await startServer({
		dataDir,
		port: PORT,
		databaseUrl: engine === 'PostgreSQL' ? DATABASE_URL : undefined,
		nodeArgs: DETAIL ? [SERVER_TIMING] : []
	});
	const readings: Reading[] = [];
	let highest = 0;
	let highestWithChildren = 0;
	const sampler = setInterval(() => {
		const rss = memoryMb(server.pid).rss;
		highest = Math.max(highest, rss);
		highestWithChildren = Math.max(highestWithChildren, rss + childrenRss(server.pid));
	}, 50);
	const read = async (when: string) => {
		const { rss } = memoryMb(server.pid);
		highest = Math.max(highest, rss);
		readings.push({ when, rss });
		if (DETAIL) console.log(`  ${when}: RSS ${fmt(rss)} MB — ${await detail(server)}`);
	};
	try {
		const startSeconds = (performance.now() - began) / 1000;
		await read('at start');
		const cookie = await server.login();
		for (let round = 1; round <= ROUNDS; round++) {
			await fetchAll(server, cookie, round);
			await read(`after round ${round}`);
		}
		await runAllocation(server, cookie);
		await read('after the allocation');
		await new Promise((r) => setTimeout(r, IDLE_SECONDS * 1000));
		await read(`${IDLE_SECONDS} s later`);
		const { hwm } = memoryMb(server.pid);
		const cpuSeconds = server.cpuMs() / 1000;
		clearInterval(sampler);
		console.log(
			`${engine}: started in ${startSeconds.toFixed(1)} s; ` +
				readings.map((r) => `${r.when} ${fmt(r.rss)} MB`).join(', ') +
				`; highest RSS seen ${fmt(highest)} MB (with the PNG renderer process ` +
				`${fmt(highestWithChildren)} MB); peak VmHWM ${fmt(hwm)} MB; ` +
				`server CPU ${cpuSeconds.toFixed(1)} s (load ${load()})`
		);
		return { readings, highest, hwm };
	} finally {
		clearInterval(sampler);
		await server.stop();
		rmSync(dataDir, { recursive: true, force: true });
		if (engine === 'PostgreSQL') await recreatePostgresDatabase(DATABASE_URL, true);
	}
}

console.log(`${new Date().toISOString()} — ${machine()}; load ${load()}`);
console.log(
	`server: ${Object.entries(NODE_ENV_VARS)
		.map(([k, v]) => `${k}=${v} `)
		.join('')}node ${NODE_FLAGS.join(' ')} build`
);
for (const name of ENGINES) {
	if (name === 'postgres') {
		if (!(await postgresReachable(DATABASE_URL))) {
			console.log('PostgreSQL: not reachable, skipped');
			continue;
		}
		await measure('PostgreSQL');
	} else if (name === 'pglite') {
		await measure('PGlite');
	} else {
		throw new Error(`unknown engine ${name} in BENCH_ENGINES (pglite, postgres)`);
	}
}
