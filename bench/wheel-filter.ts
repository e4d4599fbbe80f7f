// 'Applying a filter' as a user experiences it, in Chromium (playwright-core) against `node build`
// on the benchmark database: the wheel of 2026/27 with 2,000 activities, logged in as the
// secretariat; choose a pillar in the filter form and time from the change to the new wheel
// being painted. Target: < 50 ms.
// Run: npx tsx bench/wheel-filter.ts   (needs `npm run build`; BENCH_REUSE_DB=1 keeps the database)
//
// With JavaScript the form is auto-submitted on change and SvelteKit navigates on the client:
// it fetches the page's data (__data.json: server load incl. layout of every arc) and Svelte
// re-renders the wheel. So the time is server + transfer + client render; the resource timing of
// __data.json splits it. Without JavaScript the GET form is a full page load (measured too).
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { BENCH_DATA_DIR, BENCH_DATABASE_URL } from './fixtures';
import { startServer } from './server';
import { load, median, percentile, report, type Result } from './stats';
import { ensureBenchDatabase, WHEEL_PATH } from './wheel-page';

const RUNS = Number(process.env.BENCH_FILTER_RUNS ?? 10);
const WARMUP = 2;
const PILLAR = 'laerepladsalliance';

// The flags of playwright.config.ts.
const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--disable-quic',
	'--no-first-run'
];

/** Renderer main-thread time (CDP Performance metrics, seconds) spent in a filter change. */
interface MainThread {
	script: number;
	style: number;
	layout: number;
	task: number;
}

interface FilterTiming {
	/** Change of the select → new wheel painted (after the next animation frame). */
	total: number;
	/** Of which: the __data.json request (start → response end). */
	data: number;
	arcs: number;
	count: number;
	main?: MainThread;
}

/**
 * Sets the pillar select and waits (MutationObserver, no polling delay) until the summary's
 * data-count has changed and the URL carries the value, then for the next frame to be painted.
 */
async function choosePillar(page: Page, value: string): Promise<FilterTiming> {
	return page.evaluate(
		(value) =>
			new Promise<FilterTiming>((resolve, reject) => {
				const summary = document.querySelector('[data-testid="wheel-summary"]')!;
				const before = summary.getAttribute('data-count');
				const select = document.getElementById('filter-pillar') as HTMLSelectElement;
				performance.clearResourceTimings();
				const timer = setTimeout(() => reject(new Error('filter did not apply in 30 s')), 30_000);
				const done = () =>
					new URLSearchParams(location.search).get('pillar') === (value || null) &&
					summary.getAttribute('data-count') !== before;
				const began = performance.now();
				const observer = new MutationObserver(() => {
					if (!done()) return;
					observer.disconnect();
					// The frame after the DOM update: rAF runs before paint, the task after it follows it.
					requestAnimationFrame(() =>
						setTimeout(() => {
							clearTimeout(timer);
							const total = performance.now() - began;
							const entry = performance
								.getEntriesByType('resource')
								.find((e) => e.name.includes('__data.json')) as
								PerformanceResourceTiming | undefined;
							resolve({
								total,
								data: entry ? entry.responseEnd - entry.startTime : NaN,
								arcs: document.querySelectorAll('svg.wheel a.arc').length,
								count: Number(summary.getAttribute('data-count'))
							});
						})
					);
				});
				observer.observe(document.body, { subtree: true, childList: true, attributes: true });
				select.value = value;
				select.dispatchEvent(new Event('change', { bubbles: true }));
			}),
		value
	);
}

/**
 * Waits until the page is hydrated: a change before that submits nothing (the handler is not
 * attached yet). Chooses a pillar until the URL follows (retrying), then goes back to all.
 */
async function hydrated(page: Page): Promise<void> {
	await page.evaluate(() => new Promise((r) => requestIdleCallback(r)));
	for (let attempt = 1; ; attempt++) {
		await page.selectOption('#filter-pillar', PILLAR);
		try {
			await page.waitForURL((url) => url.searchParams.get('pillar') === PILLAR, {
				timeout: 10_000
			});
			break;
		} catch (error) {
			if (attempt === 3) throw error;
		}
	}
	await page.selectOption('#filter-pillar', '');
	await page.waitForURL((url) => !url.searchParams.has('pillar'));
	await page.waitForFunction(
		() =>
			document.querySelectorAll('svg.wheel a.arc').length ===
			Number(document.querySelector('[data-testid="wheel-summary"]')?.getAttribute('data-count'))
	);
}

