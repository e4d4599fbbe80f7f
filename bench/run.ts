// `npm run bench`: the performance budgets of issues 3–7 measured together on the built app, in
// sequence: (1) feed throughput, 200 and 304; (2) the wheel page with 2,000 activities;
// (3) booking throughput; (4) the main pages under 20 concurrent demo users; (5) the server's RSS
// with the demo data; (6) the peak memory of the first start on an empty database. Prints measure | target | result | pass/miss and writes
// bench/results/latest.json. Builds nothing; never run in CI (it measures the machine).
//   BUILD_DIR=/tmp/x/build         the build to measure (default ./build; copied first)
//   BENCH_ENGINES=pglite,postgres  which engines (PostgreSQL: a scratch database at
//                                  BENCH_SCRATCH_URL, default …/aarshjul_bench7, dropped after)
//   BENCH_STEPS=feeds,wheel,booking,pages,first-start  a part only (pages includes the memory;
//                                  first-start alone: BENCH_STEPS=first-start)
//   BENCH_FEED_SECONDS, BENCH_RUNS, BENCH_PAGE_SECONDS, BENCH_BURST_SECONDS, BENCH_IDLE_SECONDS
//                                  lengths of the runs
//   BENCH_NODE_FLAGS='…'           node flags instead of `npm start`'s (and without its
//                                  environment variables): '' compares with plain `node build`
// The older sequence (layout, filter in Chromium, breakdown, …) is `npm run bench:steps`.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openDatabase } from '../src/lib/platform/server/db/engine';
import { measureBooking } from './budget-booking';
import { measureFirstStart } from './budget-first-start';
import {
	dropScratch,
	PORTS,
	postgresReachable,
	SCRATCH_BOOKING_URL,
	SCRATCH_URL,
	type BudgetRow,
	type EngineSetup
} from './budget-common';
import { feedAddresses, measureFeeds } from './budget-feeds';
import { measurePages, SERVER_TIMING } from './budget-pages';
import { describeMachine, markdownTable, terminalTable, writeResults } from './budget-report';
import { measureWheel } from './budget-wheel';
import { prepareBenchDatabase, recreatePostgresDatabase } from './fixtures';
import { NODE_ENV_VARS, NODE_FLAGS, ROOT, snapshotBuild, startServer } from './server';
import { load } from './stats';

const BUILD_DIR = resolve(ROOT, process.env.BUILD_DIR ?? 'build');
const STEPS = (process.env.BENCH_STEPS ?? 'feeds,wheel,booking,pages,first-start').split(',');

/** Steps 1 and 2 on one database: the demo plus 2,000 activities in 2026/27. */
async function feedsAndWheel(engine: EngineSetup, dataDir: string): Promise<BudgetRow[]> {
	const fixture = await prepareBenchDatabase(dataDir, undefined, 'build', {
		databaseUrl: engine.databaseUrl,
		port: PORTS.seed
	});
	console.log(
		`  database: ${fixture.activities} activities in 2026/27 (${fixture.publicActivities} public), ` +
			`made in ${fixture.seconds.toFixed(0)} s`
	);
	const database = await openDatabase(
		engine.databaseUrl ? { url: engine.databaseUrl, poolSize: 1 } : { dataDir: `${dataDir}/pglite` }
	);
	const feeds = await feedAddresses(database.db).finally(() => database.close());
	const server = await startServer({ dataDir, databaseUrl: engine.databaseUrl, port: engine.port });
	try {
		const rows: BudgetRow[] = [];
		if (STEPS.includes('feeds')) {
			console.log(`— (1) feeds, ${engine.name} (load ${load()})`);
			rows.push(...(await measureFeeds(server, engine, feeds)));
		}
		if (STEPS.includes('wheel')) {
			console.log(`— (2) wheel page, ${engine.name} (load ${load()})`);
			rows.push(...(await measureWheel(server, engine, await server.login())));
		}
		return rows;
	} finally {
		await server.stop();
	}
}

/** Steps 4 and 5 on a fresh database holding only the demo data, after a restart. */
async function pagesAndMemory(engine: EngineSetup, dataDir: string): Promise<BudgetRow[]> {
	rmSync(dataDir, { recursive: true, force: true });
	if (engine.databaseUrl) await recreatePostgresDatabase(engine.databaseUrl);
	// The first start migrates and seeds; the measured server then starts as in production.
	const seeding = await startServer({ dataDir, databaseUrl: engine.databaseUrl, port: PORTS.seed });
	await seeding.stop();
	const server = await startServer({
		dataDir,
		databaseUrl: engine.databaseUrl,
		port: engine.port,
		nodeArgs: [SERVER_TIMING]
	});
	try {
		console.log(`— (4, 5) main pages and memory, ${engine.name} (load ${load()})`);
		return await measurePages(server, engine);
	} finally {
		await server.stop();
	}
}

