import { describe, expect, it } from 'vitest';
import {
	createSeries,
	deleteSeries,
	findSeriesForUser,
	updateSeries
} from '../../src/lib/activities/server/series';
import { updateOccurrence } from '../../src/lib/activities/server/series-occurrence';
import type { SeriesInput } from '../../src/lib/activities/series-schema';
import { countRows, useActivityWorld } from './activity-fixtures';

describe('activity-series (real database)', () => {
	const world = useActivityWorld();

	const uge6 = (overrides: Partial<SeriesInput> = {}): SeriesInput => ({
		title: 'Erhvervspraktik 8. klasse',
		description: '',
		place: 'Byskolen',
		categoryId: world.category.praktik,
		ownerId: world.org.school,
		startTime: null,
		endTime: null,
		visibility: 'alliance',
		participants: [world.org.smedCompany],
		rule: { kind: 'yearlyIsoWeek', week: 6, fromWeekday: 1, toWeekday: 5 },
		startsOn: '2027-01-01',
		until: '2029-12-31',
		count: null,
		...overrides
	});
	const occurrences = (seriesId: string) =>
		world.db
			.selectFrom('activity')
			.selectAll()
			.where('seriesId', '=', seriesId)
			.orderBy('startDate')
			.execute();
	const seriesCount = async () =>
		Number(
			(
				await world.db
					.selectFrom('activitySeries')
					.select((eb) => eb.fn.countAll<number>().as('n'))
					.executeTakeFirstOrThrow()
			).n
		);

	describe('createSeries', () => {
		it('materialises Monday–Friday of uge 6 in 2027, 2028 and 2029', async () => {
			const result = await createSeries(world.db, world.member, uge6());
			if (!result.ok) throw new Error(result.message);
			expect(result.value.created).toBe(3);
			const rows = await occurrences(result.value.id);
			expect(rows.map((r) => [r.startDate, r.endDate, r.occurrenceKey])).toEqual([
				['2027-02-08', '2027-02-12', '2027-02-08'],
				['2028-02-07', '2028-02-11', '2028-02-07'],
				['2029-02-05', '2029-02-09', '2029-02-05']
			]);
			expect(rows.every((r) => r.detached === false && r.sequence === 0)).toBe(true);
			expect(await countRows(world.db)).toEqual({ activities: 3, participants: 3 });
		});

		it('refuses more than 500 occurrences in Danish and writes nothing', async () => {
			const weekly = uge6({
				rule: { kind: 'everyNWeeks', interval: 1, weekday: 1, fromDate: '2021-01-04' },
				startsOn: '2021-01-04',
				until: '2035-12-31'
			});
			const result = await createSeries(world.db, world.member, weekly);
			expect(result).toMatchObject({ ok: false, reason: 'invalid' });
			if (!result.ok) expect(result.errors?.until).toMatch(/mere end 500 forekomster/);
			expect(await countRows(world.db)).toEqual({ activities: 0, participants: 0 });
			expect(await seriesCount()).toBe(0);
		});

		it('refuses a time that does not exist on one of its days (spring gap), naming the day', async () => {
			// Sundays at 02:30 through March 2027: on 28 March the clocks jump from 02:00 to 03:00.
			const sundays = uge6({
				rule: { kind: 'everyNWeeks', interval: 1, weekday: 7, fromDate: '2027-03-07' },
				startsOn: '2027-03-07',
				until: '2027-04-25',
				startTime: '02:30',
				endTime: '04:00'
			});
			const result = await createSeries(world.db, world.member, sundays);
			expect(result).toMatchObject({ ok: false, reason: 'invalid' });
			if (!result.ok) {
				expect(result.errors?.startTime).toMatch(/02:30 findes ikke 28\. marts 2027/);
				expect(result.errors?.endTime).toBeUndefined();
			}
			expect(await seriesCount()).toBe(0);
			// 03:30 exists every Sunday, the 28th included.
			const later = await createSeries(world.db, world.member, { ...sundays, startTime: '03:30' });
			expect(later.ok).toBe(true);
		});

		it('refuses an owner the user is not a member of and writes nothing', async () => {
			const result = await createSeries(
				world.db,
				world.member,
				uge6({ ownerId: world.org.partner })
			);
			expect(result).toMatchObject({ ok: false, reason: 'forbidden' });
			expect(await seriesCount()).toBe(0);
		});

		it('names the rule field that is wrong', async () => {
			const result = await createSeries(
				world.db,
				world.member,
				uge6({ rule: { kind: 'yearlyIsoWeek', week: 54, fromWeekday: 1, toWeekday: 5 } })
			);
			expect(result.ok).toBe(false);
			if (!result.ok) expect(result.errors?.week).toMatch(/Ugenummeret/);
		});
	});

	describe('updateSeries', () => {
		it('moves the other occurrences, bumps their sequence and leaves a detached one alone', async () => {
			const created = await createSeries(world.db, world.member, uge6());
			if (!created.ok) throw new Error(created.message);
			const [first, second, third] = await occurrences(created.value.id);
			const edited = await updateOccurrence(world.db, world.member, second.id, {
				title: 'Praktik flyttet',
				description: '',
				place: 'Værkstedet',
				categoryId: world.category.praktik,
				ownerId: world.org.school,
				startDate: '2028-02-14',
				endDate: '2028-02-18',
				allDay: true,
				startTime: null,
				endTime: null,
				visibility: 'alliance',
				participants: []
			});
			expect(edited.ok).toBe(true);

			const moved = await updateSeries(
				world.db,
				world.member,
				created.value.id,
				uge6({ rule: { kind: 'yearlyIsoWeek', week: 7, fromWeekday: 1, toWeekday: 5 } })
			);
			if (!moved.ok) throw new Error(moved.message);
			expect(moved.value).toMatchObject({ updated: 2, inserted: 0, deleted: 0, detached: 1 });

			const rows = await occurrences(created.value.id);
			expect(rows.map((r) => [r.id, r.startDate, r.sequence, r.title])).toEqual([
				[first.id, '2027-02-15', 1, 'Erhvervspraktik 8. klasse'],
				[second.id, '2028-02-14', 1, 'Praktik flyttet'],
				[third.id, '2029-02-12', 1, 'Erhvervspraktik 8. klasse']
			]);
			expect(rows[1]).toMatchObject({ detached: true, place: 'Værkstedet', endDate: '2028-02-18' });
		});

		it('deletes occurrences the shorter series no longer produces and adds new ones', async () => {
			const created = await createSeries(world.db, world.member, uge6());
			if (!created.ok) throw new Error(created.message);
			const shorter = await updateSeries(
				world.db,
				world.member,
				created.value.id,
				uge6({ startsOn: '2028-01-01', until: '2030-12-31' })
			);
			if (!shorter.ok) throw new Error(shorter.message);
			const rows = await occurrences(created.value.id);
			expect(rows.map((r) => r.startDate)).toEqual(['2028-02-07', '2029-02-05', '2030-02-04']);
			// Unchanged dates keep sequence 0: calendar clients need no update for them.
			expect(rows.map((r) => r.sequence)).toEqual([0, 0, 0]);
		});

		it('refuses a change to more than 500 dates and leaves every row as it was', async () => {
			const created = await createSeries(world.db, world.member, uge6());
			if (!created.ok) throw new Error(created.message);
			const before = await occurrences(created.value.id);
			const weekly = uge6({
				rule: { kind: 'everyNWeeks', interval: 1, weekday: 1, fromDate: '2021-01-04' },
				startsOn: '2021-01-04',
				until: '2035-12-31'
			});
			const result = await updateSeries(world.db, world.member, created.value.id, weekly);
			expect(result).toMatchObject({ ok: false, reason: 'invalid' });
			expect(await occurrences(created.value.id)).toEqual(before);
		});

		it('answers not found for another organisation and changes nothing', async () => {
			const created = await createSeries(world.db, world.member, uge6({ visibility: 'private' }));
			if (!created.ok) throw new Error(created.message);
			const other = world.users.otherAdmin!;
			const result = await updateSeries(world.db, other, created.value.id, uge6());
			expect(result).toMatchObject({ ok: false, reason: 'not_found' });
			expect(await findSeriesForUser(world.db, other, created.value.id)).toBeNull();
			const removed = await deleteSeries(world.db, other, created.value.id);
			expect(removed).toMatchObject({ ok: false, reason: 'not_found' });
			expect(await countRows(world.db)).toMatchObject({ activities: 3 });
		});
	});

	describe('deleteSeries', () => {
		it('lets an owner admin delete the series and its occurrences; a plain member may not', async () => {
			const created = await createSeries(world.db, world.member, uge6());
			if (!created.ok) throw new Error(created.message);
			expect(await deleteSeries(world.db, world.member, created.value.id)).toMatchObject({
				ok: false,
				reason: 'forbidden'
			});
			const admin = world.users.ownerAdmin!;
			expect((await deleteSeries(world.db, admin, created.value.id)).ok).toBe(true);
			expect(await countRows(world.db)).toEqual({ activities: 0, participants: 0 });
		});
	});
});
