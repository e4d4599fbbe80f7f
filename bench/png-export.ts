// `npx tsx bench/png-export.ts`: do PNG exports stall other visitors? (issue 12, point 7)
// Starts the built app (as `npm start` does) on a fresh embedded demo database, then measures
// the median time of ordinary pages (/, /aarshjul) from one visitor clicking back to back:
//   (a) alone; (b) while 4 clients loop on /aarshjul/eksport.png?width=6000 (one picture, so
//   the cache answers after the first render); (c) while 4 clients loop on a new width every
//   request (no cache hit ever: the worker and the 503 limit carry the load).
// Target: (b) and (c) medians at most 2 × (a). Builds nothing.
//   BUILD_DIR=… another build to measure (e.g. of the commit before, for the "before" figures)
//   BENCH_PNG_SECONDS=15  length of each phase; BENCH_PNG_PORT=4141
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ROOT, snapshotBuild, startServer } from './server';
import { load, median, percentile } from './stats';

const SECONDS = Number(process.env.BENCH_PNG_SECONDS ?? 15);
const PORT = Number(process.env.BENCH_PNG_PORT ?? 4141);
const PAGES = ['/', '/aarshjul?year=2026/27'];

async function timed(url: string): Promise<{ ms: number; status: number }> {
	const start = performance.now();
	const response = await fetch(url);
	await response.arrayBuffer();
	return { ms: performance.now() - start, status: response.status };
}

async function visitor(origin: string, until: number): Promise<number[]> {
	const times: number[] = [];
	for (let i = 0; performance.now() < until; i++) {
		const { ms, status } = await timed(origin + PAGES[i % PAGES.length]);
		if (status !== 200) throw new Error(`page answered ${status}`);
		times.push(ms);
	}
	return times;
}

async function exporter(origin: string, until: number, client: number, fresh: boolean) {
	const counts: Record<number, number> = {};
	for (let i = 0; performance.now() < until; i++) {
		const width = fresh ? 2000 + ((client * 100_000 + i) % 1300) : 6000;
		const { status } = await timed(`${origin}/aarshjul/eksport.png?year=2026/27&width=${width}`);
		counts[status] = (counts[status] ?? 0) + 1;
		// A client told 503 waits a little, as a browser retrying would (not the full Retry-After).
		if (status === 503) await new Promise((r) => setTimeout(r, 200));
	}
	return counts;
}

async function phase(origin: string, name: string, exporters: number, fresh: boolean) {
	const until = performance.now() + SECONDS * 1000;
	const loadBefore = load();
	const [times, ...counts] = await Promise.all([
		visitor(origin, until),
		...Array.from({ length: exporters }, (_, c) => exporter(origin, until, c, fresh))
	]);
	const statuses: Record<number, number> = {};
	for (const c of counts)
		for (const [k, v] of Object.entries(c)) statuses[+k] = (statuses[+k] ?? 0) + v;
	return {
		name,
		pages: times.length,
		median: median(times),
		p95: percentile(times, 95),
		exports: statuses,
		load: loadBefore
	};
}

const appBuild = process.env.BUILD_DIR ? resolve(process.env.BUILD_DIR) : join(ROOT, 'build');
process.env.BENCH_APP_DIR = snapshotBuild(appBuild);
const dataDir = mkdtempSync(join(tmpdir(), 'aarshjul-bench-png-'));
const server = await startServer({ dataDir, port: PORT });
try {
	for (let i = 0; i < 20; i++) await timed(server.origin + PAGES[i % 2]);
	await timed(`${server.origin}/aarshjul/eksport.png?year=2026/27&width=800`);
	const results = [
		await phase(server.origin, '(a) pages alone', 0, false),
		await phase(server.origin, '(b) + 4 clients looping on ?width=6000', 4, false),
		await phase(server.origin, '(c) + 4 clients looping on a new width each time', 4, true)
	];
	const base = results[0].median;
	console.log(`${new Date().toISOString()}, build ${appBuild}, ${SECONDS} s per phase`);
	console.log(
		'| phase | page requests | page median | page p95 | × alone | PNG answers | load before |'
	);
	console.log('| --- | --- | --- | --- | --- | --- | --- |');
	for (const r of results) {
		const answers = Object.entries(r.exports)
			.map(([status, n]) => `${n} × ${status}`)
			.join(', ');
		console.log(
			`| ${r.name} | ${r.pages} | ${r.median.toFixed(1)} ms | ${r.p95.toFixed(1)} ms | ` +
				`${(r.median / base).toFixed(2)} | ${answers || '–'} | ${r.load} |`
		);
	}
	const worst = Math.max(...results.slice(1).map((r) => r.median / base));
	console.log(
		`Target: page median under export load ≤ 2 × alone: ${worst <= 2 ? 'pass' : 'miss'} (${worst.toFixed(2)} ×)`
	);
} finally {
	await server.stop();
	rmSync(dataDir, { recursive: true, force: true });
	rmSync(process.env.BENCH_APP_DIR, { recursive: true, force: true });
}
