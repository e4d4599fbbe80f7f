import { gunzipSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Database } from '../../src/lib/platform/server/db/engine';
import { GET, HEAD } from '../../src/routes/feeds/[file]/+server';
import { GET as activityIcs } from '../../src/routes/aktiviteter/[id]/ics/+server';
import { setFeedCacheTtl } from '../../src/lib/feeds/server/cache';
import {
	findFeedByToken,
	getOrCreateFeedToken,
	rotateFeedToken
} from '../../src/lib/feeds/server/token';
import { createTestDatabase } from '../helpers/db';
import { fakeLocals, useForRoutes } from './organisation.fixtures';
import {
	createWorld,
	insertActivity,
	type ActivityWorld,
	useActivityWorld
} from './activity-fixtures';
import { parseFeed } from './feed-fixtures';

const ORIGIN = 'http://localhost';

function call(handler: typeof GET, file: string, headers: Record<string, string> = {}, query = '') {
	const url = new URL(`${ORIGIN}/feeds/${file}${query}`);
	const event = {
		params: { file },
		url,
		request: new Request(url, { headers }),
		locals: fakeLocals(null)
	};
	return handler(event as never);
}

describe('routes/feeds/[file]', () => {
	const world = useActivityWorld({ routes: true });
	let token: string;
	const logged: string[] = [];

	beforeEach(async () => {
		setFeedCacheTtl(0);
		await insertActivity(world.db, {
			ownerId: world.org.school,
			categoryId: world.category.moede,
			title: 'Forældremøde',
			startDate: '2027-02-10',
			endDate: '2027-02-10'
		});
		token = (
			await getOrCreateFeedToken(world.db, { scope: 'school', organisationId: world.org.school })
		).token!;
		logged.length = 0;
		for (const level of ['log', 'info', 'warn', 'error'] as const) {
			vi.spyOn(console, level).mockImplementation((...args) => {
				logged.push(args.map(String).join(' '));
			});
		}
	});
	afterEach(() => {
		vi.restoreAllMocks();
		// The secret never reaches a log line.
		expect(logged.join('\n')).not.toContain(token);
	});

	it('answers a secret feed with the calendar and private caching', async () => {
		const response = await call(GET, `${token}.ics`);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
		expect(response.headers.get('cache-control')).toBe('private, max-age=300');
		expect(response.headers.get('content-disposition')).toBe('inline; filename="aarshjul.ics"');
		expect(response.headers.get('etag')).toMatch(/^"[0-9a-f]{32}"$/);
		expect(response.headers.get('last-modified')).toMatch(/GMT$/);
		const { events } = parseFeed(await response.text());
		expect(events.map((e) => e.summary)).toEqual(['Forældremøde']);
	});

	it('answers 304 to If-None-Match and If-Modified-Since, and 200 after a change', async () => {
		const first = await call(GET, `${token}.ics`);
		const etag = first.headers.get('etag')!;
		const lastModified = first.headers.get('last-modified')!;
		const byTag = await call(GET, `${token}.ics`, { 'if-none-match': etag });
		expect(byTag.status).toBe(304);
		expect(await byTag.text()).toBe('');
		expect(byTag.headers.get('etag')).toBe(etag);
		expect((await call(GET, `${token}.ics`, { 'if-none-match': `W/${etag}, "x"` })).status).toBe(
			304
		);
		expect((await call(GET, `${token}.ics`, { 'if-modified-since': lastModified })).status).toBe(
			304
		);
		expect((await call(GET, `${token}.ics`, { 'if-none-match': '"stale"' })).status).toBe(200);
		await world.db
			.updateTable('activity')
			.set({ title: 'Flyttet', updatedAt: new Date(Date.now() + 5000) })
			.execute();
		const changed = await call(GET, `${token}.ics`, { 'if-none-match': etag });
		expect(changed.status).toBe(200);
		expect(changed.headers.get('etag')).not.toBe(etag);
		const later = new Date(Date.now() + 2000).toUTCString();
		expect((await call(GET, `${token}.ics`, { 'if-modified-since': later })).status).toBe(200);
	});

	it('sends the same calendar gzipped to clients that accept it, under its own ETag', async () => {
		const plain = await call(GET, `${token}.ics`);
		const zipped = await call(GET, `${token}.ics`, { 'accept-encoding': 'gzip, deflate' });
		expect(zipped.headers.get('content-encoding')).toBe('gzip');
		expect(zipped.headers.get('vary')).toBe('Accept-Encoding');
		const gzEtag = zipped.headers.get('etag')!;
		expect(gzEtag).toBe(plain.headers.get('etag')!.replace(/"$/, '-gz"'));
		const bytes = Buffer.from(await zipped.arrayBuffer());
		expect(gunzipSync(bytes).toString('utf8')).toBe(await plain.text());
		expect((await call(GET, `${token}.ics`, { 'if-none-match': gzEtag })).status).toBe(304);
	});

	it('answers HEAD with the headers and no body', async () => {
		const response = await call(HEAD, `${token}.ics`);
		expect(response.status).toBe(200);
		expect(response.headers.get('etag')).toMatch(/^"/);
		expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
		expect(response.body).toBeNull();
	});

	it('serves the same feed from the cache and the database', async () => {
		setFeedCacheTtl(60_000);
		const a = await call(GET, `${token}.ics`);
		const b = await call(GET, `${token}.ics`);
		expect(b.headers.get('etag')).toBe(a.headers.get('etag'));
		expect(await b.text()).toBe(await a.text());
	});

	it('kills the old address at once on rotation, also when cached', async () => {
		setFeedCacheTtl(60_000);
		expect((await call(GET, `${token}.ics`)).status).toBe(200);
		const rotated = await rotateFeedToken(world.db, {
			scope: 'school',
			organisationId: world.org.school
		});
		expect(rotated.token).not.toBe(token);
		expect((await call(GET, `${token}.ics`)).status).toBe(404);
		expect((await call(GET, `${rotated.token}.ics`)).status).toBe(200);
		expect(await findFeedByToken(world.db, token)).toBeNull();
	});

	it('answers the public feed without a secret, publicly cacheable', async () => {
		const response = await call(GET, 'offentlig.ics');
		expect(response.status).toBe(200);
		expect(response.headers.get('cache-control')).toBe('public, max-age=300');
		expect(parseFeed(await response.text()).events.map((e) => e.summary)).toEqual(['Forældremøde']);
	});

	it('answers every kind of bad address with the same 404, never 500', async () => {
		const bad = [
			'x.ics',
			`${token}`,
			`${token.toUpperCase()}.ics`,
			`${token}x.ics`,
			`${token.slice(0, -1)}a.ics`.replace(`${token}.ics`, 'aaaa.ics'),
			`${'a'.repeat(32)}.ics`,
			`../${token}.ics`,
			`..%2F${token}.ics`,
			'skole.ics',
			'%00.ics',
			'offentlig.ics.ics',
			`${token}.ics/../../etc/passwd`,
			'ø'.repeat(200)
		];
		const bodies = new Set<string>();
		for (const file of bad) {
			const response = await call(GET, file);
			expect(response.status, file).toBe(404);
			bodies.add(await response.text());
		}
		expect(bodies.size).toBe(1);
	});

	it('refuses a 100 kB query string with 400', async () => {
		const response = await call(GET, `${token}.ics`, {}, `?ferier=1&x=${'a'.repeat(100_000)}`);
		expect(response.status).toBe(400);
	});

	it('looks up a malformed token without touching the database', async () => {
		const noDb = new Proxy(
			{},
			{
				get: () => {
					throw new Error('database used');
				}
			}
		);
		expect(await findFeedByToken(noDb as never, 'NOT-A-TOKEN')).toBeNull();
		expect(await findFeedByToken(noDb as never, `${token}/..`)).toBeNull();
	});

	it('gives the secret once: at creation, not when the feed exists', async () => {
		const again = await getOrCreateFeedToken(world.db, {
			scope: 'school',
			organisationId: world.org.school
		});
		expect(again.token).toBeNull();
		const stored = await world.db.selectFrom('feedToken').select('tokenHash').execute();
		expect(stored.every((r) => !Buffer.from(r.tokenHash).toString().includes(token))).toBe(true);
		expect(token).toMatch(/^[a-z2-7]{32}$/);
	});
});

describe('routes/aktiviteter/[id]/ics', () => {
	let database: Database;
	let world: ActivityWorld;

	beforeAll(async () => {
		database = await createTestDatabase();
		useForRoutes(database);
		world = await createWorld(database);
	});
	afterAll(async () => {
		await database?.close();
	});

	const download = (id: string, user: unknown) => {
		const url = new URL(`${ORIGIN}/aktiviteter/${id}/ics`);
		return activityIcs({
			params: { id },
			url,
			request: new Request(url),
			locals: fakeLocals(user)
		} as never);
	};

	it('downloads a visible activity as a one-event calendar', async () => {
		const id = await insertActivity(database.db, {
			ownerId: world.org.school,
			categoryId: world.category.moede,
			title: 'Åbent hus på skolen'
		});
		const response = await download(id, null);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-disposition')).toBe(
			'attachment; filename="aabent-hus-paa-skolen.ics"'
		);
		const { events } = parseFeed(await response.text());
		expect(events.map((e) => e.uid)).toEqual([`activity-${id}@aarshjul`]);
	});

	it('answers 404 for an activity the user may not see', async () => {
		const id = await insertActivity(database.db, {
			ownerId: world.org.smedCompany,
			categoryId: world.category.moede,
			visibility: 'private'
		});
		await expect(download(id, world.users.ownerAdmin)).rejects.toMatchObject({ status: 404 });
		await expect(download('not-a-uuid', null)).rejects.toMatchObject({ status: 404 });
		expect((await download(id, world.users.participantMember)).status).toBe(200);
	});
});
