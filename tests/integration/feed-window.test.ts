import { beforeAll, describe, expect, it } from 'vitest';
import { buildFeed } from '../../src/lib/feeds/server/feed';
import { setFeedCacheTtl } from '../../src/lib/feeds/server/cache';
import { endOfNextSchoolYear, feedWindow } from '../../src/lib/feeds/server/queries';
import { feedChoicesFromUrl } from '../../src/lib/feeds/server/serve';
import { seedDemo } from '../../db/seed';
import { truncateAll } from '../helpers/db';
import { insertActivity, useActivityWorld } from './activity-fixtures';
import { ORIGIN, parseFeed } from './feed-fixtures';

// Google drops feeds over about 1 MB and removes cancelled events; Apple strikes them through.

const NOW = new Date('2026-12-06T12:00:00Z');

describe('feed window and choices', () => {
	const world = useActivityWorld({ routes: true });

	beforeAll(() => {
		setFeedCacheTtl(0);
	});

	describe('feedWindow', () => {
		it('runs from 60 days back to the end of the next school year', () => {
			expect(feedWindow(NOW, '2026-12-06').from).toBe('2026-10-07');
			expect(feedWindow(NOW, '2026-12-06').to).toBe('2028-07-31');
			expect(endOfNextSchoolYear('2027-07-31')).toBe('2028-07-31');
			expect(endOfNextSchoolYear('2027-08-01')).toBe('2029-07-31');
			expect(feedWindow(NOW, '2026-12-06', { upcomingOnly: true }).from).toBe('2026-12-06');
		});
	});

	describe('feedChoicesFromUrl', () => {
		it('reads the choices from the address', () => {
			expect(
				feedChoicesFromUrl(new URL('https://x/feeds/a.ics?kommende=1&uden-aflyste=1'))
			).toEqual({ holidays: false, upcomingOnly: true, withoutCancelled: true });
			expect(feedChoicesFromUrl(new URL('https://x/feeds/a.ics?kommende=ja'))).toEqual({
				holidays: false,
				upcomingOnly: false,
				withoutCancelled: false
			});
		});
	});

	async function titles(options: { upcomingOnly?: boolean; withoutCancelled?: boolean }) {
		const feed = await buildFeed(
			world.db,
			{ scope: 'school', organisationId: world.org.school },
			{ origin: ORIGIN, now: NOW, ...options }
		);
		return parseFeed(feed!.body)
			.events.map((e) => e.summary)
			.sort();
	}

	it('holds the last 60 days to the end of the next school year, and the choices narrow it', async () => {
		const add = (title: string, date: string, status: 'planned' | 'cancelled' = 'planned') =>
			insertActivity(world.db, {
				ownerId: world.org.school,
				categoryId: world.category.moede,
				title,
				startDate: date,
				endDate: date,
				status
			} as never);
		await add('For længe siden', '2026-09-01');
		await add('Sidste måned', '2026-11-10');
		await add('Næste år', '2028-07-30');
		await add('Om tre år', '2028-08-15');
		await add('Aflyst i januar', '2027-01-12', 'cancelled');
		expect(await titles({})).toEqual(['Aflyst: Aflyst i januar', 'Næste år', 'Sidste måned']);
		expect(await titles({ upcomingOnly: true })).toEqual(['Aflyst: Aflyst i januar', 'Næste år']);
		expect(await titles({ withoutCancelled: true })).toEqual(['Næste år', 'Sidste måned']);
	});

	it('keeps a feed of three times the demo data under 1 MB', async () => {
		await truncateAll(world.database);
		await seedDemo(world.db);
		const db = world.db;
		const activities = await db.selectFrom('activity').selectAll().execute();
		const participants = await db.selectFrom('activityParticipant').selectAll().execute();
		for (let copy = 0; copy < 2; copy++) {
			for (const a of activities) {
				const { id, ...rest } = a;
				void id;
				const made = await db
					.insertInto('activity')
					.values({ ...rest, seriesId: null, title: `${a.title} (${copy + 2})` } as never)
					.returning('id')
					.executeTakeFirstOrThrow();
				const parts = participants.filter((p) => p.activityId === a.id);
				if (parts.length)
					await db
						.insertInto('activityParticipant')
						.values(parts.map((p) => ({ ...p, activityId: made.id })))
						.execute();
			}
		}
		const feed = await buildFeed(db, { scope: 'public' }, { origin: ORIGIN });
		const events = parseFeed(feed!.body).events;
		const copies = events.filter((e) => / \(3\)$/.test(e.summary)).length;
		expect(copies).toBeGreaterThan(10);
		expect(events.length).toBe(3 * copies);
		expect(Buffer.byteLength(feed!.body)).toBeLessThan(1024 * 1024);
	}, 120_000);
});
