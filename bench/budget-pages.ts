// Steps 4 and 5 of `npm run bench`: the main pages under 20 concurrent logged-in demo users
// (target p95 < 100 ms) and the server's memory with the demo data (target < 250 MB RSS).
// Each page is loaded twice with autocannon, 20 connections rotating the demo users' sessions:
// - "20 users, 1 click/s each": every connection sends one request a second (a busy user; real
//   ones pause for several seconds). The target is judged on this one.
// - "20 back to back": every connection sends its next request as soon as the answer is in, so
//   20 requests always wait; p95 is then about 20 × the CPU per page / the cores the server gets.
import type { BenchServer } from './server';
import { fmt, loadRun, memoryMb, type BudgetRow, type EngineSetup } from './budget-common';
import { load } from './stats';

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

function memoryRow(engine: EngineSetup, pid: number, when: string): BudgetRow {
	const { rss, hwm } = memoryMb(pid);
	return {
		step: 'memory',
		engine: engine.name,
		measure: `Server RSS with demo data, ${when}`,
		target: '< 250 MB',
		result: `${fmt(rss)} MB (peak VmHWM ${fmt(hwm)} MB)`,
		pass: rss < 250,
		figures: { rssMb: rss, hwmMb: hwm },
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

export async function measurePages(server: BenchServer, engine: EngineSetup): Promise<BudgetRow[]> {
	const cookies = new Map<string, string>();
	for (const email of DEMO_USERS) cookies.set(email, await server.login(email));
	const allowed = await warmUp(server, cookies);
	const rows: BudgetRow[] = [memoryRow(engine, server.pid, 'after warm-up')];
	console.log(`  ${rows[0].measure}: ${rows[0].result}`);
	for (const path of PAGES) {
		const sessions = allowed.get(path)!;
		let next = 0;
		const headers = () => ({ cookie: sessions[next++ % sessions.length] });
		const common = { url: server.origin + path, connections: USERS, headers, expect: 200 as const };
		const paced = await loadRun({
			...common,
			seconds: PACED_SECONDS,
			connectionRate: 1,
			cpuMs: server.cpuMs
		});
		const burst = await loadRun({ ...common, seconds: BURST_SECONDS, cpuMs: server.cpuMs });
		for (const [mode, run] of [
			['20 users, 1 click/s each', paced],
			['20 back to back', burst]
		] as const) {
			const bad = run.other + run.errors;
			rows.push({
				step: 'pages',
				engine: engine.name,
				measure: `GET ${path}, ${mode} (${sessions.length} users)`,
				target: 'p95 < 100 ms',
				result:
					`p50 ${fmt(run.p50)} / p95 ${fmt(run.p95)} / p99 ${fmt(run.p99)} ms, ` +
					`${fmt(run.perSecond)}/s, cpu ${fmt(run.cpuPerRequest, 1)} ms/req` +
					(bad ? `, ${run.other} not 200, ${run.errors} errors` : ''),
				pass: run.p95 < 100 && bad === 0,
				figures: { ...run, users: sessions.length },
				load: load()
			});
			console.log(`  ${rows.at(-1)!.measure}: ${rows.at(-1)!.result}`);
		}
	}
	rows.push(memoryRow(engine, server.pid, 'after the page load'));
	console.log(`  ${rows.at(-1)!.measure}: ${rows.at(-1)!.result}`);
	return rows;
}
