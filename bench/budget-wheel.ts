// Step 2 of `npm run bench`: the wheel page of school year 2026/27 with 2,000 activities (issue 3's
// target: < 100 ms, judged by the median of sequential requests as in bench/wheel-page.ts), for
// the secretariat (every arc) and an anonymous visitor (the public ones).
import type { BenchServer } from './server';
import { fmt, type BudgetRow, type EngineSetup } from './budget-common';
import { load, median, percentile } from './stats';

const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const WARMUP = 5;
const PATH = '/aarshjul?year=2026/27';

async function series(server: BenchServer, cookie?: string) {
	const headers: Record<string, string> = cookie ? { cookie } : {};
	const get = async () => {
		const began = performance.now();
		const response = await fetch(server.origin + PATH, { headers, redirect: 'manual' });
		const body = await response.text();
		if (response.status !== 200) throw new Error(`GET ${PATH}: HTTP ${response.status}`);
		return { ms: performance.now() - began, body };
	};
	for (let i = 0; i < WARMUP; i++) await get();
	const wall: number[] = [];
	let body = '';
	const cpuBefore = server.cpuMs();
	for (let i = 0; i < RUNS; i++) {
		const answer = await get();
		wall.push(answer.ms);
		body = answer.body;
	}
	return {
		wall,
		cpu: (server.cpuMs() - cpuBefore) / RUNS,
		kib: Buffer.byteLength(body) / 1024,
		arcs: (body.match(/class="arc[ "]/g) ?? []).length
	};
}

export async function measureWheel(
	server: BenchServer,
	engine: EngineSetup,
	cookie: string
): Promise<BudgetRow[]> {
	const rows: BudgetRow[] = [];
	for (const [who, s] of [
		['secretariat', await series(server, cookie)],
		['anonymous', await series(server)]
	] as const) {
		const p50 = median(s.wall);
		const p95 = percentile(s.wall, 95);
		rows.push({
			step: 'wheel',
			engine: engine.name,
			measure: `Wheel page 2026/27, ${who} (${s.arcs} arcs, ${fmt(s.kib)} KiB), ${RUNS} sequential`,
			target: 'median < 100 ms',
			result: `median ${fmt(p50, 1)} ms, p95 ${fmt(p95, 1)} ms, cpu ${fmt(s.cpu, 1)} ms/req`,
			pass: p50 < 100,
			figures: { median: p50, p95, cpuPerRequest: s.cpu, kib: s.kib, arcs: s.arcs, runs: RUNS },
			load: load()
		});
		console.log(`  ${rows.at(-1)!.measure}: ${rows.at(-1)!.result}`);
	}
	return rows;
}
