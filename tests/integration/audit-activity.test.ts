import { describe, expect, it } from 'vitest';
import {
	cancelActivity,
	createActivity,
	deleteActivity,
	updateActivity
} from '../../src/lib/activities/server/activity';
import {
	cancelOccurrence,
	updateOccurrence
} from '../../src/lib/activities/server/series-occurrence';
import { createSeries, deleteSeries, updateSeries } from '../../src/lib/activities/server/series';
import { applyRollForward } from '../../src/lib/activities/server/rollforward';
import { POST as move } from '../../src/routes/api/activities/[id]/move/+server';
import type { ActivityInput } from '../../src/lib/activities/schema';
import type { SeriesInput } from '../../src/lib/activities/series-schema';
import { fakeLocals } from './organisation.fixtures';
import { insertActivity, useActivityWorld } from './activity-fixtures';
import { auditCount, auditEvents, onlyNewEvent } from './audit-fixtures';

describe('audit of activities, series and roll-forward (real database)', () => {
	const world = useActivityWorld({ routes: true });

	const input = (over: Partial<ActivityInput> = {}): ActivityInput => ({
		title: 'Erhvervspraktik 8. klasse',
		description: '',
		place: 'Byskolen',
		categoryId: world.category.praktik,
		ownerId: world.org.school,
		startDate: '2027-02-08',
		endDate: '2027-02-12',
		allDay: true,
		startTime: null,
		endTime: null,
		visibility: 'alliance',
		participants: [world.org.smedCompany],
		...over
	});
	const series = (over: Partial<SeriesInput> = {}): SeriesInput => ({
		title: 'Praktik uge 6',
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
		until: '2029-12-31',
		count: null,
		...over
	});
	const make = async () => {
		const created = await createActivity(world.db, world.member, input());
		if (!created.ok) throw new Error(created.message);
		return created.value.id;
	};

	describe('activities', () => {
		it('records a creation by its actor, for the owner, with the title', async () => {
			const id = await make();
			expect(await auditEvents(world.db)).toEqual([
				{
					actorId: world.member.id,
					actorName: 'Skolemedlem',
					organisationId: world.org.school,
					action: 'create',
					entityType: 'activity',
					entityId: id,
					summary: 'Erhvervspraktik 8. klasse'
				}
			]);
		});

		it('records an edit, a cancellation and a deletion', async () => {
			const id = await make();
			const before = await auditCount(world.db);
			await updateActivity(world.db, world.member, id, input({ title: 'Ny titel' }));
			expect(await onlyNewEvent(world.db, before)).toMatchObject({
				action: 'update',
				entityId: id,
				summary: 'Ny titel',
				organisationId: world.org.school
			});
			await cancelActivity(world.db, world.member, id);
			expect(await onlyNewEvent(world.db, before + 1)).toMatchObject({
				action: 'cancel',
				actorId: world.member.id
			});
			// Cancelling again changes nothing, so nothing is logged.
			await cancelActivity(world.db, world.member, id);
			expect(await auditCount(world.db)).toBe(before + 2);
			await deleteActivity(world.db, world.users.ownerAdmin!, id);
			expect(await onlyNewEvent(world.db, before + 2)).toMatchObject({
				action: 'delete',
				actorId: world.users.ownerAdmin!.id,
				entityId: id
			});
		});

		it('records a move through the calendar API with the new date', async () => {
			const id = await make();
			const before = await auditCount(world.db);
			const url = new URL(`http://localhost/api/activities/${id}/move`);
			const request = new Request(url, {
				method: 'POST',
				headers: { origin: url.origin, 'content-type': 'application/json' },
				body: JSON.stringify({ startDate: '2027-03-01' })
			});
			const response = await move({
				request,
				url,
				params: { id },
				locals: fakeLocals(world.member)
			} as never);
			expect(response.status).toBe(200);
			const event = await onlyNewEvent(world.db, before);
			expect(event).toMatchObject({ action: 'update', entityType: 'activity', entityId: id });
			expect(event.summary).toBe('Erhvervspraktik 8. klasse – flyttet til 1. mar. 2027');
		});

		it('writes nothing when an action is refused or invalid', async () => {
			const id = await make();
			const before = await auditCount(world.db);
			const stranger = world.users.otherAdmin!;
			expect((await updateActivity(world.db, stranger, id, input())).ok).toBe(false);
			expect((await cancelActivity(world.db, world.users.participantMember!, id)).ok).toBe(false);
			expect((await deleteActivity(world.db, stranger, id)).ok).toBe(false);
			const badCategory = input({ categoryId: '00000000-0000-4000-8000-000000000000' });
			expect((await createActivity(world.db, world.member, badCategory)).ok).toBe(false);
			expect(await auditCount(world.db)).toBe(before);
		});
	});

	describe('series', () => {
		it('records one event per series change, not one per occurrence', async () => {
			const created = await createSeries(world.db, world.member, series());
			if (!created.ok) throw new Error(created.message);
			const seriesId = created.value.id;
			expect(await auditEvents(world.db)).toEqual([
				expect.objectContaining({
					action: 'create',
					entityType: 'series',
					entityId: seriesId,
					organisationId: world.org.school,
					summary: 'Praktik uge 6 – 3 forekomster'
				})
			]);
			await updateSeries(world.db, world.member, seriesId, series({ title: 'Praktik' }));
			expect(await onlyNewEvent(world.db, 1)).toMatchObject({
				action: 'update',
				entityType: 'series',
				entityId: seriesId
			});
			await deleteSeries(world.db, world.users.ownerAdmin!, seriesId);
			expect(await onlyNewEvent(world.db, 2)).toMatchObject({
				action: 'delete',
				entityType: 'series'
			});
		});

		it('records an occurrence edit and cancellation as activity events', async () => {
			const created = await createSeries(world.db, world.member, series());
			if (!created.ok) throw new Error(created.message);
			const [first] = await world.db
				.selectFrom('activity')
				.select('id')
				.where('seriesId', '=', created.value.id)
				.orderBy('startDate')
				.execute();
			const occurrence = input({ title: 'Flyttet praktik', participants: [] });
			await updateOccurrence(world.db, world.member, first.id, occurrence);
			expect(await onlyNewEvent(world.db, 1)).toMatchObject({
				action: 'update',
				entityType: 'activity',
				entityId: first.id
			});
			await cancelOccurrence(world.db, world.member, first.id);
			expect(await onlyNewEvent(world.db, 2)).toMatchObject({
				action: 'cancel',
				entityId: first.id
			});
		});

		it('writes nothing for a refused series change', async () => {
			const created = await createSeries(world.db, world.member, series());
			if (!created.ok) throw new Error(created.message);
			const refused = await deleteSeries(world.db, world.users.otherAdmin!, created.value.id);
			expect(refused.ok).toBe(false);
			expect(await auditCount(world.db)).toBe(1);
		});
	});

	describe('roll-forward', () => {
		it('records one creation per copy, for its owner', async () => {
			const a = await insertActivity(world.db, {
				ownerId: world.org.school,
				categoryId: world.category.praktik,
				title: 'Praktik uge 6',
				startDate: '2027-02-08',
				endDate: '2027-02-12'
			});
			const result = await applyRollForward(world.db, world.member, {
				fromYear: '2026/27',
				activityIds: [a]
			});
			expect(result?.created).toBe(1);
			expect(await auditEvents(world.db)).toEqual([
				{
					actorId: world.member.id,
					actorName: 'Skolemedlem',
					organisationId: world.org.school,
					action: 'create',
					entityType: 'activity',
					entityId: result!.createdIds[0],
					summary: 'Praktik uge 6 – rullet frem til 2027/28'
				}
			]);
		});

		it('writes nothing when nothing is rolled', async () => {
			await applyRollForward(world.db, world.member, { fromYear: '2026/27', activityIds: [] });
			expect(await auditCount(world.db)).toBe(0);
		});
	});
});
