// Praktikfordeling (issue 14): how long the allocation takes, and what it gives pupils compared
// with first come, first served on the same wishes.
// Run: npx tsx bench/allocation.ts
//   BENCH_ALLOCATION_SIZES=3000,30000   pupils per case (places = pupils × 800 / 3,000, four weeks)
//   BENCH_FIRST_COME_RUNS=100           random arrival orders for the comparison
// Places: one place per company per week with 1 pupil; trades skewed so some are popular.
import { allocate } from '../src/lib/allocation/solve';
import { solverProcess } from '../src/lib/allocation/server/solver-process';
import {
	firstCome,
	seededRandom,
	shuffledOrder,
	syntheticRound
} from '../src/lib/allocation/first-come';
import type { Assignment } from '../src/lib/allocation/model';
import { load, machine } from './stats';

const SIZES = (process.env.BENCH_ALLOCATION_SIZES ?? '3000,30000').split(',').map(Number);
const RUNS = Number(process.env.BENCH_FIRST_COME_RUNS ?? 100);

function shares(assignments: readonly Assignment[], pupils: number) {
	const byRank = [0, 0, 0, 0, 0];
	for (const a of assignments) if (a.rank) byRank[a.rank - 1]++;
	const pct = (n: number) => (100 * n) / pupils;
	return {
		first: pct(byRank[0]),
		second: pct(byRank[1]),
		third: pct(byRank[2]),
		fourthFifth: pct(byRank[3] + byRank[4]),
		unplaced: pct(pupils - assignments.length)
	};
}

const fmt = (n: number) => n.toFixed(1).padStart(5);

console.log(`machine: ${machine()}`);
console.log(`date: ${new Date().toISOString()}, load before: ${load()}`);
for (const pupils of SIZES) {
	const places = Math.round((pupils * 800) / 3000);
	const round = syntheticRound({
		pupils,
		places,
		weeks: 4,
		trades: 12,
		schools: Math.max(2, Math.round(pupils / 60)),
		seed: 2027
	});
	// Each place takes 4 pupils in its week: seats ≈ 1.08 × pupils, but popular trades run short.
	for (const p of round.places) p.capacity = 4;
	const capacity = round.places.reduce((s, p) => s + p.capacity, 0);
	// Warm-up: loading and compiling the WebAssembly module is not part of a run.
	await allocate(round.pupils.slice(0, 10), round.places.slice(0, 10), { fairness: false });

	let t = performance.now();
	const stage1 = await allocate(round.pupils, round.places, { fairness: false });
	const stage1Ms = performance.now() - t;
	t = performance.now();
	const both = await allocate(round.pupils, round.places);
	const bothMs = performance.now() - t;
	// As the server runs it: HiGHS in its helper process (src/lib/allocation/server/solver-process.ts),
	// started by the first call, which the first figure includes.
	t = performance.now();
	await allocate(round.pupils, round.places, { highs: solverProcess });
	const processColdMs = performance.now() - t;
	t = performance.now();
	await allocate(round.pupils, round.places, { highs: solverProcess });
	const processMs = performance.now() - t;
	console.log(
		`\n${pupils} pupils, ${places} places × 4 weeks (${capacity} seats), 5 wishes, ${stage1.variables} variables`
	);
	console.log(
		`  placed + wishes (stage 1): ${stage1.status}, objective ${stage1.objective}, ${stage1Ms.toFixed(0)} ms`
	);
	console.log(
		`  with fairness stage:       ${both.status} / fairness ${both.fairnessStatus}, ${bothMs.toFixed(0)} ms, worst school avg ${both.worstSchoolAverage?.toFixed(3)} (stage 1: ${stage1.worstSchoolAverage?.toFixed(3)})`
	);
	console.log(
		`  as the server runs it (solver process): ${processColdMs.toFixed(0)} ms with the process's start, ${processMs.toFixed(0)} ms after`
	);

	const random = seededRandom(14);
	const totals = { first: 0, second: 0, third: 0, fourthFifth: 0, unplaced: 0 };
	let worstUnplaced = 0;
	for (let run = 0; run < RUNS; run++) {
		const s = shares(firstCome(round.pupils, round.places, shuffledOrder(pupils, random)), pupils);
		for (const k of Object.keys(totals) as (keyof typeof totals)[]) totals[k] += s[k] / RUNS;
		worstUnplaced = Math.max(worstUnplaced, s.unplaced);
	}
	const a = shares(both.assignments, pupils);
	console.log('  | method | 1st wish % | 2nd % | 3rd % | 4th–5th % | unplaced % |');
	console.log(
		`  | allocation | ${fmt(a.first)} | ${fmt(a.second)} | ${fmt(a.third)} | ${fmt(a.fourthFifth)} | ${fmt(a.unplaced)} |`
	);
	console.log(
		`  | first come (mean of ${RUNS}) | ${fmt(totals.first)} | ${fmt(totals.second)} | ${fmt(totals.third)} | ${fmt(totals.fourthFifth)} | ${fmt(totals.unplaced)} (worst ${worstUnplaced.toFixed(1)}) |`
	);
}
console.log(`\nload after: ${load()}`);
