// Runs the issue 3 benchmarks (layout, wheel page, filter in Chromium, breakdown, bookings) in
// sequence on one benchmark database and prints a summary table. `npm run bench` (bench/run.ts)
// is the combined budget run of issue 7; this is the older, more detailed sequence.
// Run: npm run bench:steps   (builds nothing: run `npm run build` first for the HTTP and browser ones)
// Options (environment): BENCH_PROFILE=1 also profiles the wheel page (bench/profile.ts);
// BENCH_KEEP_DB=1 keeps the database in /tmp/aarshjul-bench; BENCH_RUNS=N for the HTTP series;
// BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/aarshjul_bench runs it all on PostgreSQL.
import { execFileSync, spawn } from 'node:child_process';
import { rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { BENCH_DATABASE_URL, prepareBenchDatabase, removeBenchDatabase } from './fixtures';
import { ROOT, snapshotBuild } from './server';
import { load, machine, RESULT_MARKER, verdict, type Result } from './stats';

const STEPS = [
	'bench/wheel-layout.ts',
	'bench/wheel-page.ts',
	'bench/wheel-filter.ts',
	'bench/breakdown.ts',
	'bench/booking.ts',
	...(process.env.BENCH_PROFILE === '1' ? ['bench/profile.ts'] : [])
];

/** Runs one benchmark with tsx, passing its output through and collecting its result lines. */
function runStep(file: string): Promise<{ results: (Result & { load: string })[]; ok: boolean }> {
	return new Promise((resolve) => {
		const results: (Result & { load: string })[] = [];
		const child = spawn(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), file], {
			cwd: ROOT,
			env: { ...process.env, BENCH_REUSE_DB: '1' },
			stdio: ['ignore', 'pipe', 'inherit']
		});
		let pending = '';
		child.stdout.on('data', (chunk: Buffer) => {
			pending += chunk.toString();
			const lines = pending.split('\n');
			pending = lines.pop() ?? '';
			for (const line of lines) {
				if (line.startsWith(RESULT_MARKER))
					results.push(JSON.parse(line.slice(RESULT_MARKER.length)));
				else console.log(line);
			}
		});
		// Forward Ctrl-C so the benchmark can stop its server and browser.
		const forward = () => child.kill('SIGINT');
		process.on('SIGINT', forward);
		child.on('close', (code) => {
			process.off('SIGINT', forward);
			if (pending) console.log(pending);
			resolve({ results, ok: code === 0 });
		});
	});
}

function table(rows: (Result & { load: string })[]): string {
	const header = ['benchmark', 'target', 'median', 'p95', 'cpu', 'verdict', 'load (1/5/15 min)'];
	const body = rows.map((r) => [
		r.name,
		`< ${r.target} ms`,
		`${r.median.toFixed(1)} ms`,
		`${r.p95.toFixed(1)} ms`,
		r.cpu === undefined ? '–' : `${r.cpu.toFixed(1)} ms`,
		verdict(r),
		r.load
	]);
	const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i].length)));
	const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
	return [line(header), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}

async function main(): Promise<void> {
	const began = Date.now();
	const engine = BENCH_DATABASE_URL ? 'PostgreSQL (BENCH_DATABASE_URL)' : 'embedded PGlite';
	console.log(`${new Date().toISOString()} — ${machine()}; database ${engine}; load ${load()}`);
	const built = statSync(join(ROOT, 'build', 'index.js')).mtime;
	const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT })
		.toString()
		.trim();
	console.log(`build/ of ${built.toISOString()} (HEAD now ${head}), copied once for the whole run`);
	const appDir = snapshotBuild();
	process.env.BENCH_APP_DIR = appDir;
	const fixture = await prepareBenchDatabase();
	console.log(
		`bench database: ${fixture.activities} activities in 2026/27 (${fixture.publicActivities} public), ` +
			`${fixture.monthActivities} in February 2027 (schema by the ${fixture.schemaBy}; ${fixture.seconds.toFixed(1)} s)\n`
	);
	const all: (Result & { load: string })[] = [];
	const failed: string[] = [];
	try {
		for (const step of STEPS) {
			console.log(`— ${step} (load ${load()})`);
			const { results, ok } = await runStep(step);
			all.push(...results);
			if (!ok) failed.push(step);
			console.log('');
		}
	} finally {
		if (process.env.BENCH_KEEP_DB !== '1') await removeBenchDatabase();
		rmSync(appDir, { recursive: true, force: true });
	}
	console.log(
		`Summary (${engine}; ${((Date.now() - began) / 1000).toFixed(0)} s; load now ${load()}):`
	);
	console.log(table(all));
	console.log(
		'cpu = CPU time per run (layout: this process; HTTP: the server process, a mean from /proc). ' +
			'On a loaded machine the wall time includes waiting for a core.'
	);
	if (failed.length) {
		console.error(`Failed: ${failed.join(', ')}`);
		process.exitCode = 1;
	}
}

main().catch((error: unknown) => {
	console.error(error);
	process.exitCode = 1;
});
