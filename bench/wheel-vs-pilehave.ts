// The wheel's layout and SVG side by side with pilehave/aarshjul's Wheel.php (the open-source
// årshjul in PHP) on the same generated school years of 200, 2,000 and 20,000 activities, in one
// sitting and alternating, so that both see the same machine load (issue 13, point 8: at most a
// third of Wheel.php's time at 2,000).
//
// Run: PILEHAVE_WHEEL=/path/to/pilehave/src/Wheel.php npx tsx bench/wheel-vs-pilehave.ts
// Wheel.php is not part of this repository (its own licence): fetch src/Wheel.php from
// github.com/pilehave/aarshjul and point PILEHAVE_WHEEL at it; php-cli must be installed
// (Debian: apt-get install php-cli). Without it only this project's times are printed.
//
// What is timed on each side, per run, in its own process: everything from the activities to the
// SVG string. Here: Wheel.svelte rendered by svelte/server (ring layout, labels outside the rings,
// the numbered key's numbers, ring names, scale, arcs), compiled for production through Vite as
// the app's build does, on activities read from JSON as the page reads its rows (and as Wheel.php
// reads the same year). There: Wheel::svg() (lanes, arcs, text along the arcs that fit, no labels
// for the rest). BENCH_RUNS sets the runs per round (default 20; 5 at 20,000), BENCH_ROUNDS the
// alternations (default 3), BENCH_SIZES the years (default 200,2000,20000).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { load, machine, median } from './stats';

process.env.NODE_ENV = 'production';
const { createServer } = await import('vite');

const SIZES = (process.env.BENCH_SIZES ?? '200,2000,20000').split(',').map(Number);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const runsFor = (n: number) => Number(process.env.BENCH_RUNS ?? (n >= 20_000 ? 5 : 20));
const PHP_WHEEL = process.env.PILEHAVE_WHEEL;
const COLOURS = ['#1f5fa8', '#3949ab', '#2e7d32', '#00796b', '#8d4b12', '#c2185b', '#c0392b'];

interface Generated {
	id: number;
	title: string;
	category: number;
	start: string;
	end: string;
}

/** The same year for both: 9 categories, mostly single days and short spans, a few long ones. */
function generate(count: number): Generated[] {
	let seed = 2026;
	const random = () => {
		seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
		return seed / 2 ** 31;
	};
	const day = (offset: number) =>
		new Date(Date.UTC(2026, 7, 1) + offset * 86_400_000).toISOString().slice(0, 10);
	return Array.from({ length: count }, (_, index) => {
		const offset = Math.floor(random() * 365);
		const length = random() < 0.1 ? Math.floor(random() * 60) : Math.floor(random() * 5);
		return {
			id: index + 1,
			title: `Aktivitet ${index + 1} — virksomhedsbesøg`,
			category: index % 9,
			start: day(offset),
			end: day(Math.min(offset + length, 364))
		};
	});
}

// The functions Wheel.php expects from its app (bootstrap.php), written here for the school year.
const PHP_DRIVER = String.raw`<?php
declare(strict_types=1);
const MONTHS_DA = [1 => 'januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'];
function year_bounds(int $year): array { return [sprintf('%d-08-01', $year), sprintf('%d-07-31', $year + 1)]; }
function year_label(int $year): string { return sprintf('%d/%02d', $year, ($year + 1) % 100); }
function h(?string $s): string { return htmlspecialchars((string)$s, ENT_QUOTES | ENT_SUBSTITUTE, 'UTF-8'); }
function date_da(string $ymd): string { $d = new DateTimeImmutable($ymd); return $d->format('j') . '. ' . MONTHS_DA[(int)$d->format('n')] . ' ' . $d->format('Y'); }
require getenv('PILEHAVE_WHEEL');
$activities = json_decode(file_get_contents($argv[1]), true);
$colours = json_decode($argv[3], true);
$occurrences = array_map(fn($a) => [
	'date' => $a['start'], 'end' => $a['end'], 'done' => false, 'blocked' => false,
	'event' => ['id' => $a['id'], 'title' => $a['title'], 'category_name' => 'Kategori ' . ($a['category'] + 1),
		'color' => $colours[$a['category'] % count($colours)], 'people' => []],
], $activities);
$runs = (int)$argv[2];
Wheel::svg(2026, $occurrences); Wheel::svg(2026, $occurrences);
$times = [];
for ($i = 0; $i < $runs; $i++) { $t = hrtime(true); $svg = Wheel::svg(2026, $occurrences); $times[] = (hrtime(true) - $t) / 1e6; }
echo json_encode(['times' => $times, 'bytes' => strlen($svg)]);
`;

