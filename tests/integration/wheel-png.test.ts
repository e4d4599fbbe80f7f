import { afterEach, describe, expect, it } from 'vitest';
import {
	MAX_PNG_WIDTH,
	configurePngRendering,
	lastPngThreadId,
	pngWidth
} from '../../src/lib/wheel/server/png';
import { GET as getPng } from '../../src/routes/aarshjul/eksport.png/+server';
import { fakeLocals } from './organisation.fixtures';
import { useDemoDatabase } from './demo-fixtures';

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
	const demo = useDemoDatabase({ routes: true });

	afterEach(() => configurePngRendering({ limit: 1, clearCache: true }));

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

		it('draws in a worker thread, not on the event loop', async () => {
			const response = await png('year=2026/27&width=500');
			expect(await widthOf(response)).toBe(500);
			expect(lastPngThreadId()).toBeGreaterThan(0);
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
			expect((await png('year=2026/27&width=700')).status).toBe(200);
			const [fresh, again] = await Promise.all([
				png('year=2026/27&width=1600'),
				png('year=2026/27&width=700')
			]);
			expect(fresh.status).toBe(200);
			expect(again.status).toBe(200);
			expect(await widthOf(again)).toBe(700);
		});

		it('draws anew when a visible activity changes (the cache follows the data)', async () => {
			const before = Buffer.from(await (await png('year=2026/27&width=600')).arrayBuffer());
			const target = await demo.db
				.selectFrom('activity')
				.select('id')
				.where('visibility', '=', 'public')
				.where('startDate', '>=', '2026-08-01')
				.where('startDate', '<=', '2027-07-31')
				.orderBy('startDate')
				.executeTakeFirstOrThrow();
			await demo.db
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
