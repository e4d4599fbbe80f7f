// Step (6) of `npm run bench` (BENCH_STEPS=first-start runs it alone): the memory of the first
// start on an empty database — an empty DATA_DIR (PGlite creates its cluster, then the app
// migrates) or an empty PostgreSQL database. The peak resident memory of the process (VmHWM of
// /proc/<pid>/status) is read once /healthz answers, i.e. when the first start is over, and
// compared with the 512 MB docs/OPERATIONS.md gives a container. Three ways to start:
//   production    `npm start` with its defaults: no demo data (issue 12, point 3)
//   demo in app   DEMO_DATA=true: the server also seeds the demo alliance in its first start
//   seed first    `tsx db/cli.ts seed` in a process of its own (as `npm run demo` does), then
//                 the server: both processes' peaks are recorded
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { PORTS, memoryMb, type BudgetRow, type EngineSetup } from './budget-common';
import { recreatePostgresDatabase } from './fixtures';
import { NODE_ENV_VARS, NODE_FLAGS, ROOT, startServer } from './server';
import { load } from './stats';

const BUDGET_MB = 512;
const fmt = (mb: number) => mb.toFixed(0);

interface Peak {
	hwm: number;
	rss: number;
	seconds: number;
}

async function emptyDatabase(engine: EngineSetup, dataDir: string): Promise<void> {
	rmSync(dataDir, { recursive: true, force: true });
	if (engine.databaseUrl) await recreatePostgresDatabase(engine.databaseUrl);
}

/** Starts the built app on the empty database; its peak once the first start is over. */
async function serverFirstStart(
	engine: EngineSetup,
	dataDir: string,
	env: Record<string, string | undefined>
): Promise<Peak> {
	const started = performance.now();
	const server = await startServer({
		dataDir,
		databaseUrl: engine.databaseUrl,
		port: PORTS.firstStart,
		env
	});
	try {
		const seconds = (performance.now() - started) / 1000;
		const { hwm, rss } = memoryMb(server.pid);
		return { hwm, rss, seconds };
	} finally {
		await server.stop();
	}
}

/** `db/cli.ts seed` in one node process (tsx as a loader, not its CLI, which forks another). */
async function seedProcess(engine: EngineSetup, dataDir: string): Promise<Peak> {
	const started = performance.now();
	const child = spawn(
		process.execPath,
		[...NODE_FLAGS, '--import', 'tsx', join(ROOT, 'db/cli.ts'), 'seed'],
		{
			cwd: ROOT,
			env: {
				...process.env,
				...NODE_ENV_VARS,
				DATA_DIR: dataDir,
				DATABASE_URL: engine.databaseUrl ?? ''
			},
			stdio: ['ignore', 'ignore', 'inherit']
		}
	);
	let last = { hwm: 0, rss: 0 };
	const timer = setInterval(() => {
		try {
			const now = memoryMb(child.pid!);
			// An exited process (a zombie until reaped) has no VmHWM line any more: keep the last.
			if (Number.isFinite(now.hwm)) last = now;
		} catch {
			// gone between two reads: VmHWM only grows, the last read is the peak so far
		}
	}, 20);
	const code = await new Promise<number | null>((r) => child.once('exit', r));
	clearInterval(timer);
	if (code !== 0) throw new Error(`db/cli.ts seed exited with ${code}`);
	return { ...last, seconds: (performance.now() - started) / 1000 };
}

function row(engine: EngineSetup, measure: string, peak: Peak, judged = true): BudgetRow {
	return {
		step: 'first-start',
		engine: engine.name,
		measure,
		target: judged ? `< ${BUDGET_MB} MB peak` : 'none (information)',
		result:
			`peak VmHWM ${fmt(peak.hwm)} MB, RSS when ready ${fmt(peak.rss)} MB, ` +
			`${peak.seconds.toFixed(1)} s`,
		pass: judged ? peak.hwm < BUDGET_MB : null,
		figures: { hwmMb: peak.hwm, rssMb: peak.rss, seconds: peak.seconds },
		load: load()
	};
}

export async function measureFirstStart(
	engine: EngineSetup,
	dataDir: string
): Promise<BudgetRow[]> {
	const rows: BudgetRow[] = [];
	console.log(`— (6) first start on an empty database, ${engine.name} (load ${load()})`);

	await emptyDatabase(engine, dataDir);
	const production = await serverFirstStart(engine, dataDir, { DEMO_DATA: undefined });
	rows.push(row(engine, 'First start, `npm start` (no demo data)', production));

	await emptyDatabase(engine, dataDir);
	const demo = await serverFirstStart(engine, dataDir, { DEMO_DATA: 'true' });
	rows.push(row(engine, 'First start, DEMO_DATA=true (seeds in the server)', demo));

	await emptyDatabase(engine, dataDir);
	const seed = await seedProcess(engine, dataDir);
	rows.push(row(engine, 'Seed first: `db/cli.ts seed` process', seed, false));
	const after = await serverFirstStart(engine, dataDir, { DEMO_DATA: 'true' });
	rows.push(row(engine, 'Seed first: then the server starts', after));

	rmSync(dataDir, { recursive: true, force: true });
	for (const r of rows) console.log(`  ${r.measure}: ${r.result}`);
	return rows;
}
