import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

// Reads the route tree from src/routes, so that the probes cover every route that exists: a new
// page, form action or endpoint fails the probe until somebody states who may use it.

export interface RouteEntry {
	/** SvelteKit's route id, e.g. '/aktiviteter/[id]/rediger'. */
	id: string;
	page: boolean;
	/** Form action names ('default' for the unnamed one). */
	actions: string[];
	/** HTTP methods a +server.ts exports. */
	methods: string[];
}

const ROUTES_DIR = join(process.cwd(), 'src', 'routes');
const METHOD =
	/export\s+(?:const|async\s+function|function)\s+(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\b/g;

/** Keys of `export const actions = { … }`: the names at the object's first level. */
export function actionNames(source: string): string[] {
	const start = source.search(/export\s+const\s+actions\b/);
	if (start < 0) return [];
	const open = source.indexOf('{', source.indexOf('=', start));
	const names: string[] = [];
	let depth = 0;
	let expectKey = true;
	for (let i = open; i < source.length; i++) {
		const ch = source[i];
		if ('{(['.includes(ch)) depth++;
		else if ('})]'.includes(ch)) {
			if (--depth === 0) break;
		} else if (depth === 1 && ch === ',') expectKey = true;
		else if (depth === 1 && expectKey && /[A-Za-z_]/.test(ch)) {
			const key = /^(?:async\s+)?([A-Za-z_]\w*)\s*([:(,}]|$)/m.exec(source.slice(i));
			if (key) names.push(key[1]);
			expectKey = false;
		}
	}
	return names;
}

function walk(dir: string, out: RouteEntry[]): void {
	const files = readdirSync(dir);
	const has = (f: string) => files.includes(f);
	const id = '/' + relative(ROUTES_DIR, dir).split(sep).filter(Boolean).join('/');
	const serverPage = has('+page.server.ts')
		? readFileSync(join(dir, '+page.server.ts'), 'utf8')
		: '';
	const endpoint = has('+server.ts') ? readFileSync(join(dir, '+server.ts'), 'utf8') : '';
	if (has('+page.svelte') || has('+page.server.ts') || has('+server.ts')) {
		out.push({
			id,
			page: has('+page.svelte') || has('+page.server.ts'),
			actions: actionNames(serverPage),
			methods: [...endpoint.matchAll(METHOD)].map((m) => m[1])
		});
	}
	for (const f of files) {
		const path = join(dir, f);
		if (statSync(path).isDirectory()) walk(path, out);
	}
}

export function readRouteTree(): RouteEntry[] {
	const out: RouteEntry[] = [];
	walk(ROUTES_DIR, out);
	return out.sort((a, b) => a.id.localeCompare(b.id));
}
