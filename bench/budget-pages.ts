// Steps 4 and 5 of `npm run bench`: the main pages under 20 concurrent logged-in demo users
// (target p95 < 100 ms) and the server's memory with the demo data (target < 250 MB RSS).
// Each page is loaded twice with autocannon, 20 connections rotating the demo users' sessions:
// - "20 users, 1 click/s each": every connection sends one request a second (a busy user; real
//   ones pause for several seconds) — the load the target is about;
// - "20 back to back": every connection sends its next request as soon as the answer is in, so
//   20 requests always wait; p95 is then about 20 × the CPU per page / the cores the server gets.
// Both report the server's own time per request (bench/server-timing.mjs); the client's latency
// is given beside it (on a shared machine the load generator waits for a core too). Only the
// paced run is judged against the target; back to back is reported for information.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BenchServer } from './server';
import { fmt, loadRun, memoryMb, type BudgetRow, type EngineSetup } from './budget-common';
import { load, percentile } from './stats';

export const PAGES = [
	'/',
	'/aarshjul',
	'/kalender',
	'/tilbud',
	'/bookinger',
	'/feeds',
	'/organisationer',
	'/alliancen'
];
/** The demo users of db/seed/users.ts (password aarshjul-demo). */
export const DEMO_USERS = [
	'sekretariat@aarshjul.example',
	'virksomhed@aarshjul.example',
	'medarbejder@aarshjul.example',
	'skole@aarshjul.example',
	'laerer@aarshjul.example',
	'kommune@aarshjul.example'
];
const USERS = 20;
const PACED_SECONDS = Number(process.env.BENCH_PAGE_SECONDS ?? 8);
const BURST_SECONDS = Number(process.env.BENCH_BURST_SECONDS ?? 4);

/** Seconds the server is left idle after the load before its memory is read again. */
const IDLE_SECONDS = Number(process.env.BENCH_IDLE_SECONDS ?? 30);

async function memoryRow(
	engine: EngineSetup,
	server: BenchServer,
	when: string,
	judged = true
): Promise<BudgetRow> {
	const { rss, hwm } = memoryMb(server.pid);
	const mb = (bytes: number) => bytes / 2 ** 20;
	const usage = (await (
		await fetch(`${server.origin}/__bench/memory`)
	).json()) as NodeJS.MemoryUsage;
	return {
		step: 'memory',
		engine: engine.name,
		measure: `Server RSS with demo data, ${when}`,
		target: '< 250 MB',
		result:
			`${fmt(rss)} MB (peak VmHWM ${fmt(hwm)} MB; V8 heap ${fmt(mb(usage.heapTotal))} MB, ` +
			`${fmt(mb(usage.heapUsed))} MB used; external ${fmt(mb(usage.external))} MB)`,
		pass: judged ? rss < 250 : null,
		figures: {
			rssMb: rss,
			hwmMb: hwm,
			heapTotalMb: mb(usage.heapTotal),
			heapUsedMb: mb(usage.heapUsed),
			externalMb: mb(usage.external),
			arrayBuffersMb: mb(usage.arrayBuffers)
		},
		load: load()
	};
}

/** Sessions of the demo users who get a 200 for the page (some pages are not for everyone). */
async function warmUp(server: BenchServer, cookies: Map<string, string>) {
	const allowed = new Map<string, string[]>();
	for (const path of PAGES) {
		const ok: string[] = [];
		for (const [email, cookie] of cookies) {
			let status = 0;
			for (let i = 0; i < 3; i++) {
				const response = await fetch(server.origin + path, {
					headers: { cookie },
					redirect: 'manual'
				});
				await response.arrayBuffer();
				status = response.status;
			}
			if (status === 200) ok.push(cookie);
			else console.log(`  ${path} answers ${status} to ${email}: left out of that page's load`);
		}
		if (ok.length === 0) throw new Error(`${path} answers no demo user with 200`);
		allowed.set(path, ok);
	}
	return allowed;
}

/** Server-side times of `path` since the last call (bench/server-timing.mjs), sorted. */
async function serverTimes(server: BenchServer, path: string): Promise<number[]> {
	const response = await fetch(`${server.origin}/__bench/timings`);
	const pairs = (await response.json()) as [string, number][];
	return pairs.filter(([url]) => url === path).map(([, ms]) => ms);
}

/** node flag that loads bench/server-timing.mjs into the measured server. */
export const SERVER_TIMING = `--import=${pathToFileURL(join(import.meta.dirname, 'server-timing.mjs'))}`;

export async function measurePages(server: BenchServer, engine: EngineSetup): Promise<BudgetRow[]> {
	const cookies = new Map<string, string>();
	for (const email of DEMO_USERS) cookies.set(email, await server.login(email));
	const allowed = await warmUp(server, cookies);
	const rows: BudgetRow[] = [await memoryRow(engine, server, 'after warm-up')];
	console.log(`  ${rows[0].measure}: ${rows[0].result}`);
	for (const path of PAGES) {
		const sessions = allowed.get(path)!;
		let next = 0;
		const headers = () => ({ cookie: sessions[next++ % sessions.length] });
		const common = { url: server.origin + path, connections: USERS, headers, expect: 200 as const };
		await serverTimes(server, path);
		const paced = await loadRun({
			...common,
			seconds: PACED_SECONDS,
			connectionRate: 1,
			cpuMs: server.cpuMs
		});
		const pacedServer = await serverTimes(server, path);
		const burst = await loadRun({ ...common, seconds: BURST_SECONDS, cpuMs: server.cpuMs });
		const burstServer = await serverTimes(server, path);
		// The target is about 20 users; back to back is a saturation test, for information: 20
		// requests always queued on one process, so p95 ≈ 20 × the CPU per page (errors still fail).
		for (const [mode, run, times, judged] of [
			['20 users, 1 click/s each', paced, pacedServer, true],
			['20 back to back', burst, burstServer, false]
		] as const) {
			const bad = run.other + run.errors;
			const [p50, p95, p99] = [50, 95, 99].map((p) => percentile(times, p));
			rows.push({
				step: 'pages',
				engine: engine.name,
				measure: `GET ${path}, ${mode} (${sessions.length} users)`,
				target: judged ? 'server p95 < 100 ms' : 'none (saturation)',
				result:
					`server p50 ${fmt(p50)} / p95 ${fmt(p95)} / p99 ${fmt(p99)} ms; ` +
					`client p95 ${fmt(run.p95)} ms; ${fmt(run.perSecond)}/s, cpu ${fmt(run.cpuPerRequest, 1)} ms/req` +
					(bad ? `, ${run.other} not 200, ${run.errors} errors` : ''),
				pass: bad > 0 ? false : judged ? p95 < 100 : null,
				figures: {
					...run,
					serverP50: p50,
					serverP95: p95,
					serverP99: p99,
					serverCount: times.length,
					users: sessions.length
				},
				load: load()
			});
			console.log(`  ${rows.at(-1)!.measure}: ${rows.at(-1)!.result}`);
		}
	}
	// Right after 20 back-to-back connections V8 still holds the heap it grew to (the peak, for
	// information); its memory reducer gives it back once the server is idle for a few seconds.
	rows.push(await memoryRow(engine, server, 'right after the page load (peak)', false));
	console.log(`  ${rows.at(-1)!.measure}: ${rows.at(-1)!.result}`);
	await new Promise((r) => setTimeout(r, IDLE_SECONDS * 1000));
	rows.push(await memoryRow(engine, server, `${IDLE_SECONDS} s after the page load`));
	console.log(`  ${rows.at(-1)!.measure}: ${rows.at(-1)!.result}`);
	return rows;
}