async function main(): Promise<void> {
	if (!existsSync(join(BUILD_DIR, 'index.js'))) {
		console.error(
			`Ingen build i ${BUILD_DIR}: kør \`npm run build\` først (eller peg BUILD_DIR på en).\n` +
				`No build in ${BUILD_DIR}: run \`npm run build\` first (or point BUILD_DIR at one).`
		);
		process.exitCode = 1;
		return;
	}
	const startedAt = new Date().toISOString();
	const loadBefore = load();
	const machine = describeMachine();
	const wanted = (process.env.BENCH_ENGINES ?? 'pglite,postgres').split(',');
	const skipped: string[] = [];
	const engines: EngineSetup[] = [];
	if (wanted.includes('pglite')) engines.push({ name: 'PGlite', port: PORTS.pglite });
	if (wanted.includes('postgres')) {
		if (await postgresReachable()) {
			engines.push({ name: 'PostgreSQL', databaseUrl: SCRATCH_URL, port: PORTS.postgres });
		} else
			skipped.push(`PostgreSQL not reachable at ${SCRATCH_URL}: its rows and bookings skipped`);
	}
	const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT })
		.toString()
		.trim();
	const builtAt = statSync(join(BUILD_DIR, 'index.js')).mtime.toISOString();
	console.log(
		`${startedAt} — ${machine.nproc} × ${machine.cpuModel}, ${machine.memoryGiB.toFixed(1)} GiB, ` +
			`Node ${machine.node}; load ${loadBefore}\nbuild ${BUILD_DIR} of ${builtAt} (HEAD now ${head}); ` +
			`server: ${Object.entries(NODE_ENV_VARS)
				.map(([k, v]) => `${k}=${v} `)
				.join('')}node ${NODE_FLAGS.join(' ')} build`
	);
	// One copy for the whole run: somebody's rebuild cannot swap files under a running server.
	const appDir = snapshotBuild(BUILD_DIR);
	process.env.BENCH_APP_DIR = appDir;
	const dataRoot = mkdtempSync(join(tmpdir(), 'aarshjul-bench7-'));
	const rows: BudgetRow[] = [];
	let failure: unknown = null;
	try {
		for (const engine of STEPS.includes('feeds') || STEPS.includes('wheel') ? engines : [])
			rows.push(...(await feedsAndWheel(engine, join(dataRoot, `wheel-${engine.port}`))));
		if (!STEPS.includes('booking')) {
			// left out on request
		} else if (engines.some((e) => e.databaseUrl)) {
			console.log(`— (3) bookings, PostgreSQL (load ${load()})`);
			rows.push(...(await measureBooking(appDir)));
		} else skipped.push('bookings (PostgreSQL only)');
		for (const engine of STEPS.includes('pages') ? engines : [])
			rows.push(...(await pagesAndMemory(engine, join(dataRoot, `pages-${engine.port}`))));
		for (const engine of STEPS.includes('first-start') ? engines : [])
			rows.push(...(await measureFirstStart(engine, join(dataRoot, `first-${engine.port}`))));
	} catch (error) {
		failure = error;
	} finally {
		rmSync(dataRoot, { recursive: true, force: true });
		rmSync(appDir, { recursive: true, force: true });
		if (engines.some((e) => e.databaseUrl)) {
			await dropScratch(SCRATCH_URL).catch(() => undefined);
			await dropScratch(SCRATCH_BOOKING_URL).catch(() => undefined);
		}
	}
	const loadAfter = load();
	const file = writeResults({
		startedAt,
		finishedAt: new Date().toISOString(),
		build: { dir: BUILD_DIR, builtAt, head, nodeFlags: NODE_FLAGS.join(' '), env: NODE_ENV_VARS },
		machine,
		loadBefore,
		loadAfter,
		engines: engines.map((e) => e.name),
		skipped,
		rows
	});
	console.log(`\nSummary (load before ${loadBefore}, after ${loadAfter}):\n${terminalTable(rows)}`);
	for (const note of skipped) console.log(`Skipped: ${note}`);
	console.log(`\nWritten to ${file}. Markdown for docs/BENCHMARKS.md:\n\n${markdownTable(rows)}`);
	if (failure) {
		console.error(failure);
		process.exitCode = 1;
	}
}

// Ctrl-C: exit normally so that startServer's exit handlers kill the servers it started.
process.once('SIGINT', () => process.exit(130));

await main();
