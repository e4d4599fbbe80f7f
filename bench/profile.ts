// Where the time of the server-rendered wheel page goes: runs the wheel page benchmark against
// `node --cpu-prof build`, then sums the profile's self time by area (database, layout, Svelte
// SSR, serialisation …) and lists the heaviest functions; also splits the HTML by what it carries.
// Run: npx tsx bench/profile.ts   (needs `npm run build`; BENCH_REUSE_DB=1 keeps the database)
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BENCH_DATA_DIR, BENCH_DATABASE_URL } from './fixtures';
import { startServer } from './server';
import { load } from './stats';
import { ensureBenchDatabase, WHEEL_PATH } from './wheel-page';

interface ProfileNode {
	id: number;
	callFrame: { functionName: string; url: string; lineNumber: number };
	children?: number[];
}
interface Profile {
	nodes: ProfileNode[];
	samples: number[];
	timeDeltas: number[];
}

const IDLE = /^\((idle|program)\)$/;
/** The benchmark sleeps this long before its measured requests; the profile is cut there. */
const PAUSE_MS = 1500;

/**
 * Index of the first sample after the last idle stretch of at least 1 s: the measured requests
 * follow the pause, so startup, migration check, login and warm-up are left out.
 */
function measuredStart(profile: Profile, byId: Map<number, ProfileNode>): number {
	let idleSince = -1;
	let idleMs = 0;
	let start = 0;
	for (let i = 0; i < profile.samples.length; i++) {
		const idle = IDLE.test(byId.get(profile.samples[i])!.callFrame.functionName);
		if (idle) {
			if (idleSince < 0) {
				idleSince = i;
				idleMs = 0;
			}
			idleMs += (profile.timeDeltas[i] ?? 0) / 1000;
		} else {
			if (idleSince >= 0 && idleMs >= 1000) start = i;
			idleSince = -1;
		}
	}
	return start;
}

