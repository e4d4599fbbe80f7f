import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/lib/platform/server/db/engine';
import type { SessionUser } from '../../src/lib/auth/server/session';
import en from '../../messages/en.json';
import { ACCESS, EMAILS, type LoggedInRole } from '../browser/probe/access-table';
import { readRouteTree } from '../browser/probe/route-tree';
import { fakeLocals } from './organisation.fixtures';
import { demoUser, useDemoDatabase } from './demo-fixtures';

// The bad-input probe of issue 7: every form action and JSON endpoint in src/routes gets a table
// of hostile values in every field any form of the app has, as a user allowed to use it. None may
// answer 500; a refusal carries a Danish message; and a refused request changes nothing.

const HOSTILE: [string, string][] = [
	['empty', ''],
	['blank', '   '],
	['huge', 'x'.repeat(100_000)],
	['script', '<script>alert(1)</script><img src=x onerror=alert(1)>'],
	['sql', "'; drop table activity; --"],
	['nul byte', 'a\u0000b'],
	['bidi and zero-width', '\u202e\u200b\u2066'],
	['emoji', '😀'.repeat(500)],
	['negative', '-1'],
	['overflow', '1e309'],
	['not a number', 'NaN'],
	['impossible date', '2026-02-30'],
	['path', '../../etc/passwd'],
	['object', '[object Object]']
];

/** Every field name any form of the app posts (name="…" in routes and components). */
function allFieldNames(): string[] {
	const names = new Set<string>();
	const visit = (dir: string) => {
		for (const f of readdirSync(dir)) {
			const path = join(dir, f);
			if (statSync(path).isDirectory()) visit(path);
			else if (f.endsWith('.svelte'))
				for (const m of readFileSync(path, 'utf8').matchAll(/name="([A-Za-z_]\w*)"/g))
					names.add(m[1]);
		}
	};
	visit(join(process.cwd(), 'src/routes'));
	visit(join(process.cwd(), 'src/lib'));
	return [...names].sort();
}

const MODULES = import.meta.glob<Record<string, unknown>>('/src/routes/**/+page.server.ts', {
	eager: true
});
const ENDPOINTS = import.meta.glob<Record<string, unknown>>('/src/routes/**/+server.ts', {
	eager: true
});
// Plain messages only; messages with plural variants are objects.
const ENGLISH = new Set(
	Object.values(en as unknown as Record<string, unknown>).filter(
		(v): v is string => typeof v === 'string'
	)
);
/** Actions that change the session or cookies rather than data. */
const SKIPPED = new Set(['/logout', '/sprog']);
/** Actions that read no fields at all: any body does the same thing. */
const FIELDLESS = [
	'/laerepladsalliance/opslag/[id] fill ',
	'/laerepladsalliance/opslag/[id] reopen ',
	'/aktiviteter/[id] cancel ',
	'/tilbud/[id] closeOffer ',
	'/tilbud/[id] reopenOffer ',
	// Runs the allocation; it reads no field.
	'/praktikfordeling/[id] run '
];

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

function event(path: string, params: Record<string, string>, user: SessionUser, request: Request) {
	const cookies = {
		get: () => undefined,
		getAll: () => [],
		set() {},
		delete() {},
		serialize: () => ''
	};
	return {
		request,
		url: new URL(request.url),
		params,
		cookies,
		locals: fakeLocals(user, { id: 'probe-session', userId: user.id }),
		getClientAddress: () => '203.0.113.7',
		setHeaders() {}
	} as never;
}

type Outcome = { kind: 'refused'; status: number; messages: string[] } | { kind: 'accepted' };

