import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
// @ts-expect-error -- SvelteKit's internal entry point declares no types of its own
import { with_request_store } from '@sveltejs/kit/internal/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSession, SESSION_COOKIE } from '../../src/lib/auth/server/session';
import { handle } from '../../src/hooks.server';
import da from '../../messages/da.json';
import en from '../../messages/en.json';
import { ACCESS, EMAILS } from '../browser/probe/access-table';
import { readRouteTree } from '../browser/probe/route-tree';
import { useDemoDatabase } from './demo-fixtures';

// The query-string probe of issue 12, point 10: every page's load and every GET endpoint in
// src/routes gets hostile values in every query parameter the app reads (a generic set plus each
// name in a searchParams.get/getAll/has call), through the server hook as in the real app, as a
// visitor and as the secretariat. None may answer 5xx; a refusal is not in English.

const GENERIC = [
	'q',
	'uge',
	'aar',
	'year',
	'kategori',
	'ring',
	'next',
	'side',
	'type',
	'from',
	'to'
];

/** Every name the app reads from a query string. */
function queryNames(): string[] {
	const names = new Set(GENERIC);
	const visit = (dir: string) => {
		for (const f of readdirSync(dir)) {
			const path = join(dir, f);
			if (statSync(path).isDirectory()) visit(path);
			else if (/\.(ts|svelte)$/.test(f))
				for (const m of readFileSync(path, 'utf8').matchAll(
					/searchParams\.(?:get|getAll|has)\(\s*'([^']+)'/g
				))
					names.add(m[1]);
		}
	};
	visit(join(process.cwd(), 'src'));
	return [...names].sort();
}

/** Raw (already percent-encoded) hostile values. */
const HOSTILE: [string, string][] = [
	['NUL', 'a%00b'],
	['other controls', '%01%08%0B%1B%7F'],
	['lone surrogate (UTF-8 of D800)', '%ED%A0%80'],
	['overlong UTF-8', '%C0%AF'],
	['percent garbage', '%'],
	['percent garbage 2', '%zz%4'],
	['cut UTF-8', '%E0%A4%A'],
	['very long', 'x'.repeat(20_000)],
	['very long æ', '%C3%A6'.repeat(5_000)],
	['bidi and zero width', '%E2%80%AE%E2%80%8B'],
	['emoji', '%F0%9F%98%80'],
	['script', '%3Cscript%3Ealert(1)%3C%2Fscript%3E'],
	['negative', '-1'],
	['huge number', '1e309'],
	['impossible date', '2026-02-30'],
	['path', '..%2F..%2Fetc%2Fpasswd'],
	['empty', '']
];

const PAGES = import.meta.glob<Record<string, unknown>>('/src/routes/**/+page.server.ts', {
	eager: true
});
const ENDPOINTS = import.meta.glob<Record<string, unknown>>('/src/routes/**/+server.ts', {
	eager: true
});
const LAYOUT = import.meta.glob<Record<string, unknown>>('/src/routes/+layout.server.ts', {
	eager: true
})['/src/routes/+layout.server.ts'];
// Plain messages only; messages with plural variants are objects.
const ENGLISH = new Set(
	Object.values(en as unknown as Record<string, unknown>).filter(
		(v): v is string => typeof v === 'string'
	)
);

function paramsOf(routeId: string, path: string): Record<string, string> {
	const ids = routeId.split('/');
	const parts = path.split('?')[0].split('/');
	const params: Record<string, string> = {};
	ids.forEach((seg, i) => {
		const m = /^\[(\w+)\]$/.exec(seg);
		if (m) params[m[1]] = decodeURIComponent(parts[i]);
	});
	return params;
}

type Loader = (event: unknown) => unknown;

/** The answer as the real app would give it: a thrown error or redirect becomes its status. */
async function answer(run: () => unknown): Promise<Response> {
	try {
		const result = await run();
		return result instanceof Response ? result : new Response('ok', { status: 200 });
	} catch (thrown) {
		const t = thrown as { status?: number; body?: { message?: string }; location?: string };
		if (typeof t?.status === 'number' && (t.location || t.body)) {
			return new Response(t.body?.message ?? '', { status: t.status });
		}
		return new Response(`thrown: ${String(thrown)}`, { status: 500 });
	}
}

