// Places the labels of 200, 2,000 and 20,000 generated activities (9 rings) and prints median
// times: the whole drawing (ring layout + labels + ring names) and the label placement alone.
// Placement sorts and sweeps, so ten times the activities should cost about ten times the time.
// Run: npx tsx bench/wheel-labels.ts
import { addDays } from '../src/lib/platform/dates/iso';
import { drawWheel } from '../src/lib/wheel/drawing';
import { placeLabels } from '../src/lib/wheel/label-placement';
import type { WheelActivity, WheelCategory } from '../src/lib/wheel/layout';
import { MONTH_OUTER, WHEEL_DRAWING_OPTIONS } from '../src/lib/wheel/frame';
import { percentile } from './stats';

const CATEGORIES = 9;
let seed = 2026;
function random(): number {
	seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
	return seed / 2 ** 31;
}

const categories: WheelCategory[] = Array.from({ length: CATEGORIES }, (_, ring) => ({
	id: `category-${ring}`,
	name: `Kategori ${ring + 1}`,
	ring
}));

function activities(count: number): WheelActivity[] {
	return Array.from({ length: count }, (_, index) => {
		const start = addDays('2026-08-01', Math.floor(random() * 365));
		const length = random() < 0.1 ? Math.floor(random() * 60) : Math.floor(random() * 5);
		return {
			id: `activity-${index}`,
			title: `Aktivitet ${index} — virksomhedsbesøg`,
			categoryId: `category-${index % CATEGORIES}`,
			start,
			end: addDays(start, length)
		};
	});
}

const options = { ...WHEEL_DRAWING_OPTIONS, year: '2026/27' };

for (const count of [200, 2000, 20000]) {
	const input = activities(count);
	const runs = count >= 20000 ? 5 : 20;
	for (let i = 0; i < 2; i++) drawWheel(input, categories, options);
	const drawTimes: number[] = [];
	const placeTimes: number[] = [];
	// CPU time too: on a shared, busy machine wall time mostly measures the wait for a core.
	const placeCpu: number[] = [];
	let numbered = 0;
	for (let i = 0; i < runs; i++) {
		const began = performance.now();
		const drawing = drawWheel(input, categories, options);
		drawTimes.push(performance.now() - began);
		const arcs = drawing.layout.rings.flatMap((ring) =>
			ring.arcs.map((arc) => ({
				id: arc.activity.id,
				title: arc.activity.title,
				startAngle: arc.startAngle,
				endAngle: arc.endAngle,
				innerRadius: arc.innerRadius,
				outerRadius: arc.outerRadius
			}))
		);
		const cpuBefore = process.cpuUsage();
		const placeBegan = performance.now();
		const labels = placeLabels(arcs, {
			center: drawing.layout.center,
			fontSize: options.labelFontSize,
			elbowRadius: MONTH_OUTER + 8,
			columnGap: options.labelFontSize * 2,
			columnWidth: options.columnWidth,
			top: 0,
			bottom: 1000
		});
		placeTimes.push(performance.now() - placeBegan);
		const cpu = process.cpuUsage(cpuBefore);
		placeCpu.push((cpu.user + cpu.system) / 1000);
		numbered = labels.numbered.length;
	}
	console.log(
		`${count} activities: drawing median ${percentile(drawTimes, 50).toFixed(1)} ms, ` +
			`label placement median ${percentile(placeTimes, 50).toFixed(1)} ms ` +
			`(cpu ${percentile(placeCpu, 50).toFixed(1)} ms) ` +
			`(${runs} runs; ${numbered} numbered)`
	);
}