export async function runWheelFilter(): Promise<Result[]> {
	await ensureBenchDatabase();
	const server = await startServer({
		dataDir: BENCH_DATA_DIR,
		databaseUrl: BENCH_DATABASE_URL,
		port: 4421
	});
	const browser = await chromium.launch({
		// The full browser, as a user has it (Debian: apt-get install chromium); CHROMIUM_PATH
		// names another, as for the browser tests.
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		args: CHROMIUM_ARGS
	});
	try {
		const cookie = await server.login();
		const [name, value] = cookie.split(';')[0].split('=');
		const context = await browser.newContext({
			locale: 'da-DK',
			timezoneId: 'Europe/Copenhagen',
			viewport: { width: 1280, height: 900 }
		});
		await context.addCookies([{ name, value, url: server.origin }]);
		// tsx (esbuild keepNames) wraps named functions in __name(): give the page a no-op one.
		await context.addInitScript('globalThis.__name = (f) => f;');
		const page = await context.newPage();
		page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
		page.on('console', (message) => {
			if (message.type() === 'error') console.error(`console error: ${message.text()}`);
		});
		await page.goto(server.origin + WHEEL_PATH);
		await page.waitForLoadState('networkidle');
		await hydrated(page);
		const initial = await page.locator('svg.wheel a.arc').count();
		console.log(`wheel loaded in Chromium with ${initial} arcs; load ${load()}`);

		// Main-thread time per filter change from the renderer's own counters.
		const cdp = await context.newCDPSession(page);
		await cdp.send('Performance.enable');
		const metrics = async (): Promise<MainThread> => {
			const { metrics: list } = await cdp.send('Performance.getMetrics');
			const get = (n: string) => (list.find((m) => m.name === n)?.value ?? 0) * 1000;
			return {
				script: get('ScriptDuration'),
				style: get('RecalcStyleDuration'),
				layout: get('LayoutDuration'),
				task: get('TaskDuration')
			};
		};
		const measured = async (value: string): Promise<FilterTiming> => {
			const before = await metrics();
			const timing = await choosePillar(page, value);
			const after = await metrics();
			timing.main = {
				script: after.script - before.script,
				style: after.style - before.style,
				layout: after.layout - before.layout,
				task: after.task - before.task
			};
			return timing;
		};

		const apply: FilterTiming[] = [];
		const clear: FilterTiming[] = [];
		for (let i = 0; i < WARMUP + RUNS; i++) {
			const a = await measured(PILLAR);
			const c = await measured('');
			if (i >= WARMUP) {
				apply.push(a);
				clear.push(c);
			}
		}
		const summarise = (list: FilterTiming[]) => {
			const totals = list.map((t) => t.total);
			const data = list.map((t) => t.data);
			const main = (key: keyof MainThread) => median(list.map((t) => t.main![key])).toFixed(0);
			return {
				median: median(totals),
				p95: percentile(totals, 95),
				data: median(data),
				arcs: list[0].arcs,
				main: `renderer main thread: script ${main('script')} ms, style ${main('style')} ms, layout ${main('layout')} ms, all tasks ${main('task')} ms`
			};
		};
		const a = summarise(apply);
		const c = summarise(clear);
		const results: Result[] = [
			{
				name: 'filter in Chromium: choose a pillar',
				target: 50,
				median: a.median,
				p95: a.p95,
				runs: RUNS,
				note: `${initial} → ${a.arcs} arcs; __data.json median ${a.data.toFixed(0)} ms; ${a.main}`
			},
			{
				name: 'filter in Chromium: back to all',
				target: 50,
				median: c.median,
				p95: c.p95,
				runs: RUNS,
				note: `${a.arcs} → ${c.arcs} arcs; __data.json median ${c.data.toFixed(0)} ms; ${c.main}`
			}
		];
		for (const r of results) report(r);

		// Without JavaScript the GET form reloads the page: navigation start → load event.
		const noJs = await browser.newContext({ javaScriptEnabled: false, locale: 'da-DK' });
		await noJs.addCookies([{ name, value, url: server.origin }]);
		await noJs.addInitScript('globalThis.__name = (f) => f;');
		const plain = await noJs.newPage();
		const loads: number[] = [];
		for (let i = 0; i < WARMUP + Math.min(RUNS, 5); i++) {
			await plain.goto(`${server.origin}${WHEEL_PATH}&pillar=${PILLAR}`, { waitUntil: 'load' });
			const ms = await plain.evaluate(() => {
				const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
				return nav.loadEventEnd || nav.loadEventStart || nav.domContentLoadedEventEnd;
			});
			if (i >= WARMUP) loads.push(ms);
		}
		const noJsResult: Result = {
			name: 'filter without JavaScript (full page load)',
			target: 50,
			median: median(loads),
			p95: percentile(loads, 95),
			runs: loads.length,
			note: 'GET form: navigation start → load event'
		};
		report(noJsResult);
		results.push(noJsResult);
		return results;
	} finally {
		await browser.close();
		await server.stop();
	}
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	runWheelFilter().catch((error: unknown) => {
		console.error(error);
		process.exitCode = 1;
	});
}