/** Runs a form action or endpoint and says how it ended; anything unexpected is a 500. */
async function run(call: () => unknown): Promise<Outcome> {
	try {
		const result = (await call()) as Record<string, unknown> | Response | undefined;
		if (result instanceof Response) {
			if (result.status >= 400) {
				const text = await result.text();
				return { kind: 'refused', status: result.status, messages: [text] };
			}
			return { kind: 'accepted' };
		}
		if (result && typeof result.status === 'number' && result.status >= 400) {
			return { kind: 'refused', status: result.status, messages: strings(result.data) };
		}
		return { kind: 'accepted' };
	} catch (thrown) {
		const t = thrown as { status?: number; body?: { message?: string }; location?: string };
		if (typeof t?.status === 'number' && t.status >= 400 && t.status < 500)
			return { kind: 'refused', status: t.status, messages: [t.body?.message ?? ''] };
		if (typeof t?.status === 'number' && t.status >= 300 && t.status < 400 && t.location)
			return { kind: 'accepted' };
		throw thrown;
	}
}

function strings(value: unknown): string[] {
	if (typeof value === 'string') return [value];
	if (Array.isArray(value)) return value.flatMap(strings);
	if (value && typeof value === 'object') {
		const o = value as Record<string, unknown>;
		// Only what is shown as a message: the echoed values are the user's own input.
		// A delete without its confirmation re-renders the page with its Danish question.
		const question = o.confirmDelete === true ? ['confirmDelete'] : [];
		return [...question, ...strings(o.message), ...strings(o.errors), ...strings(o.error)];
	}
	return [];
}

let probedTables: string[] | null = null;

/**
 * A digest of every table's rows (sessions and throttle rows aside), in one query: the probe
 * takes it after every refused request, and a query per table made that most of its time.
 */
async function fingerprint(database: Database): Promise<string> {
	probedTables ??= (
		await sql<{ tablename: string }>`
			select tablename from pg_tables
			where schemaname = current_schema() and tablename not like 'kysely_%'
				and tablename not in ('rate_limit', 'user_session')`.execute(database.db)
	).rows.map((row) => row.tablename);
	const digests = probedTables.map(
		(table) => sql`select ${table}::text as name,
			md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as digest
			from ${sql.table(table)} t`
	);
	const { rows } = await sql<{
		name: string;
		digest: string;
	}>`${sql.join(digests, sql` union all `)}`.execute(database.db);
	return rows
		.map((row) => `${row.name}:${row.digest}`)
		.sort()
		.join('\n');
}

