import { beforeEach, describe, expect, it } from 'vitest';
import { actions, load } from '../../src/routes/aarshjul/rul-frem/+page.server';
import { countRows, insertActivity, useActivityWorld } from './activity-fixtures';
import { fakeEvent } from './organisation.fixtures';

type Preview = {
	preview: {
		toYear: string;
		items: { title: string; newTitle: string; to: string | null; conflicts: string[] }[];
	};
};

describe('routes/aarshjul/rul-frem', () => {
	const world = useActivityWorld({ routes: true });
	let ids: string[];

	beforeEach(async () => {
		const school = { ownerId: world.org.school, categoryId: world.category.praktik };
		ids = [
			await insertActivity(world.db, {
				...school,
				title: 'Praktik',
				startDate: '2027-02-08',
				endDate: '2027-02-12'
			}),
			await insertActivity(world.db, {
				...school,
				title: 'Jul',
				startDate: '2026-12-28',
				endDate: '2026-12-28'
			}),
			await insertActivity(world.db, {
				...school,
				title: 'Besøg',
				startDate: '2027-05-27',
				endDate: '2027-05-27'
			})
		];
	});

	const post = (action: 'preview' | 'apply', fields: Record<string, string | string[]>) =>
		actions[action](
			fakeEvent(`/aarshjul/rul-frem?/${action}`, world.users.ownerMember, {}, fields)
		);

	it('sends a visitor to the login page', async () => {
		await expect(
			load(fakeEvent('/aarshjul/rul-frem?year=2026/27', null) as never)
		).rejects.toMatchObject({
			status: 303,
			location: expect.stringMatching(/^\/login\?next=/)
		});
	});

	it('lists the activities of the chosen year that the user may edit', async () => {
		const data = (await load(
			fakeEvent('/aarshjul/rul-frem?year=2026/27', world.users.ownerMember) as never
		)) as {
			candidates: { title: string; when: string }[];
		};
		expect(data.candidates.map((c) => c.title)).toEqual(['Jul', 'Praktik', 'Besøg']);
		expect(data.candidates[1].when).toBe('8.–12. feb. 2027 (uge 6)');
	});

	it('previews in Danish with week numbers and writes nothing', async () => {
		const before = await countRows(world.db);
		const result = (await post('preview', { year: '2026/27', activityIds: ids })) as Preview;
		expect(await countRows(world.db)).toEqual(before);
		expect(result.preview.toYear).toBe('2027/28');
		expect(result.preview.items).toEqual([
			{
				id: ids[1],
				title: 'Jul',
				newTitle: 'Jul',
				ownerName: 'Byskolen',
				from: '28. dec. 2026 (uge 53)',
				to: null,
				conflicts: ['Uge 53 findes ikke i 2027 — springes over'],
				skipped: true
			},
			{
				id: ids[0],
				title: 'Praktik',
				newTitle: 'Praktik',
				ownerName: 'Byskolen',
				from: '8.–12. feb. 2027 (uge 6)',
				to: '7.–11. feb. 2028 (uge 6)',
				conflicts: [],
				skipped: false
			},
			{
				id: ids[2],
				title: 'Besøg',
				newTitle: 'Besøg',
				ownerName: 'Byskolen',
				from: '27. maj 2027 (uge 21)',
				to: '25. maj 2028 (uge 21)',
				conflicts: ['Rammer Kristi Himmelfartsdag'],
				skipped: false
			}
		]);
	});

	it('applies and tells how many were created', async () => {
		const result = await post('apply', { year: '2026/27', activityIds: ids });
		expect(result).toEqual({ outcome: { toYear: '2027/28', created: 2, skipped: 1, ignored: 0 } });
		expect((await countRows(world.db)).activities).toBe(5);
	});

	it('moves years in titles on, shows them in the preview and keeps an edited title', async () => {
		const school = { ownerId: world.org.school, categoryId: world.category.praktik };
		const meeting = await insertActivity(world.db, {
			...school,
			title: 'Alliancemøde september 2026',
			startDate: '2026-09-10',
			endDate: '2026-09-10'
		});
		const fair = await insertActivity(world.db, {
			...school,
			title: 'Uddannelsesmesse 2026/27',
			startDate: '2026-10-06',
			endDate: '2026-10-06'
		});
		const chosen = { year: '2026/27', activityIds: [meeting, fair] };
		const result = (await post('preview', chosen)) as Preview;
		expect(result.preview.items.map((i) => i.newTitle)).toEqual([
			'Alliancemøde september 2027',
			'Uddannelsesmesse 2027/28'
		]);
		await post('apply', { ...chosen, [`title-${fair}`]: '  Uddannelsesmesse 2027/28 i Hallen ' });
		const titles = await world.db
			.selectFrom('activity')
			.select('title')
			.where('startDate', '>=', '2027-08-01')
			.orderBy('startDate')
			.execute();
		expect(titles.map((t) => t.title)).toEqual([
			'Alliancemøde september 2027',
			'Uddannelsesmesse 2027/28 i Hallen'
		]);
	});

	it('refuses an empty choice and a bad year with 400', async () => {
		expect(await post('preview', { year: '2026/27' })).toMatchObject({ status: 400 });
		expect(await post('apply', { year: '2026/28', activityIds: ids })).toMatchObject({
			status: 400
		});
		expect((await countRows(world.db)).activities).toBe(3);
	});
});
