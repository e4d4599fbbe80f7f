import { describe, expect, it } from 'vitest';
import type { Database } from '../../src/lib/platform/server/db/engine';
import { seedDemo } from '../../db/seed';
import { DEMO_ROUND_ID } from '../../db/seed/allocation';
import { roundPage, runRound, type Actor } from '../../src/lib/allocation/server';
import { useDemoDatabase } from './demo-fixtures';

async function secretariat(database: Database): Promise<Actor> {
	const user = await database.db
		.selectFrom('appUser')
		.select(['id', 'name', 'email', 'isSecretariat'])
		.where('isSecretariat', '=', true)
		.orderBy('email')
		.executeTakeFirstOrThrow();
	return { ...user, memberships: [] };
}

describe('db/seed/allocation', () => {
	const demo = useDemoDatabase();

	it('opens a round for weeks 5–6 of 2027 with the demo companies and 8th-grade pseudonyms', async () => {
		const round = await demo.db
			.selectFrom('allocationRound')
			.selectAll()
			.where('id', '=', DEMO_ROUND_ID)
			.executeTakeFirstOrThrow();
		expect(round).toMatchObject({ startDate: '2027-02-01', endDate: '2027-02-12', status: 'open' });
		const pupils = await demo.db.selectFrom('allocationPupil').selectAll().execute();
		expect(pupils.length).toBe(15 * 4);
		expect(pupils.every((p) => p.grade === 8 && /^8\.[AB]-\d\d$/.test(p.pseudonym))).toBe(true);
		expect(pupils.every((p) => p.firstName === null)).toBe(true);
		const places = await demo.db.selectFrom('allocationPlace').selectAll().execute();
		expect(places.length).toBe(10);
	});

	it('adds nothing on a second run', async () => {
		await seedDemo(demo.db);
		const pupils = await demo.db.selectFrom('allocationPupil').select('id').execute();
		const wishes = await demo.db.selectFrom('allocationWish').select('pupilId').execute();
		expect(pupils.length).toBe(60);
		expect(wishes.length).toBeGreaterThan(90);
	});

	it('runs to an optimal allocation within capacity, with a reason for every unplaced pupil', async () => {
		const actor = await secretariat(demo.database);
		const run = await runRound(demo.db, actor, DEMO_ROUND_ID);
		expect(run.ok && run.value.status).toBe('Optimal');
		const page = await roundPage(demo.db, actor, DEMO_ROUND_ID);
		const byPlace = new Map<string, number>();
		for (const p of page!.pupils) {
			if (p.offerId) byPlace.set(p.offerId, (byPlace.get(p.offerId) ?? 0) + 1);
			else if (!p.ownPlace) expect(p.unplacedReason).toBeTruthy();
		}
		for (const place of page!.places) {
			expect(byPlace.get(place.id) ?? 0).toBeLessThanOrEqual(place.capacity);
		}
		expect(run.ok && run.value.placed).toBeGreaterThan(30);
		expect(run.ok && run.value.unplaced).toBeGreaterThan(0);
		expect(page!.summaries!.school).toHaveLength(15);
	});
});
