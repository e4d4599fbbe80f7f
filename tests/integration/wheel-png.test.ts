import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { seedDemo } from '../../db/seed/index';
import type { Database } from '../../src/lib/platform/server/db/engine';
import {
	MAX_PNG_WIDTH,
	configurePngRendering,
	lastPngRendererPid,
	pngWidth
} from '../../src/lib/wheel/server/png';
import { GET as getPng } from '../../src/routes/aarshjul/eksport.png/+server';
import { createTestDatabase, truncateAll } from '../helpers/db';
import { fakeLocals, useForRoutes } from './organisation.fixtures';

// Issue 12, point 7: the PNG export must not let anyone stall the server.

const ORIGIN = 'http://localhost:5173';

const png = (search: string) =>
	getPng({
		url: new URL(`${ORIGIN}/aarshjul/eksport.png?${search}`),
		locals: fakeLocals(null)
	} as never) as Promise<Response>;

async function widthOf(response: Response): Promise<number> {
	const bytes = Buffer.from(await response.arrayBuffer());
	expect([...bytes.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
	return bytes.readUInt32BE(16);
}

describe('wheel-png', () => {
	let database: Database;

	beforeAll(async () => {
		database = await createTestDatabase();
		await truncateAll(database);
		await seedDemo(database.db);
		useForRoutes(database);
	}, 120_000);
	afterEach(() => configurePngRendering({ limit: 1, clearCache: true }));
	afterAll(async () => {
		delete (globalThis as Record<symbol, unknown>)[Symbol.for('aarshjul.database')];
		await database?.close();
	});

	describe('pngWidth', () => {
		it('clamps to what an A3 print at 200 dpi needs and defaults on garbage', () => {
			expect(MAX_PNG_WIDTH).toBe(3300);
			expect(pngWidth('6000')).toBe(3300);
			expect(pngWidth('10')).toBe(400);
			expect(pngWidth('1200')).toBe(1200);
			for (const bad of [null, '', 'abc', '1e9', '-5', '12.5', '\u0000']) {
				expect(pngWidth(bad)).toBe(2400);
			}
		});
	});

	describe('GET /aarshjul/eksport.png', () => {
		it('never draws wider than the A3 cap, whatever ?width= asks', async () => {
			const response = await png('year=2026/27&width=6000');
			expect(response.status).toBe(200);
			expect(await widthOf(response)).toBe(MAX_PNG_WIDTH);
		});

		it('draws in a process of its own, not on the event loop', async () => {
			const response = await png('year=2026/27&width=500');
			expect(await widthOf(response)).toBe(500);
			expect(lastPngRendererPid()).toBeGreaterThan(0);
			expect(lastPngRendererPid()).not.toBe(process.pid);
		});

		it('answers a second new picture with a Danish 503 and Retry-After while one renders', async () => {
			const responses = await Promise.all([
				png('year=2026/27&width=1500'),
				png('year=2026/27&width=1501'),
				png('year=2026/27&width=1502')
			]);
			const statuses = responses.map((r) => r.status).sort();
			expect(statuses[0]).toBe(200);
			const busy = responses.filter((r) => r.status === 503);
			expect(busy.length).toBeGreaterThan(0);
			for (const response of busy) {
				expect(response.headers.get('retry-after')).toMatch(/^\d+$/);
				expect(await response.text()).toMatch(/^Serveren tegner allerede/);
			}
		});

		it('serves a picture it has drawn from the cache even while busy', async () => {
			// The clock stands still: the today hand's ten-minute step is part of the cache key, and
			// on a slow machine the step could pass between the two requests and miss the cache.
			vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-12-06T10:05:00Z') });
			try {
				expect((await png('year=2026/27&width=700')).status).toBe(200);
				const [fresh, again] = await Promise.all([
					png('year=2026/27&width=1600'),
					png('year=2026/27&width=700')
				]);
				expect(fresh.status).toBe(200);
				expect(again.status).toBe(200);
				expect(await widthOf(again)).toBe(700);
			} finally {
				vi.useRealTimers();
			}
		});

		it('draws anew when a visible activity changes (the cache follows the data)', async () => {
			const before = Buffer.from(await (await png('year=2026/27&width=600')).arrayBuffer());
			const target = await database.db
				.selectFrom('activity')
				.select('id')
				.where('visibility', '=', 'public')
				.where('startDate', '>=', '2026-08-01')
				.where('startDate', '<=', '2027-07-31')
				.orderBy('startDate')
				.executeTakeFirstOrThrow();
			await database.db
				.updateTable('activity')
				.set({
					title: 'Omdøbt til noget helt andet',
					startDate: '2027-01-04',
					endDate: '2027-03-26'
				})
				.where('id', '=', target.id)
				.execute();
			const after = Buffer.from(await (await png('year=2026/27&width=600')).arrayBuffer());
			expect(after.equals(before)).toBe(false);
		});
	});
});
