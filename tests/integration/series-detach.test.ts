import { describe, expect, it } from 'vitest';
import { createSeries, updateSeries } from '../../src/lib/activities/server/series';
import { cancelActivity, moveActivity } from '../../src/lib/activities/server/activity';
import type { SeriesInput } from '../../src/lib/activities/series-schema';
import { useActivityWorld } from './activity-fixtures';

// Ordinary activity changes (calendar drag, cancel) on one occurrence must survive a later
// change of the whole series.
describe('activity (series occurrences)', () => {
	const world = useActivityWorld();

	const input = (overrides: Partial<SeriesInput> = {}): SeriesInput => ({
		title: 'Erhvervspraktik 8. klasse',
		description: '',
		place: 'Byskolen',
		categoryId: world.category.praktik,
		ownerId: world.org.school,
		startTime: null,
		endTime: null,
		visibility: 'alliance',
		participants: [],
		rule: { kind: 'yearlyIsoWeek', week: 6, fromWeekday: 1, toWeekday: 5 },
		startsOn: '2027-01-01',
		until: '2028-12-31',
		count: null,
		...overrides
	});

	async function firstOccurrence(seriesId: string) {
		return world.db
			.selectFrom('activity')
			.selectAll()
			.where('seriesId', '=', seriesId)
			.orderBy('startDate')
			.executeTakeFirstOrThrow();
	}

	it('keeps a moved occurrence where it was moved when the series changes', async () => {
		const created = await createSeries(world.db, world.member, input());
		if (!created.ok) throw new Error(created.message);
		const first = await firstOccurrence(created.value.id);
		const moved = await moveActivity(world.db, world.member, first.id, '2027-02-15');
		expect(moved.ok).toBe(true);
		const updated = await updateSeries(
			world.db,
			world.member,
			created.value.id,
			input({ place: 'Hallen' })
		);
		expect(updated.ok).toBe(true);
		const after = await world.db
			.selectFrom('activity')
			.selectAll()
			.where('id', '=', first.id)
			.executeTakeFirstOrThrow();
		expect(after.detached).toBe(true);
		expect([after.startDate, after.place]).toEqual(['2027-02-15', 'Byskolen']);
	});

	it('keeps a cancelled occurrence cancelled when the series changes', async () => {
		const created = await createSeries(world.db, world.member, input());
		if (!created.ok) throw new Error(created.message);
		const first = await firstOccurrence(created.value.id);
		expect((await cancelActivity(world.db, world.member, first.id)).ok).toBe(true);
		await updateSeries(world.db, world.member, created.value.id, input({ title: 'Praktikuge' }));
		const after = await world.db
			.selectFrom('activity')
			.select(['status', 'title', 'detached'])
			.where('id', '=', first.id)
			.executeTakeFirstOrThrow();
		expect(after).toEqual({
			status: 'cancelled',
			title: 'Erhvervspraktik 8. klasse',
			detached: true
		});
	});
});
