// Small helpers shared by the benchmarks: percentiles, the machine, and result lines for run.ts.
import { cpus, loadavg, totalmem } from 'node:os';

export interface Result {
	name: string;
	target: number;
	median: number;
	p95: number;
	/** Median CPU time per run in ms, where measured. */
	cpu?: number;
	runs: number;
	note?: string;
}

export function percentile(values: number[], p: number): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export const median = (values: number[]) => percentile(values, 50);

export function load(): string {
	return loadavg()
		.map((l) => l.toFixed(2))
		.join(' ');
}

export function machine(): string {
	const cpu = cpus();
	return `${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}`;
}

/** 'pass' or 'MISS' by the wall median; with CPU time, also whether the CPU time alone fits. */
export function verdict(r: Result): string {
	const wall = r.median < r.target ? 'pass' : 'MISS';
	if (r.cpu === undefined) return wall;
	return `${wall} (cpu ${r.cpu < r.target ? 'within' : 'over'})`;
}

export function formatResult(r: Result): string {
	const cpu = r.cpu === undefined ? '' : `, cpu ${r.cpu.toFixed(1)} ms`;
	return `${r.name}: median ${r.median.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms${cpu} (target < ${r.target} ms: ${verdict(r)}; ${r.runs} runs; load ${load()})${r.note ? ` — ${r.note}` : ''}`;
}

/** Lets run.ts collect results: each benchmark prints one JSON line prefixed with this marker. */
export const RESULT_MARKER = 'BENCH-RESULT ';

export function report(r: Result): void {
	console.log(formatResult(r));
	console.log(RESULT_MARKER + JSON.stringify({ ...r, load: load() }));
}
