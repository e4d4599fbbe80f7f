// Lays out 2,000 generated activities in 10 categories, 50 times; prints median and p95 in ms.
// Run: npx tsx bench/wheel-layout.ts   (target: median < 20 ms)
import { addDays } from '../src/lib/platform/dates/iso';
import { layoutWheel, type WheelActivity, type WheelCategory } from '../src/lib/wheel/layout';
import { WHEEL_LAYOUT_OPTIONS } from '../src/lib/wheel/frame';
import { median, percentile, report } from './stats';

const ACTIVITIES = 2000;
const CATEGORIES = 10;
const RUNS = 50;
const WARMUP = 5;

let seed = 2026;
function random(): number {
	seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
	return seed / 2 ** 31;
}

const categories: WheelCategory[] = Array.from({ length: CATEGORIES }, (_, ring) => ({
	id: `category-${ring}`,
	name: `Kategori ${ring}`,
	ring
}));

const activities: WheelActivity[] = Array.from({ length: ACTIVITIES }, (_, index) => {
	const start = addDays('2026-08-01', Math.floor(random() * 365));
	// Mostly single days and weeks, a few long spans such as holidays.
	const length = random() < 0.1 ? Math.floor(random() * 60) : Math.floor(random() * 5);
	return {
		id: `activity-${index}`,
		title: `Aktivitet ${index} — virksomhedsbesøg`,
		categoryId: `category-${index % CATEGORIES}`,
		start,
		end: addDays(start, length)
	};
});

// The options the wheel page uses (size, radii), so labels are fitted as on the page.
const options = { ...WHEEL_LAYOUT_OPTIONS, year: '2026/27' };
for (let i = 0; i < WARMUP; i++) layoutWheel(activities, categories, options);

const timings: number[] = [];
// CPU time too: on a shared, busy machine wall time mostly measures the wait for a core.
const cpuTimings: number[] = [];
let arcs = 0;
for (let i = 0; i < RUNS; i++) {
	const cpuBefore = process.cpuUsage();
	const began = performance.now();
	const layout = layoutWheel(activities, categories, options);
	timings.push(performance.now() - began);
	const cpu = process.cpuUsage(cpuBefore);
	cpuTimings.push((cpu.user + cpu.system) / 1000);
	arcs = layout.rings.reduce((sum, ring) => sum + ring.arcs.length, 0);
}
const summary = (values: number[]) =>
	`median ${percentile(values, 50).toFixed(2)} ms, p95 ${percentile(values, 95).toFixed(2)} ms`;
console.log(
	`wheel layout: ${ACTIVITIES} activities, ${CATEGORIES} categories, ${arcs} arcs, ${RUNS} runs`
);
console.log(`wall ${summary(timings)}`);
console.log(`cpu  ${summary(cpuTimings)}`);
report({
	name: 'layout of 2,000 activities (Node)',
	target: 20,
	median: median(timings),
	p95: percentile(timings, 95),
	cpu: median(cpuTimings),
	runs: RUNS,
	note: `${arcs} arcs in ${CATEGORIES} rings`
});
