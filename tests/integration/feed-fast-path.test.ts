import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/lib/platform/server/db/engine';
import { feedFastPath } from '../../src/lib/feeds/server/fast-path';
import { setFeedCacheTtl } from '../../src/lib/feeds/server/cache';
import { getOrCreateFeedToken } from '../../src/lib/feeds/server/token';
import { createTestDatabase, truncateAll } from '../helpers/db';
import { createWorld, insertActivity } from './activity-fixtures';
import { getFeed, parseFeed } from './feed-fixtures';
import { useForRoutes } from './organisation.fixtures';

// The feeds' fast path answers in front of SvelteKit: over real HTTP here, with a fallback that
// says when it was used, and compared with what the SvelteKit route answers.

const ORIGIN = 'https://aarshjul.example';

describe('feeds fast path', () => {
	let database: Database;
	let server: Server;
	let base: string;
	let token: string;
	const passed: string[] = [];

	const route = (file: string, headers: Record<string, string> = {}) =>
		getFeed(ORIGIN, file, headers);

	beforeAll(async () => {
		database = await createTestDatabase();
		useForRoutes(database);
		setFeedCacheTtl(0);
		await truncateAll(database);
		const world = await createWorld(database);
		await insertActivity(database.db, {
			ownerId: world.org.school,
			categoryId: world.category.moede,
			title: 'Forældremøde',
			startDate: '2027-02-10',
			endDate: '2027-02-10'
		});
		token = (
			await getOrCreateFeedToken(database.db, { scope: 'school', organisationId: world.org.school })
		).token!;
		const fast = feedFastPath(async () => database.db, ORIGIN);
		server = createServer((req, res) => {
			const answered = fast(req, res);
			const fallback = () => {
				passed.push(req.url ?? '');
				res.writeHead(418).end('SvelteKit');
			};
			if (answered === false) fallback();
			else void answered.then((done) => done || fallback());
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	});
	afterAll(async () => {
		await new Promise((resolve) => server?.close(resolve));
		await database?.close();
	});

	describe('feedFastPath', () => {
		it('answers a feed as the route does: body, validators and security headers', async () => {
			// fetch asks for gzip; so does the route's request here.
			const fast = await fetch(`${base}/feeds/${token}.ics`);
			const slow = await route(`${token}.ics`, { 'accept-encoding': 'gzip' });
			expect(fast.status).toBe(200);
			expect(parseFeed(await fast.text()).events.map((e) => e.summary)).toEqual(['Forældremøde']);
			for (const name of ['etag', 'last-modified', 'cache-control', 'content-type', 'vary']) {
				expect(fast.headers.get(name), name).toBe(slow.headers.get(name));
			}
			expect(fast.headers.get('x-content-type-options')).toBe('nosniff');
			expect(fast.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
		});

		it('answers 304 to the ETag the client holds, gzip when asked, and HEAD without a body', async () => {
			const first = await fetch(`${base}/feeds/${token}.ics`);
			const etag = first.headers.get('etag')!;
			const again = await fetch(`${base}/feeds/${token}.ics`, {
				headers: { 'if-none-match': etag }
			});
			expect(again.status).toBe(304);
			expect(await again.text()).toBe('');
			const zipped = await fetch(`${base}/feeds/${token}.ics`, {
				headers: { 'accept-encoding': 'gzip' }
			});
			expect(zipped.headers.get('content-encoding')).toBe('gzip');
			expect(await zipped.text()).toContain('SUMMARY:Forældremøde');
			const head = await fetch(`${base}/feeds/${token}.ics`, { method: 'HEAD' });
			expect(head.status).toBe(200);
			expect(head.headers.get('etag')).toBe(
				(await route(`${token}.ics`, { 'accept-encoding': 'gzip' })).headers
					.get('etag')!
					.replace(/-gz"$/, '"')
			);
		});

		it('answers an unknown address 404 itself, as the route does', async () => {
			const response = await fetch(`${base}/feeds/${'a'.repeat(32)}.ics`);
			expect(response.status).toBe(404);
			expect(passed).toEqual([]);
		});

		it('leaves other paths, methods, bad encoding and control characters to SvelteKit', async () => {
			passed.length = 0;
			expect((await fetch(`${base}/feeds`)).status).toBe(418);
			expect((await fetch(`${base}/feeds/${token}.ics/x`)).status).toBe(418);
			expect((await fetch(`${base}/feeds/${token}.ics`, { method: 'POST' })).status).toBe(418);
			expect((await fetch(`${base}/feeds/%E0%A4%A.ics`)).status).toBe(418);
			expect((await fetch(`${base}/feeds/${token}.ics?ferier=%01`)).status).toBe(418);
			expect(passed).toHaveLength(5);
		});

		it('leaves the request to SvelteKit when the database cannot be reached', async () => {
			passed.length = 0;
			const broken = feedFastPath(async () => {
				throw new Error('connection refused');
			}, ORIGIN);
			const answered = broken(
				{ method: 'GET', url: `/feeds/${token}.ics`, headers: {} } as never,
				{
					writeHead: () => {
						throw new Error('nothing may be written');
					}
				} as never
			);
			expect(answered).not.toBe(false);
			expect(await answered).toBe(false);
		});
	});
});