const vite = await createServer({
	mode: 'production',
	appType: 'custom',
	logLevel: 'error',
	server: { middlewareMode: true, hmr: false, watch: null }
});
const dir = mkdtempSync(join(tmpdir(), 'wheel-vs-pilehave-'));
try {
	const { render } = (await vite.ssrLoadModule('svelte/server')) as typeof import('svelte/server');
	const Wheel = (await vite.ssrLoadModule('/src/lib/wheel/components/Wheel.svelte')).default;
	const driver = join(dir, 'driver.php');
	writeFileSync(driver, PHP_DRIVER);
	const php = PHP_WHEEL && existsSync(PHP_WHEEL);
	if (!php) console.log('PILEHAVE_WHEEL not set or missing: timing this project only.');
	console.log(`${machine()}; ${new Date().toISOString()}; load ${load()}`);
	console.log(
		'| activities | round | this project (median) | Wheel.php (median) | ratio | SVG bytes (here / there) |'
	);
	console.log('| --- | --- | --- | --- | --- | --- |');
	for (const count of SIZES) {
		const generated = generate(count);
		const input = join(dir, `year-${count}.json`);
		writeFileSync(input, JSON.stringify(generated));
		const categories = Array.from({ length: 9 }, (_, ring) => ({
			id: `category-${ring}`,
			name: `Kategori ${ring + 1}`,
			nameDa: `Kategori ${ring + 1}`,
			nameEn: `Category ${ring + 1}`,
			pillar: 'faelles',
			colour: COLOURS[ring % COLOURS.length],
			ring
		}));
		// Through JSON, as the page gets its rows (and as Wheel.php gets the same year): strings
		// built here with template literals would be V8 ropes, slower to read than the flat
		// strings a server has.
		const rows = generated.map((a) => ({
			id: `activity-${a.id}`,
			title: a.title,
			categoryId: `category-${a.category}`,
			start: a.start,
			end: a.end,
			startTime: null,
			endTime: null,
			cancelled: false,
			ownerName: 'Learnmark Horsens',
			href: `/aktiviteter/activity-${a.id}`,
			booking: null
		}));
		const activities = JSON.parse(JSON.stringify(rows)) as typeof rows;
		const props = {
			activities,
			categories,
			holidays: [],
			publicHolidays: [],
			today: new Date('2026-10-14T10:00:00Z'),
			year: '2026/27',
			locale: 'da'
		};
		const runs = runsFor(count);
		for (let i = 0; i < 2; i++) render(Wheel, { props });
		for (let round = 1; round <= ROUNDS; round++) {
			const times: number[] = [];
			let bytes = 0;
			for (let i = 0; i < runs; i++) {
				const began = performance.now();
				const { body } = render(Wheel, { props });
				times.push(performance.now() - began);
				bytes = Buffer.byteLength(body);
			}
			const here = median(times);
			let there = '–';
			let ratio = '–';
			let thereBytes = '–';
			if (php) {
				const out = execFileSync(
					'php',
					['-d', 'memory_limit=2G', driver, input, String(runs), JSON.stringify(COLOURS)],
					{ env: { ...process.env, PILEHAVE_WHEEL: PHP_WHEEL }, maxBuffer: 64 * 1024 * 1024 }
				).toString();
				const result = JSON.parse(out) as { times: number[]; bytes: number };
				const phpMedian = median(result.times);
				there = `${phpMedian.toFixed(1)} ms`;
				ratio = `${(here / phpMedian).toFixed(2)}×`;
				thereBytes = result.bytes.toLocaleString('en');
			}
			console.log(
				`| ${count.toLocaleString('en')} | ${round} | ${here.toFixed(1)} ms | ${there} | ${ratio} | ${bytes.toLocaleString('en')} / ${thereBytes} |`
			);
		}
	}
	console.log(`load after: ${load()}`);
} finally {
	await vite.close();
	rmSync(dir, { recursive: true, force: true });
}
