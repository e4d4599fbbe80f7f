import { describe, expect, it } from 'vitest';
import {
	cancelActivity,
	createActivity,
	moveActivity,
	updateActivity
} from '../../src/lib/activities/server/activity';
import type { ActivityInput } from '../../src/lib/activities/schema';
import { countRows, insertActivity, useActivityWorld } from './activity-fixtures';

describe('activity changes (real database)', () => {
	const world = useActivityWorld();

	const input = (overrides: Partial<ActivityInput> = {}): ActivityInput => ({
		title: 'Erhvervspraktik 8. klasse',
		description: '',
		place: 'Byskolen',
		categoryId: world.category.praktik,
		ownerId: world.org.school,
		startDate: '2027-02-08',
		endDate: '2027-02-12',
		allDay: false,
		startTime: '08:00',
		endTime: '14:00',
		visibility: 'alliance',
		participants: [world.org.smedCompany, world.org.school],
		...overrides
	});
	const row = (id: string) =>
		world.db.selectFrom('activity').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

	describe('createActivity', () => {
		it('stores times with seconds and participants without the owner', async () => {
			const result = await createActivity(world.db, world.member, input());
			if (!result.ok) throw new Error(result.message);
			const created = await row(result.value.id);
			expect(created).toMatchObject({
				startTime: '08:00:00',
				endTime: '14:00:00',
				sequence: 0,
				createdBy: world.member.id
			});
			expect(await countRows(world.db)).toEqual({ activities: 1, participants: 1 });
		});

		it('refuses an organisation the user does not belong to, writing nothing', async () => {
			const result = await createActivity(
				world.db,
				world.member,
				input({ ownerId: world.org.partner })
			);
			expect(result).toMatchObject({
				ok: false,
				reason: 'forbidden',
				errors: { ownerId: expect.any(String) }
			});
			expect(await countRows(world.db)).toEqual({ activities: 0, participants: 0 });
		});
	});

	describe('updateActivity', () => {
		it('bumps the sequence when a time changes, not when only the title does', async () => {
			const created = await createActivity(world.db, world.member, input());
			if (!created.ok) throw new Error(created.message);
			const id = created.value.id;
			const first = await row(id);
			await updateActivity(world.db, world.member, id, input({ title: 'Nyt navn' }));
			expect((await row(id)).sequence).toBe(0);
			await updateActivity(
				world.db,
				world.member,
				id,
				input({ title: 'Nyt navn', startTime: '09:00' })
			);
			const changed = await row(id);
			expect(changed.sequence).toBe(1);
			expect(changed.updatedAt.getTime()).toBeGreaterThanOrEqual(first.updatedAt.getTime());
			await updateActivity(
				world.db,
				world.member,
				id,
				input({ title: 'Nyt navn', startTime: '09:00', place: 'Museet' })
			);
			expect((await row(id)).sequence).toBe(2);
		});

		it('replaces the participants', async () => {
			const created = await createActivity(world.db, world.member, input());
			if (!created.ok) throw new Error(created.message);
			await updateActivity(
				world.db,
				world.member,
				created.value.id,
				input({ participants: [world.org.techCompany, world.org.partner] })
			);
			expect(await countRows(world.db)).toEqual({ activities: 1, participants: 2 });
		});
	});

	describe('cancelActivity', () => {
		it('sets the status and bumps the sequence once', async () => {
			const id = await insertActivity(world.db, {
				ownerId: world.org.school,
				categoryId: world.category.praktik
			});
			await cancelActivity(world.db, world.member, id);
			await cancelActivity(world.db, world.member, id);
			expect(await row(id)).toMatchObject({ status: 'cancelled', sequence: 1 });
		});
	});

	describe('moveActivity', () => {
		it('keeps the length and the times, across New Year', async () => {
			const id = await insertActivity(world.db, {
				ownerId: world.org.school,
				categoryId: world.category.praktik,
				startDate: '2026-12-21',
				endDate: '2026-12-23',
				startTime: '10:00:00',
				endTime: '12:00:00'
			});
			const result = await moveActivity(world.db, world.member, id, '2026-12-30');
			expect(result).toMatchObject({
				ok: true,
				value: { startDate: '2026-12-30', endDate: '2027-01-01' }
			});
			expect(await row(id)).toMatchObject({
				startTime: '10:00:00',
				endTime: '12:00:00',
				sequence: 1
			});
		});

		it('refuses dates outside the planning range', async () => {
			const id = await insertActivity(world.db, {
				ownerId: world.org.school,
				categoryId: world.category.praktik,
				startDate: '2036-07-27',
				endDate: '2036-07-29'
			});
			expect(await moveActivity(world.db, world.member, id, '2036-07-30')).toMatchObject({
				ok: false,
				reason: 'invalid'
			});
			expect((await row(id)).startDate).toBe('2036-07-27');
		});
	});
});