describe('query-string probe', () => {
	const demo = useDemoDatabase({ routes: true });
	let token: string;
	const names = queryNames();

	beforeAll(async () => {
		const user = await demo.db
			.selectFrom('appUser')
			.select('id')
			.where('email', '=', EMAILS.secretariat)
			.executeTakeFirstOrThrow();
		token = (await createSession(demo.db, user.id)).token;
	});

	it('knows the query names the app reads', () => {
		expect(names).toEqual(expect.arrayContaining(['q', 'year', 'width', 'next', 'format']));
	});

	async function request(routeId: string, path: string, search: string, loggedIn: boolean) {
		const url = new URL(`http://localhost${path.split('?')[0]}?${search}`);
		const page = PAGES[`/src/routes${routeId === '/' ? '' : routeId}/+page.server.ts`];
		const endpoint = ENDPOINTS[`/src/routes${routeId}/+server.ts`];
		const event = {
			url,
			request: new Request(url),
			params: paramsOf(routeId, path),
			route: { id: routeId },
			cookies: {
				get: (name: string) => (loggedIn && name === SESSION_COOKIE ? token : undefined),
				getAll: () => [],
				set() {},
				delete() {},
				serialize: () => ''
			},
			locals: {},
			getClientAddress: () => '203.0.113.9',
			setHeaders() {},
			isDataRequest: false,
			isSubRequest: false,
			platform: undefined,
			fetch
		};
		// sequence() reads SvelteKit's request store, as the real server sets it up.
		const state = {
			tracing: { record_span: ({ fn }: { fn: (span: unknown) => unknown }) => fn({}) }
		};
		return with_request_store({ event, state } as never, () =>
			handle({
				event: event as never,
				resolve: (async (e: typeof event) =>
					answer(async () => {
						if (endpoint?.GET) return (endpoint.GET as Loader)(e);
						await (LAYOUT.load as Loader)(e);
						return page?.load ? (page.load as Loader)(e) : undefined;
					})) as never
			})
		) as Promise<Response>;
	}

	const tree = readRouteTree();
	for (const route of tree) {
		const rule = ACCESS[route.id];
		const hasGet = route.page || route.methods.includes('GET');
		if (!rule || !hasGet) continue;
		it(`answers hostile query values on ${route.id} without a 5xx`, async () => {
			const failures: string[] = [];
			const cases: [string, string][] = [
				...HOSTILE.map(([label, raw]): [string, string] => [
					label,
					names.map((n) => `${n}=${raw}`).join('&')
				]),
				['arrays where scalars are expected', names.map((n) => `${n}=1&${n}=2`).join('&')],
				['bracket names', names.map((n) => `${n}[]=1&${n}[x]=2`).join('&')]
			];
			for (const loggedIn of [false, true]) {
				for (const [label, search] of cases) {
					const response = await request(route.id, rule.path, search, loggedIn);
					const what = `${route.id} (${loggedIn ? 'secretariat' : 'visitor'}): ${label}`;
					const body = response.status >= 400 ? await response.text() : '';
					if (response.status >= 500)
						failures.push(`${what} → ${response.status} ${body.slice(0, 200)}`);
					else if (response.status >= 400 && ENGLISH.has(body))
						failures.push(`${what}: English "${body}"`);
				}
			}
			expect(failures.join('\n')).toBe('');
		}, 300_000);
	}

	// The one input rule, on its own: a single control character in one parameter is refused in
	// Danish before any page reads it (a NUL in ?q= gave a 500 on several pages before).
	it('refuses a NUL in one query parameter with the Danish 400 on every page', async () => {
		const wrong: string[] = [];
		for (const route of tree) {
			const rule = ACCESS[route.id];
			if (!rule || !(route.page || route.methods.includes('GET'))) continue;
			for (const search of ['q=a%00b', 'side=%1B']) {
				const response = await request(route.id, rule.path, search, true);
				const body = await response.text();
				if (response.status !== 400 || body !== da.val_query_control_chars)
					wrong.push(`${route.id}?${search} → ${response.status} ${body.slice(0, 80)}`);
			}
		}
		expect(wrong.join('\n')).toBe('');
	}, 300_000);
});
