import { beforeEach, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../src/lib/auth/server/session';
import { applyRollForward, previewRollForward } from '../../src/lib/activities/server/rollforward';
import { countRows, insertActivity, useActivityWorld } from './activity-fixtures';

describe('rollforward (real database)', () => {
	const world = useActivityWorld();
	let member: SessionUser;
	let ids: Record<'uge6' | 'uge53' | 'ascension' | 'autumn' | 'odder' | 'partner', string>;

	beforeEach(async () => {
		member = world.users.ownerMember!;
		const db = world.db;
		const school = { ownerId: world.org.school, categoryId: world.category.praktik };
		ids = {
			uge6: await insertActivity(db, {
				...school,
				title: 'Praktik uge 6',
				startDate: '2027-02-08',
				endDate: '2027-02-12',
				startTime: '08:00:00',
				endTime: '14:00:00',
				participants: [world.org.smedCompany]
			}),
			uge53: await insertActivity(db, {
				...school,
				title: 'Juleafslutning',
				startDate: '2026-12-28',
				endDate: '2026-12-28'
			}),
			// Thursday of uge 21: in 2028 that is Kristi Himmelfartsdag (25 May).
			ascension: await insertActivity(db, {
				...school,
				title: 'Virksomhedsbesøg',
				startDate: '2027-05-27',
				endDate: '2027-05-27'
			}),
			// Wednesday of uge 42: efterårsferie in Horsens in 2027.
			autumn: await insertActivity(db, {
				...school,
				title: 'Messe',
				startDate: '2026-10-14',
				endDate: '2026-10-14'
			}),
			odder: await insertActivity(db, {
				...school,
				title: 'Besøg i Odder',
				startDate: '2026-10-15',
				endDate: '2026-10-15',
				participants: [world.org.odderSchool]
			}),
			partner: await insertActivity(db, {
				ownerId: world.org.partner,
				categoryId: world.category.moede,
				title: 'Metals møde',
				startDate: '2027-03-01',
				endDate: '2027-03-01'
			})
		};
		await db
			.insertInto('schoolHoliday')
			.values([
				{
					municipalityId: world.org.horsens,
					name: 'Efterårsferie',
					startDate: '2027-10-16',
					endDate: '2027-10-24'
				},
				{
					municipalityId: world.org.odder,
					name: 'Efterårsferie',
					startDate: '2027-10-16',
					endDate: '2027-10-24'
				}
			])
			.execute();
	});

	const item = async (id: string) => {
		const preview = await previewRollForward(world.db, member, { fromYear: '2026/27' });
		return preview!.items.find((i) => i.id === id)!;
	};

	describe('previewRollForward', () => {
		it('writes nothing', async () => {
			const before = await countRows(world.db);
			const preview = await previewRollForward(world.db, member, { fromYear: '2026/27' });
			expect(preview?.items).toHaveLength(5);
			expect(await countRows(world.db)).toEqual(before);
		});

		it('keeps the ISO week and weekday: Monday of uge 6 2027 becomes Monday of uge 6 2028', async () => {
			const result = await item(ids.uge6);
			expect(result.target).toEqual({ start: '2028-02-07', end: '2028-02-11', shiftDays: 364 });
			expect(result.conflicts).toEqual([]);
		});

		it('reports uge 53 of 2026 as having no target', async () => {
			const result = await item(ids.uge53);
			expect(result.target).toBeNull();
			expect(result.conflicts).toEqual([{ kind: 'week53' }]);
		});

		it('reports a public holiday', async () => {
			const result = await item(ids.ascension);
			expect(result.target?.start).toBe('2028-05-25');
			expect(result.conflicts).toEqual([
				{ kind: 'publicHoliday', date: '2028-05-25', name: expect.stringMatching(/Kristi/) }
			]);
		});

		it('reports school holidays of the municipalities of owner and participants', async () => {
			expect((await item(ids.autumn)).conflicts).toEqual([
				{
					kind: 'schoolHoliday',
					start: '2027-10-16',
					end: '2027-10-24',
					name: 'Efterårsferie',
					municipality: 'Horsens Kommune'
				}
			]);
			const both = (await item(ids.odder)).conflicts.map(
				(c) => 'municipality' in c && c.municipality
			);
			expect(both.sort()).toEqual(['Horsens Kommune', 'Odder Kommune']);
		});

		it('leaves out ids the user may not edit and reports them', async () => {
			const preview = await previewRollForward(world.db, member, {
				fromYear: '2026/27',
				activityIds: [ids.uge6, ids.partner]
			});
			expect(preview?.items.map((i) => i.id)).toEqual([ids.uge6]);
			expect(preview?.ignored).toEqual([ids.partner]);
		});
	});

	describe('applyRollForward', () => {
		it('creates exactly the previewed targets, skips uge 53 and copies participants', async () => {
			const chosen = [ids.uge6, ids.uge53, ids.ascension];
			const preview = await previewRollForward(world.db, member, {
				fromYear: '2026/27',
				activityIds: chosen
			});
			const outcome = await applyRollForward(world.db, member, {
				fromYear: '2026/27',
				activityIds: chosen
			});
			expect(outcome).toMatchObject({ toYear: '2027/28', created: 2, skipped: 1, ignored: [] });
			const rows = await world.db
				.selectFrom('activity')
				.selectAll()
				.where('id', 'in', outcome!.createdIds)
				.orderBy('startDate')
				.execute();
			const targets = preview!.items.flatMap((i) =>
				i.target ? [[i.target.start, i.target.end]] : []
			);
			expect(rows.map((r) => [r.startDate, r.endDate])).toEqual(targets);
			expect(rows[0]).toMatchObject({
				title: 'Praktik uge 6',
				status: 'planned',
				sequence: 0,
				startTime: '08:00:00',
				seriesId: null,
				createdBy: member.id
			});
			const copied = await world.db
				.selectFrom('activityParticipant')
				.select('organisationId')
				.where('activityId', '=', rows[0].id)
				.execute();
			expect(copied).toEqual([{ organisationId: world.org.smedCompany }]);
		});

		it('does not create the same copy twice', async () => {
			const request = { fromYear: '2026/27', activityIds: [ids.uge6] };
			await applyRollForward(world.db, member, request);
			const again = await applyRollForward(world.db, member, request);
			expect(again).toMatchObject({ created: 0, skipped: 1 });
		});

		it("ignores another organisation's activities and creates nothing for them", async () => {
			const before = await countRows(world.db);
			const outsider = world.users.otherAdmin!;
			const outcome = await applyRollForward(world.db, outsider, {
				fromYear: '2026/27',
				activityIds: [ids.uge6, ids.autumn]
			});
			expect(outcome).toMatchObject({ created: 0, ignored: [ids.uge6, ids.autumn] });
			expect(await countRows(world.db)).toEqual(before);
		});
	});
});
