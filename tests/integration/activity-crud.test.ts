import { beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/lib/platform/server/db/engine';
import type { SessionUser } from '../../src/lib/auth/server/session';
import {
	cancelActivity,
	createActivity,
	moveActivity,
	updateActivity
} from '../../src/lib/activities/server/activity';
import type { ActivityInput } from '../../src/lib/activities/schema';
import {
	countRows,
	insertActivity,
	type ActivityWorld,
	useActivityWorld
} from './activity-fixtures';

describe('activity changes (real database)', () => {
	let database: Database;
	let world: ActivityWorld;
	let member: SessionUser;

	const frame = useActivityWorld();
	beforeEach(() => ({ database, world, member } = frame));

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
		database.db.selectFrom('activity').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

	describe('createActivity', () => {
		it('stores times with seconds and participants without the owner', async () => {
			const result = await createActivity(database.db, member, input());
			if (!result.ok) throw new Error(result.message);
			const created = await row(result.value.id);
			expect(created).toMatchObject({
				startTime: '08:00:00',
				endTime: '14:00:00',
				sequence: 0,
				createdBy: member.id
			});
			expect(await countRows(database.db)).toEqual({ activities: 1, participants: 1 });
		});

		it('refuses an organisation the user does not belong to, writing nothing', async () => {
			const result = await createActivity(
				database.db,
				member,
				input({ ownerId: world.org.partner })
			);
			expect(result).toMatchObject({
				ok: false,
				reason: 'forbidden',
				errors: { ownerId: expect.any(String) }
			});
			expect(await countRows(database.db)).toEqual({ activities: 0, participants: 0 });
		});
	});

	describe('updateActivity', () => {
		it('bumps the sequence when a time changes, not when only the title does', async () => {
			const created = await createActivity(database.db, member, input());
			if (!created.ok) throw new Error(created.message);
			const id = created.value.id;
			const first = await row(id);
			await updateActivity(database.db, member, id, input({ title: 'Nyt navn' }));
			expect((await row(id)).sequence).toBe(0);
			await updateActivity(
				database.db,
				member,
				id,
				input({ title: 'Nyt navn', startTime: '09:00' })
			);
			const changed = await row(id);
			expect(changed.sequence).toBe(1);
			expect(changed.updatedAt.getTime()).toBeGreaterThanOrEqual(first.updatedAt.getTime());
			await updateActivity(
				database.db,
				member,
				id,
				input({ title: 'Nyt navn', startTime: '09:00', place: 'Museet' })
			);
			expect((await row(id)).sequence).toBe(2);
		});

		it('replaces the participants', async () => {
			const created = await createActivity(database.db, member, input());
			if (!created.ok) throw new Error(created.message);
			await updateActivity(
				database.db,
				member,
				created.value.id,
				input({ participants: [world.org.techCompany, world.org.partner] })
			);
			expect(await countRows(database.db)).toEqual({ activities: 1, participants: 2 });
		});
	});

	describe('cancelActivity', () => {
		it('sets the status and bumps the sequence once', async () => {
			const id = await insertActivity(database.db, {
				ownerId: world.org.school,
				categoryId: world.category.praktik
			});
			await cancelActivity(database.db, member, id);
			await cancelActivity(database.db, member, id);
			expect(await row(id)).toMatchObject({ status: 'cancelled', sequence: 1 });
		});
	});

	describe('moveActivity', () => {
		it('keeps the length and the times, across New Year', async () => {
			const id = await insertActivity(database.db, {
				ownerId: world.org.school,
				categoryId: world.category.praktik,
				startDate: '2026-12-21',
				endDate: '2026-12-23',
				startTime: '10:00:00',
				endTime: '12:00:00'
			});
			const result = await moveActivity(database.db, member, id, '2026-12-30');
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
			const id = await insertActivity(database.db, {
				ownerId: world.org.school,
				categoryId: world.category.praktik,
				startDate: '2036-07-27',
				endDate: '2036-07-29'
			});
			expect(await moveActivity(database.db, member, id, '2036-07-30')).toMatchObject({
				ok: false,
				reason: 'invalid'
			});
			expect((await row(id)).startDate).toBe('2036-07-27');
		});
	});
});