// First match wins; matched against 'url functionName'.
const AREAS: [string, RegExp][] = [
	['idle', /^ \((idle|program)\)$/],
	['garbage collector', /\(garbage collector\)/],
	['PGlite (WASM PostgreSQL + its protocol code)', /pglite|wasm:\/\//i],
	[
		'pg driver + Kysely (incl. CamelCasePlugin)',
		/node_modules\/(pg|pg-protocol|pg-types|pg-pool|kysely)\//
	],
	['devalue: page data for hydration', /chunks\/shared\.js\S* /],
	['ETag: djb2 hash over the whole HTML (SvelteKit)', /chunks\/exports\.js\S* hash$/],
	['transformPageChunk: lang replace over the HTML', /hooks\.server\S* transformPageChunk/],
	['wheel data + layout + arc paths', /wheel(-frame)?\.js|wheel\/layout|layout\.js/],
	[
		'Svelte SSR (components, escape_html)',
		/\.svelte|chunks\/server\.js|_page|Wheel\w*\.js|entries\/pages/
	],
	['SvelteKit render_response & runtime', /build\/server\/(chunks\/)?index\.js|@sveltejs\/kit/],
	['Node: HTTP, streams, UTF-8, modules', /node:|internal\/|^ \w/]
];

function summarise(profile: Profile) {
	const byId = new Map(profile.nodes.map((n) => [n.id, n]));
	const self = new Map<number, number>();
	for (let i = measuredStart(profile, byId); i < profile.samples.length; i++) {
		const id = profile.samples[i];
		self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
	}
	const areas = new Map<string, number>();
	const functions = new Map<string, number>();
	const files = new Map<string, number>();
	let busy = 0;
	for (const [id, ms] of self) {
		const frame = byId.get(id)!.callFrame;
		const key = `${frame.url} ${frame.functionName}`;
		const area = AREAS.find(([, re]) => re.test(key))?.[0] ?? 'other';
		areas.set(area, (areas.get(area) ?? 0) + ms);
		if (area !== 'idle') busy += ms;
		const file = frame.url.replace(/^.*\/(build|node_modules)\//, '$1/') || '(native)';
		const name = `${frame.functionName || '(anonymous)'} ${file}:${frame.lineNumber + 1}`;
		functions.set(name, (functions.get(name) ?? 0) + ms);
		if (area !== 'idle') files.set(file, (files.get(file) ?? 0) + ms);
	}
	return { areas, functions, files, busy };
}

/** How much of the HTML is SVG, the hydration data and the rest (list, head, forms). */
function htmlComposition(html: string) {
	const svgStart = html.search(/<svg[^>]*class="wheel/);
	const svgEnd = html.indexOf('</svg>', svgStart);
	const svg = svgStart >= 0 ? svgEnd + 6 - svgStart : 0;
	const scripts = [...html.matchAll(/<script[^>]*>([\s\S]*?)<\/script>/g)].reduce(
		(sum, m) => sum + m[0].length,
		0
	);
	const sum = (re: RegExp) => [...html.matchAll(re)].reduce((n, m) => n + m[0].length, 0);
	const inSvg = html.slice(svgStart, svgEnd);
	const arcs = (inSvg.match(/<a [^>]*class="arc/g) ?? []).length;
	return {
		total: html.length,
		svg,
		scripts,
		rest: html.length - svg - scripts,
		arcs,
		// What each arc carries in the SVG.
		perArc: {
			'hidden hub text (<g class="hub-info">)': sum(/<g [^>]*class="hub-info[\s\S]*?<\/g>/g) / arcs,
			'path data (d="…")':
				(inSvg.match(/ d="[^"]*"/g) ?? []).reduce((n, d) => n + d.length, 0) / arcs,
			'<title> + aria-label':
				(sum(/<title>[\s\S]*?<\/title>/g) + sum(/ aria-label="[^"]*"/g)) / arcs
		}
	};
}

export async function runProfile(runs = 30): Promise<void> {
	await ensureBenchDatabase();
	const profDir = mkdtempSync(join(tmpdir(), 'aarshjul-prof-'));
	const server = await startServer({
		dataDir: BENCH_DATA_DIR,
		databaseUrl: BENCH_DATABASE_URL,
		port: 4422,
		// node writes the profile on exit; startServer makes the app exit after its shutdown.
		nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${profDir}`]
	}).catch((error: unknown) => {
		rmSync(profDir, { recursive: true, force: true });
		throw error;
	});
	let html = '';
	let wall = 0;
	try {
		const cookie = await server.login();
		for (let i = 0; i < 5; i++)
			await (await fetch(server.origin + WHEEL_PATH, { headers: { cookie } })).text();
		await new Promise((r) => setTimeout(r, PAUSE_MS));
		const began = performance.now();
		for (let i = 0; i < runs; i++) {
			html = await (await fetch(server.origin + WHEEL_PATH, { headers: { cookie } })).text();
		}
		wall = performance.now() - began;
	} finally {
		await server.stop();
	}
	try {
		const file = readdirSync(profDir).find((f) => f.endsWith('.cpuprofile'));
		if (!file) throw new Error('node wrote no .cpuprofile');
		const profile = JSON.parse(readFileSync(join(profDir, file), 'utf8')) as Profile;
		const { areas, functions, files, busy } = summarise(profile);
		const per = (ms: number) => (ms / runs).toFixed(1).padStart(7);
		console.log(
			`profile: ${runs} wheel pages (secretariat), mean wall ${(wall / runs).toFixed(0)} ms; ` +
				`busy CPU ${(busy / runs).toFixed(0)} ms per page; load ${load()}`
		);
		console.log('self time by area (ms per page):');
		for (const [area, ms] of [...areas].sort((a, b) => b[1] - a[1])) {
			if (area === 'idle') continue;
			console.log(`  ${area.padEnd(42)} ${per(ms)}  ${((100 * ms) / busy).toFixed(0)}%`);
		}
		console.log('self time by file (ms per page):');
		for (const [file, ms] of [...files].sort((a, b) => b[1] - a[1]).slice(0, 12)) {
			console.log(`  ${per(ms)}  ${file.slice(0, 100)}`);
		}
		console.log('heaviest functions (self, ms per page):');
		for (const [name, ms] of [...functions].sort((a, b) => b[1] - a[1]).slice(0, 20)) {
			if (/\(idle\)|\(program\)/.test(name)) continue;
			console.log(`  ${per(ms)}  ${name.slice(0, 110)}`);
		}
		const c = htmlComposition(html);
		const kib = (n: number) => `${(n / 1024).toFixed(0)} KiB`;
		console.log(
			`HTML ${kib(c.total)}: wheel SVG ${kib(c.svg)}, <script> (hydration data) ${kib(c.scripts)}, rest ${kib(c.rest)}`
		);
		const perArc = Object.entries(c.perArc)
			.map(([what, bytes]) => `${what} ${bytes.toFixed(0)} B`)
			.join(', ');
		console.log(
			`SVG per arc ${(c.svg / Math.max(1, c.arcs)).toFixed(0)} B (${c.arcs} arcs), of which: ${perArc}`
		);
	} finally {
		rmSync(profDir, { recursive: true, force: true });
	}
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	runProfile().catch((error: unknown) => {
		console.error(error);
		process.exitCode = 1;
	});
}
