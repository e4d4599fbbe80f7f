import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { setFeedCacheTtl } from '../../src/lib/feeds/server/cache';
import { getOrCreateFeedToken } from '../../src/lib/feeds/server/token';
import { insertActivity, useActivityWorld } from './activity-fixtures';
import { getFeed, parseFeed } from './feed-fixtures';

// Calendar clients revalidate with If-Modified-Since or If-None-Match; a 304 makes them keep
// what they hold, so a removed event must never be answered 304.

const ORIGIN = 'http://localhost';

const call = (file: string, headers: Record<string, string> = {}) => getFeed(ORIGIN, file, headers);

describe('feed revalidation', () => {
	const world = useActivityWorld({ routes: true });
	let token: string;
	let older: string;
	let newer: string;

	afterAll(() => {
		setFeedCacheTtl(0);
	});
	beforeEach(async () => {
		setFeedCacheTtl(0);
		older = await insertActivity(world.db, {
			ownerId: world.org.school,
			categoryId: world.category.moede,
			title: 'Forældremøde',
			startDate: '2027-02-10',
			endDate: '2027-02-10'
		});
		newer = await insertActivity(world.db, {
			ownerId: world.org.partner,
			categoryId: world.category.moede,
			title: 'Alliancemøde',
			visibility: 'alliance',
			startDate: '2027-03-10',
			endDate: '2027-03-10'
		});
		// The newer event carries the feed's latest change, a minute after the older one.
		await world.db
			.updateTable('activity')
			.set({ updatedAt: new Date(Date.now() - 60_000) })
			.where('id', '=', older)
			.execute();
		token = (
			await getOrCreateFeedToken(world.db, { scope: 'school', organisationId: world.org.school })
		).token!;
	});

	async function summaries(response: Response) {
		return parseFeed(await response.text()).events.map((e) => e.summary);
	}

	it('answers 200 without a deleted event to the Last-Modified the client holds', async () => {
		const first = await call(`${token}.ics`);
		expect(await summaries(first)).toEqual(['Forældremøde', 'Alliancemøde']);
		const lastModified = first.headers.get('last-modified')!;
		await world.db.deleteFrom('activity').where('id', '=', newer).execute();
		const after = await call(`${token}.ics`, { 'if-modified-since': lastModified });
		expect(after.status).toBe(200);
		expect(await summaries(after)).toEqual(['Forældremøde']);
		const next = after.headers.get('last-modified')!;
		expect(Date.parse(next)).toBeGreaterThan(Date.parse(lastModified));
		// And the new value holds: revalidating with it is answered 304.
		expect((await call(`${token}.ics`, { 'if-modified-since': next })).status).toBe(304);
	});

	it('answers 200 when an event leaves the feed without being deleted', async () => {
		const first = await call(`${token}.ics`);
		const lastModified = first.headers.get('last-modified')!;
		await world.db
			.updateTable('activity')
			.set({ visibility: 'private', updatedAt: new Date() })
			.where('id', '=', newer)
			.execute();
		const after = await call(`${token}.ics`, { 'if-modified-since': lastModified });
		expect(after.status).toBe(200);
		expect(await summaries(after)).toEqual(['Forældremøde']);
		expect(Date.parse(after.headers.get('last-modified')!)).toBeGreaterThanOrEqual(
			Date.parse(lastModified)
		);
	});

	it('never answers an edited feed 304 for the old ETag, even with the cache on', async () => {
		setFeedCacheTtl(60_000);
		const first = await call(`${token}.ics`);
		const etag = first.headers.get('etag')!;
		expect((await call(`${token}.ics`, { 'if-none-match': etag })).status).toBe(304);
		await world.db
			.updateTable('activity')
			.set({ title: 'Alliancemøde (flyttet)', updatedAt: new Date() })
			.where('id', '=', newer)
			.execute();
		const after = await call(`${token}.ics`, { 'if-none-match': etag });
		expect(after.status).toBe(200);
		expect(await summaries(after)).toContain('Alliancemøde (flyttet)');
	});
});
