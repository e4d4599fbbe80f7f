// The wheel page's server work step by step, in this process on the benchmark database (no HTTP,
// no Svelte): the activity query, the layout of the wheel, and serialising the page data the way
// SvelteKit does for hydration (devalue). Complements bench/profile.ts.
// Run: npx tsx bench/breakdown.ts   (BENCH_REUSE_DB=1 keeps the database)
import { fileURLToPath } from 'node:url';
import { uneval } from 'devalue';
import { sql } from 'kysely';
import { schoolYearRange } from '../src/lib/platform/dates/school-year';
import { listActivities } from '../src/lib/activities/server/queries/activities';
import { openDatabase } from '../src/lib/platform/server/db/engine';
import { WHEEL_LAYOUT_OPTIONS } from '../src/lib/wheel/frame';
import { layoutWheel } from '../src/lib/wheel/layout';
import { BENCH_DATA_DIR, BENCH_DATABASE_URL, BENCH_YEAR } from './fixtures';
import { load, median, percentile } from './stats';
import { ensureBenchDatabase } from './wheel-page';

const RUNS = 20;
const SECRETARIAT = { isSecretariat: true, memberships: [] };

async function time<T>(label: string, fn: () => Promise<T> | T, extra?: (value: T) => string) {
	for (let i = 0; i < 3; i++) await fn();
	const wall: number[] = [];
	const cpu: number[] = [];
	let value!: T;
	for (let i = 0; i < RUNS; i++) {
		const cpuBefore = process.cpuUsage();
		const began = performance.now();
		value = await fn();
		wall.push(performance.now() - began);
		const used = process.cpuUsage(cpuBefore);
		cpu.push((used.user + used.system) / 1000);
	}
	console.log(
		`  ${label.padEnd(46)} wall median ${median(wall).toFixed(1).padStart(6)} ms, p95 ${percentile(
			wall,
			95
		)
			.toFixed(1)
			.padStart(
				6
			)} ms, cpu median ${median(cpu).toFixed(1).padStart(6)} ms${extra ? `  ${extra(value)}` : ''}`
	);
	return value;
}

/** listActivities' SQL for the secretariat (no visibility condition), dates inlined for explain. */
function listActivitiesSql(from: string, to: string): string {
	return `select activity.id, activity.title, activity.place, activity.start_date, activity.end_date,
		activity.start_time, activity.end_time, activity.visibility, activity.status, activity.sequence,
		activity.owner_id, owner.name as owner_name, activity.category_id, category.slug,
		category.name_da, category.name_en, category.pillar, category.colour, category.ring
		from activity join category on category.id = activity.category_id
		join organisation as owner on owner.id = activity.owner_id
		where true and activity.start_date <= '${to}' and activity.end_date >= '${from}'
		order by activity.start_date, activity.start_time asc nulls first, activity.title, activity.id`;
}

export async function runBreakdown(): Promise<void> {
	await ensureBenchDatabase();
	const database = await openDatabase(
		BENCH_DATABASE_URL
			? { url: BENCH_DATABASE_URL, poolSize: 1 }
			: { dataDir: `${BENCH_DATA_DIR}/pglite` }
	);
	try {
		const db = database.db;
		const { start, end } = schoolYearRange(BENCH_YEAR);
		console.log(`in-process breakdown on ${database.engine} (${RUNS} runs each; load ${load()}):`);
		await time('trivial query (select 1): round trip', () => sql`select 1`.execute(db));
		const categories = (
			await db
				.selectFrom('category')
				.select(['id', 'nameDa as name'])
				.orderBy('ring')
				.orderBy('sort')
				.execute()
		).map((c, index) => ({ ...c, ring: index + 1 }));
		const rows = await time(
			'listActivities, school year, secretariat',
			() => listActivities(db, SECRETARIAT, { from: start, to: end }),
			(r) => `${r.length} rows`
		);
		await time(
			'listActivities, school year, anonymous',
			() => listActivities(db, null, { from: start, to: end }),
			(r) => `${r.length} rows`
		);
		const compiled = listActivitiesSql(start, end);
		const plan = await sql<{ 'QUERY PLAN': string }>`explain analyze ${sql.raw(compiled)}`.execute(
			db
		);
		const executionLine = plan.rows
			.map((r) => r['QUERY PLAN'])
			.find((l) => l.startsWith('Execution Time'));
		console.log(
			`  ${'  of which PostgreSQL executes (explain analyze)'.padEnd(46)} ${executionLine ?? '?'}`
		);
		await time(
			'  same query, raw rows (no CamelCasePlugin)',
			() => sql.raw(compiled).execute(db),
			(r) => `${r.rows.length} rows`
		);
		await time(
			'listActivities, one month (JSON endpoint)',
			() => listActivities(db, SECRETARIAT, { from: '2027-02-01', to: '2027-02-28' }),
			(r) => `${r.length} rows`
		);
		const activities = rows.map((row) => ({
			id: row.id,
			title: row.title,
			categoryId: row.categoryId,
			start: row.startDate,
			end: row.endDate,
			startTime: row.startTime,
			endTime: row.endTime,
			cancelled: row.status === 'cancelled',
			ownerName: row.ownerName
		}));
		const layout = await time('layoutWheel (as loadWheel calls it)', () =>
			layoutWheel(activities, categories, {
				...WHEEL_LAYOUT_OPTIONS,
				year: BENCH_YEAR
			})
		);
		const data = { activities, layout };
		await time(
			'devalue uneval of { activities, layout }',
			() => uneval(data),
			(s) =>
				`${(s.length / 1024).toFixed(0)} KiB (layout alone ${(uneval(layout).length / 1024).toFixed(0)} KiB)`
		);
		await time(
			'JSON.stringify of the same, for comparison',
			() => JSON.stringify(data),
			(s) => `${(s.length / 1024).toFixed(0)} KiB`
		);
	} finally {
		await database.close();
	}
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	runBreakdown().catch((error: unknown) => {
		console.error(error);
		process.exitCode = 1;
	});
}