describe('bad-input probe', () => {
	const demo = useDemoDatabase({ routes: true });
	const users = new Map<LoggedInRole, SessionUser>();
	const fields = allFieldNames();

	beforeAll(async () => {
		for (const [role, email] of Object.entries(EMAILS) as [LoggedInRole, string][]) {
			users.set(role, await demoUser(demo.db, email));
		}
	});

	it('knows the forms: many field names and every route with actions', () => {
		expect(fields).toEqual(expect.arrayContaining(['title', 'email', 'seats', 'classLabel']));
		expect(Object.keys(MODULES).length).toBeGreaterThan(30);
	});

	it('notices a write in its digest, and its undoing', async () => {
		const before = await fingerprint(demo.database);
		await sql`update organisation set name = name || ' (probe)' where slug = (select min(slug) from organisation)`.execute(
			demo.db
		);
		expect(await fingerprint(demo.database)).not.toBe(before);
		await sql`update organisation set name = left(name, -8) where name like '% (probe)'`.execute(
			demo.db
		);
		expect(await fingerprint(demo.database)).toBe(before);
	});

	const tree = readRouteTree();
	for (const route of tree) {
		if (SKIPPED.has(route.id)) continue;
		const rule = ACCESS[route.id];
		const actions = route.actions;
		const posts = route.methods.includes('POST');
		if (!rule || (actions.length === 0 && !posts)) continue;

		it(`refuses hostile input to ${route.id} without a 500 or a write`, async () => {
			const params = paramsOf(route.id, rule.path);
			const module = MODULES[`/src/routes${route.id === '/' ? '' : route.id}/+page.server.ts`];
			const endpoint = ENDPOINTS[`/src/routes${route.id}/+server.ts`];
			const targets: [string, (value: string, kind: 'form' | 'json' | 'text') => Request][] = [];
			const base = `http://localhost${rule.path.split('?')[0]}`;
			for (const action of actions) {
				const url = action === 'default' ? base : `${base}?/${action}`;
				targets.push([action, (value, kind) => requestFor(url, value, kind)]);
			}
			if (posts) targets.push(['POST', (value, kind) => requestFor(base, value, kind)]);

			let known: string | null = null;
			for (const [action, makeRequest] of targets) {
				const allowed = action === 'POST' ? rule.post?.allowed : rule.actions?.[action]?.allowed;
				const role = (
					allowed?.includes('secretariat') || !allowed?.length
						? 'secretariat'
						: allowed.find((r) => r !== 'anon')
				) as LoggedInRole;
				const user = users.get(role)!;
				const cases: [string, string, 'form' | 'json' | 'text'][] = [
					...HOSTILE.map(([label, value]) => [label, value, 'form'] as [string, string, 'form']),
					['missing fields', '', 'form'],
					['JSON body', '{"title": 1}', 'json'],
					['plain text body', 'title=x', 'text']
				];
				for (const [label, value, kind] of cases) {
					// A refusal leaves the database as it was, so its fingerprint carries over.
					const before = (known ??= await fingerprint(demo.database));
					const what = `${route.id} ${action} as ${role}: ${label}`;
					const call =
						action === 'POST'
							? () =>
									(endpoint.POST as (e: unknown) => unknown)(
										event(base, params, user, makeRequest(value, kind))
									)
							: () =>
									(module.actions as Record<string, (e: unknown) => unknown>)[action](
										event(
											base,
											params,
											user,
											makeRequest(label === 'missing fields' ? '\u0001' : value, kind)
										)
									);
					const outcome = await run(call).catch((e: unknown) => {
						throw new Error(`${what} threw (a 500): ${String(e)}`);
					});
					if (outcome.kind === 'refused') {
						expect(outcome.status, what).toBeGreaterThanOrEqual(400);
						expect(outcome.status, what).toBeLessThan(500);
						const shown = outcome.messages.filter((s) => s.trim() !== '');
						expect(shown.length, `${what}: a message`).toBeGreaterThan(0);
						for (const s of shown) expect(ENGLISH.has(s), `${what}: "${s}" is English`).toBe(false);
						expect(await fingerprint(demo.database), `${what} wrote to the database`).toBe(before);
					} else {
						ACCEPTED.push(what);
						known = null;
					}
				}
			}
		}, 300_000);
	}

	const ACCEPTED: string[] = [];
	it('never accepts an oversize field or a control character', () => {
		// Free-text fields may hold a script tag, SQL or an emoji (escaped on output, bound as
		// parameters); those that were accepted are listed here for review when this fails.
		expect(ACCEPTED.length).toBeGreaterThan(0);
		const checked = ACCEPTED.filter((what) => !FIELDLESS.some((action) => what.startsWith(action)));
		expect(checked.filter((what) => /: (huge|nul byte)$/.test(what)).join('\n')).toBe('');
	});
});

function requestFor(url: string, value: string, kind: 'form' | 'json' | 'text'): Request {
	if (kind === 'json')
		return new Request(url, {
			method: 'POST',
			body: value,
			headers: { 'content-type': 'application/json' }
		});
	if (kind === 'text')
		return new Request(url, {
			method: 'POST',
			body: value,
			headers: { 'content-type': 'text/plain' }
		});
	const form = new FormData();
	if (value !== '\u0001') for (const name of allFieldNamesCached()) form.append(name, value);
	return new Request(url, { method: 'POST', body: form });
}
let cachedNames: string[] | null = null;
function allFieldNamesCached(): string[] {
	cachedNames ??= allFieldNames();
	return cachedNames;
}
