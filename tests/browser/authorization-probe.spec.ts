import { request, type APIRequestContext, type APIResponse } from '@playwright/test';
import {
	ACCESS,
	EMAILS,
	ROLES,
	type ActionRule,
	type Outcome,
	type ProbeRole
} from './probe/access-table';
import { readRouteTree } from './probe/route-tree';
import { expect, test, DEMO_PASSWORD } from './support';

// Walks every route of the app as every role (issue 7: authorization probe). The route list comes
// from src/routes, so a route missing from probe/access-table.ts fails the first test.

const TREE = readRouteTree();
const clients = new Map<ProbeRole, APIRequestContext>();
let origin = '';

test.beforeAll(async ({ baseURL }) => {
	origin = baseURL!;
	for (const role of ROLES) {
		const client = await request.newContext({ baseURL: origin });
		if (role !== 'anon') {
			const login = await client.post('/login', {
				form: { email: EMAILS[role], password: DEMO_PASSWORD },
				headers: { origin, accept: 'text/html' },
				maxRedirects: 0
			});
			expect(login.status(), `login ${role}`).toBe(303);
		}
		clients.set(role, client);
	}
});

test.afterAll(async () => {
	for (const client of clients.values()) await client.dispose();
});

function outcomeOf(response: APIResponse): Outcome | number {
	const status = response.status();
	if (status !== 302 && status !== 303) return status;
	return (response.headers()['location'] ?? '').startsWith('/login') ? 'login' : 'away';
}

test('every page, form action and endpoint in src/routes has an access rule', () => {
	const missing: string[] = [];
	for (const route of TREE) {
		const rule = ACCESS[route.id];
		if (!rule) {
			missing.push(`${route.id} (no rule)`);
			continue;
		}
		const gets = route.page || route.methods.includes('GET');
		if (gets && !rule.get) missing.push(`${route.id} GET`);
		if (route.methods.includes('HEAD') && !rule.head) missing.push(`${route.id} HEAD`);
		if (route.methods.includes('POST') && !rule.post) missing.push(`${route.id} POST`);
		for (const action of route.actions) {
			if (!rule.actions?.[action]) missing.push(`${route.id} ?/${action}`);
		}
		for (const action of Object.keys(rule.actions ?? {})) {
			if (!route.actions.includes(action)) missing.push(`${route.id} ?/${action} is stale`);
		}
	}
	for (const id of Object.keys(ACCESS)) {
		if (!TREE.some((r) => r.id === id)) missing.push(`${id} is stale`);
	}
	expect(missing).toEqual([]);
	expect(TREE.length).toBeGreaterThan(40);
});

test('a form post from another site is refused', async () => {
	const response = await clients.get('secretariat')!.post('/organisationer/ny', {
		form: { name: 'Fremmed' },
		headers: { origin: 'https://evil.example', accept: 'text/html' },
		maxRedirects: 0
	});
	expect(response.status()).toBe(403);
});

test('only the secretariat sees the outbox in the footer', async () => {
	for (const role of ROLES) {
		const html = await (
			await clients.get(role)!.get('/', { headers: { accept: 'text/html' } })
		).text();
		expect(html.includes('href="/dev/outbox"'), role).toBe(role === 'secretariat');
	}
});

for (const route of TREE) {
	const rule = ACCESS[route.id];
	if (!rule) continue;

	if (rule.get) {
		const expected = rule.get;
		test(`GET ${route.id} as every role`, async () => {
			const seen: Record<string, Outcome | number> = {};
			for (const role of ROLES) {
				const response = await clients.get(role)!.get(rule.path, {
					headers: { accept: 'text/html' },
					maxRedirects: 0
				});
				seen[role] = outcomeOf(response);
			}
			expect(seen).toEqual(expected);
		});
	}
	if (rule.head) {
		const expected = rule.head;
		test(`HEAD ${route.id} as every role`, async () => {
			const seen: Record<string, Outcome | number> = {};
			for (const role of ROLES) {
				const response = await clients.get(role)!.head(rule.path, { maxRedirects: 0 });
				seen[role] = outcomeOf(response);
			}
			expect(seen).toEqual(expected);
		});
	}

	const posts: [string, ActionRule][] = Object.entries(rule.actions ?? {});
	if (rule.post) posts.push(['POST', rule.post]);
	for (const [action, allowed] of posts) {
		const refused = ROLES.filter((role) => !allowed.allowed.includes(role));
		if (refused.length === 0) continue;
		test(`POST ${route.id} ${action === 'POST' ? '' : `?/${action}`} is refused to ${refused.join(', ')}`, async () => {
			const url =
				action === 'POST' || action === 'default'
					? rule.path
					: `${rule.path}${rule.path.includes('?') ? '&' : '?'}/${action}`;
			const seen: Record<string, Outcome | number> = {};
			for (const role of refused) {
				const response = await clients.get(role)!.post(url, {
					...(allowed.json !== undefined ? { data: allowed.json } : { form: allowed.body ?? {} }),
					headers: {
						origin,
						accept: allowed.json !== undefined ? 'application/json' : 'text/html',
						...allowed.headers
					},
					maxRedirects: 0
				});
				seen[role] = outcomeOf(response);
			}
			for (const [role, outcome] of Object.entries(seen)) {
				const ok = role === 'anon' ? ['login', 401, 403, 404] : [403, 404, 409];
				ok.push(...(allowed.alsoRefusedWith ?? []));
				expect(ok, `${role} got ${outcome}`).toContain(outcome);
			}
		});
	}
}
