import { describe, expect, it } from 'vitest';
import { actions as newActions } from '../../src/routes/serier/ny/+page.server';
import {
	actions as seriesActions,
	load as seriesLoad
} from '../../src/routes/serier/[id]/+page.server';
import { actions as occurrenceActions } from '../../src/routes/aktiviteter/[id]/forekomst/+page.server';
import { actions as cancelActions } from '../../src/routes/aktiviteter/[id]/forekomst/aflys/+page.server';
import { countRows, useActivityWorld } from './activity-fixtures';
import { fakeEvent } from './organisation.fixtures';

type Failure = {
	status: number;
	data: { errors: Record<string, string>; values: Record<string, unknown> };
};

async function thrown(run: () => unknown): Promise<{ status: number; location?: string }> {
	try {
		await run();
	} catch (e) {
		return e as { status: number; location?: string };
	}
	throw new Error('expected a redirect or an error');
}

describe('routes/serier', () => {
	const world = useActivityWorld({ routes: true });

	const fields = (overrides: Record<string, string | string[]> = {}) => ({
		title: 'Erhvervspraktik',
		categoryId: world.category.praktik,
		ownerId: world.org.school,
		allDay: 'on',
		visibility: 'alliance',
		ruleKind: 'yearlyIsoWeek',
		week: '6',
		fromWeekday: '1',
		toWeekday: '5',
		startsOn: '2027-01-01',
		endKind: 'until',
		until: '2029-12-31',
		...overrides
	});
	const post = (action: 'preview' | 'save', form: Record<string, string | string[]>) =>
		newActions[action](fakeEvent(`/serier/ny?/${action}`, world.users.ownerMember, {}, form));

	it('previews the dates with week numbers and writes nothing', async () => {
		const result = (await post('preview', fields())) as {
			preview: string[];
			values: Record<string, string>;
		};
		expect(result.preview).toEqual([
			'8.–12. feb. 2027 (uge 6)',
			'7.–11. feb. 2028 (uge 6)',
			'5.–9. feb. 2029 (uge 6)'
		]);
		expect(result.values.title).toBe('Erhvervspraktik');
		expect(await countRows(world.db)).toEqual({ activities: 0, participants: 0 });
	});

	it('saves and redirects to the series page, which lists the occurrences', async () => {
		const redirect = await thrown(() => post('save', fields()));
		expect(redirect.status).toBe(303);
		const id = redirect.location!.split('/').pop()!;
		const data = (await seriesLoad(
			fakeEvent(`/serier/${id}`, world.users.ownerMember, { id }) as never
		)) as {
			series: { rule: string };
			occurrences: { when: string }[];
		};
		expect(data.series.rule).toBe('Hvert år i uge 6, mandag–fredag');
		expect(data.occurrences).toHaveLength(3);
	});

	it('sends back more than 500 dates with a Danish message, the form filled in and nothing written', async () => {
		const weekly = fields({
			ruleKind: 'everyNWeeks',
			interval: '1',
			weekday: '1',
			startsOn: '2021-01-04',
			until: '2035-12-31'
		});
		for (const action of ['preview', 'save'] as const) {
			const result = (await post(action, weekly)) as Failure;
			expect(result.status).toBe(400);
			expect(result.data.errors.until).toMatch(/mere end 500/);
			expect(result.data.values.interval).toBe('1');
		}
		expect(await countRows(world.db)).toEqual({ activities: 0, participants: 0 });
	});

	it('sends back a bad rule and bad dates field by field', async () => {
		const result = (await post(
			'save',
			fields({ week: '54', startsOn: '2027-02-31', until: '' })
		)) as Failure;
		expect(result.status).toBe(400);
		expect(result.data.errors).toMatchObject({
			startsOn: 'Datoen findes ikke',
			until: 'Skal udfyldes'
		});
		const rule = (await post('save', fields({ week: '54' }))) as Failure;
		expect(rule.data.errors.week).toMatch(/mellem 1 og 53/);
	});

	it("answers 404 for another organisation's private series", async () => {
		const redirect = await thrown(() => post('save', fields({ visibility: 'private' })));
		const id = redirect.location!.split('/').pop()!;
		const other = world.users.otherAdmin;
		expect(
			(await thrown(() => seriesLoad(fakeEvent(`/serier/${id}`, other, { id }) as never))).status
		).toBe(404);
		const update = () =>
			seriesActions.update(fakeEvent(`/serier/${id}?/update`, other, { id }, fields()));
		expect((await thrown(update)).status).toBe(404);
		const remove = () =>
			seriesActions.delete(fakeEvent(`/serier/${id}?/delete`, other, { id }, { confirm: 'ja' }));
		expect((await thrown(remove)).status).toBe(404);
		expect((await countRows(world.db)).activities).toBe(3);
	});

	it('edits and cancels single occurrences, which then survive a series update', async () => {
		const redirect = await thrown(() => post('save', fields()));
		const seriesId = redirect.location!.split('/').pop()!;
		const rows = await world.db.selectFrom('activity').select('id').orderBy('startDate').execute();
		const member = world.users.ownerMember;
		const edit = fields({ title: 'Flyttet', startDate: '2028-02-14', endDate: '2028-02-18' });
		const edited = await thrown(() =>
			occurrenceActions.default(
				fakeEvent(`/aktiviteter/${rows[1].id}/forekomst`, member, { id: rows[1].id }, edit)
			)
		);
		expect(edited.status).toBe(303);
		await thrown(() =>
			cancelActions.default(
				fakeEvent(`/aktiviteter/${rows[2].id}/forekomst/aflys`, member, { id: rows[2].id }, {})
			)
		);
		await thrown(() =>
			seriesActions.update(
				fakeEvent(`/serier/${seriesId}?/update`, member, { id: seriesId }, fields({ week: '7' }))
			)
		);
		const after = await world.db.selectFrom('activity').selectAll().orderBy('startDate').execute();
		expect(after.map((r) => [r.startDate, r.title, r.status, r.detached])).toEqual([
			['2027-02-15', 'Erhvervspraktik', 'planned', false],
			['2028-02-14', 'Flyttet', 'planned', true],
			['2029-02-05', 'Erhvervspraktik', 'cancelled', true]
		]);
	});

	it('refuses the single-occurrence pages for an activity outside a series', async () => {
		const [row] = await world.db
			.insertInto('activity')
			.values({
				ownerId: world.org.school,
				categoryId: world.category.praktik,
				title: 'Enkelt',
				startDate: '2027-03-01',
				endDate: '2027-03-01',
				visibility: 'public'
			})
			.returning('id')
			.execute();
		const run = () =>
			cancelActions.default(
				fakeEvent(
					`/aktiviteter/${row.id}/forekomst/aflys`,
					world.users.ownerMember,
					{ id: row.id },
					{}
				)
			);
		expect((await thrown(run)).status).toBe(404);
	});
});
