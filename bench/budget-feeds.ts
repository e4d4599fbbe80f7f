// Step 1 of `npm run bench`: calendar feed throughput over HTTP (issue 5's targets: ≥ 1,000 full
// responses/s, ≥ 5,000 revalidations (304)/s). Two feeds: a seeded school's secret feed and the
// public feed, which on the benchmark database holds about 1,100 events.
import type { Kysely } from 'kysely';
import type { DB } from '../src/lib/platform/server/db/schema';
import { rotateFeedToken } from '../src/lib/feeds/server/token';
import type { BenchServer } from './server';
import { fmt, loadRun, type BudgetRow, type EngineSetup } from './budget-common';
import { load } from './stats';

export interface FeedAddress {
	name: string;
	file: string;
}

const SECONDS = Number(process.env.BENCH_FEED_SECONDS ?? 5);
const CONNECTIONS = 16; // as in bench/feed.ts (issue 5)

/** A fresh secret address for Stensballeskolen's feed (only its hash is stored, so make one). */
export async function feedAddresses(db: Kysely<DB>): Promise<FeedAddress[]> {
	const school = await db
		.selectFrom('organisation')
		.select('id')
		.where('slug', '=', 'stensballeskolen')
		.executeTakeFirstOrThrow();
	const { token } = await rotateFeedToken(db, { scope: 'school', organisationId: school.id });
	return [
		{ name: 'school feed (Stensballeskolen)', file: `${token}.ics` },
		{ name: 'public feed', file: 'offentlig.ics' }
	];
}

export async function measureFeeds(
	server: BenchServer,
	engine: EngineSetup,
	feeds: FeedAddress[]
): Promise<BudgetRow[]> {
	const rows: BudgetRow[] = [];
	for (const feed of feeds) {
		const url = `${server.origin}/feeds/${feed.file}`;
		const first = await fetch(url, { headers: { 'accept-encoding': 'identity' } });
		if (first.status !== 200) throw new Error(`${feed.name} answered HTTP ${first.status}`);
		const body = await first.text();
		const events = body.split('BEGIN:VEVENT').length - 1;
		const kb = Buffer.byteLength(body) / 1024;
		const etag = first.headers.get('etag');
		if (!etag) throw new Error(`${feed.name} has no ETag`);
		const common = { url, connections: CONNECTIONS, cpuMs: server.cpuMs };
		// Warm-up: the gzip body is made once per ETag and cached.
		await loadRun({ ...common, seconds: 1, headers: { 'accept-encoding': 'gzip' }, expect: 200 });
		const full = await loadRun({
			...common,
			seconds: SECONDS,
			headers: { 'accept-encoding': 'gzip' },
			expect: 200
		});
		const revalidate = await loadRun({
			...common,
			seconds: SECONDS,
			headers: { 'if-none-match': etag },
			expect: 304
		});
		const label = `${feed.name}, ${events} events (${fmt(kb)} kB)`;
		for (const [kind, run, target] of [
			['full 200 (gzip)', full, 1000],
			['304 (If-None-Match)', revalidate, 5000]
		] as const) {
			const okRate = run.ok / run.seconds;
			rows.push({
				step: 'feeds',
				engine: engine.name,
				measure: `Feed ${kind}: ${label}`,
				target: `≥ ${fmt(target)}/s`,
				// The server is one Node process: 1000 / CPU per request is what one free core allows.
				result:
					`${fmt(okRate)}/s (p99 ${fmt(run.p99)} ms; cpu ${fmt(run.cpuPerRequest, 2)} ms/req, ` +
					`i.e. ≤ ${fmt(1000 / run.cpuPerRequest)}/s on a free core` +
					`${run.other + run.errors ? `; ${run.other} other, ${run.errors} errors` : ''})`,
				pass: okRate >= target && run.errors === 0,
				figures: { ...run, perSecond: okRate, events, kb },
				load: load()
			});
			console.log(`  ${rows.at(-1)!.measure}: ${rows.at(-1)!.result}`);
		}
	}
	return rows;
}
