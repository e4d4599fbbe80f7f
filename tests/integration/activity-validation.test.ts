import { isActionFailure, isHttpError, isRedirect } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { actions as createActions } from '../../src/routes/aktiviteter/ny/+page.server';
import { load as loadDetail } from '../../src/routes/aktiviteter/[id]/+page.server';
import { actions as editActions } from '../../src/routes/aktiviteter/[id]/rediger/+page.server';
import { fakeLocals } from './organisation.fixtures';
import { countRows, insertActivity, useActivityWorld } from './activity-fixtures';

describe('activity form validation (real database)', () => {
	const world = useActivityWorld({ routes: true });

	describe('create form action', () => {
		function formOf(fields: Record<string, string | string[]>): FormData {
			const form = new FormData();
			for (const [key, value] of Object.entries(fields)) {
				for (const v of [value].flat()) form.append(key, v);
			}
			return form;
		}
		const valid = (): Record<string, string | string[]> => ({
			title: 'Virksomhedsbesøg',
			categoryId: world.category.praktik,
			ownerId: world.org.school,
			startDate: '2027-02-08',
			endDate: '2027-02-08',
			allDay: 'on',
			visibility: 'public',
			participants: [world.org.smedCompany]
		});
		async function submit(fields: Record<string, string | string[]>) {
			const url = new URL('http://localhost/aktiviteter/ny');
			const request = new Request(url, { method: 'POST', body: formOf(fields) });
			try {
				return await createActions.default({
					request,
					url,
					locals: fakeLocals(world.member)
				} as never);
			} catch (thrown) {
				if (isRedirect(thrown)) return { redirect: thrown.location };
				throw thrown;
			}
		}

		it('creates and redirects to the new activity', async () => {
			const result = (await submit(valid())) as { redirect: string };
			expect(result.redirect).toMatch(/^\/aktiviteter\/[0-9a-f-]{36}$/);
			expect(await countRows(world.db)).toEqual({ activities: 1, participants: 1 });
		});

		const timed = { allDay: [], startTime: '10:00', endTime: '12:00' };
		const CASES: [string, () => Record<string, string | string[]>, Record<string, string>][] = [
			[
				'end before start',
				() => ({ ...valid(), endDate: '2027-02-07' }),
				{ endDate: 'Slutdatoen ligger før startdatoen' }
			],
			[
				'31 February',
				() => ({ ...valid(), startDate: '2027-02-31' }),
				{ startDate: 'Datoen findes ikke' }
			],
			[
				'a malformed date',
				() => ({ ...valid(), endDate: '8/2/2027' }),
				{ endDate: 'Skriv datoen som ÅÅÅÅ-MM-DD, fx 2027-02-08' }
			],
			[
				'an unknown category',
				() => ({ ...valid(), categoryId: '00000000-0000-4000-8000-000000000000' }),
				{ categoryId: 'Kategorien findes ikke' }
			],
			[
				'an unknown participant',
				() => ({ ...valid(), participants: ['00000000-0000-4000-8000-000000000000'] }),
				{ participants: 'En eller flere af de valgte organisationer findes ikke' }
			],
			[
				'a date outside every school year',
				() => ({ ...valid(), startDate: '2019-09-02', endDate: '2019-09-02' }),
				{
					startDate: 'Datoen skal ligge i et skoleår mellem 2020/21 og 2035/36',
					endDate: 'Datoen skal ligge i et skoleår mellem 2020/21 og 2035/36'
				}
			],
			[
				'a 10 kB title',
				() => ({ ...valid(), title: 'x'.repeat(10_000) }),
				{ title: 'Må højst være 200 tegn' }
			],
			[
				'missing fields',
				() => ({}),
				{
					title: 'Skal udfyldes',
					categoryId: 'Vælg en af mulighederne på listen',
					ownerId: 'Vælg en af mulighederne på listen',
					startDate: 'Skal udfyldes',
					endDate: 'Skal udfyldes',
					startTime: 'Skal udfyldes',
					endTime: 'Skal udfyldes',
					visibility: 'Vælg en af mulighederne på listen'
				}
			],
			[
				'missing times when not all-day',
				() => ({ ...valid(), allDay: [] }),
				{ startTime: 'Skal udfyldes', endTime: 'Skal udfyldes' }
			],
			[
				'end time before start time on one day',
				() => ({ ...valid(), ...timed, endTime: '09:00' }),
				{ endTime: 'Sluttidspunktet skal ligge efter starttidspunktet' }
			],
			[
				'a malformed time',
				() => ({ ...valid(), ...timed, startTime: '25:00' }),
				{ startTime: 'Skriv tidspunktet som TT:MM, fx 09:30' }
			],
			[
				'another organisation as owner',
				() => ({ ...valid(), ownerId: world.org.partner }),
				{ ownerId: 'Du kan ikke oprette aktiviteter for denne organisation' }
			]
		];

		it.each(CASES)(
			'refuses %s with field errors and writes nothing',
			async (_name, fields, errors) => {
				const before = await countRows(world.db);
				const result = await submit(fields());
				expect(isActionFailure(result)).toBe(true);
				const data = result as {
					status: number;
					data: { errors: Record<string, string>; values: Record<string, unknown> };
				};
				expect(data.status).toBeGreaterThanOrEqual(400);
				expect(data.data.errors).toEqual(errors);
				expect(data.data.values.title ?? '').toBe(String(fields().title ?? '').slice(0, 5000));
				expect(await countRows(world.db)).toEqual(before);
			}
		);
	});

	describe('pages of one activity', () => {
		async function status(run: () => unknown): Promise<number | string> {
			try {
				await run();
				return 'ok';
			} catch (thrown) {
				if (isHttpError(thrown)) return thrown.status;
				if (isRedirect(thrown)) return thrown.location;
				throw thrown;
			}
		}

		it('answer 404 for a private activity of another organisation, and nothing changes', async () => {
			const id = await insertActivity(world.db, {
				ownerId: world.org.school,
				categoryId: world.category.praktik,
				visibility: 'private',
				title: 'Hemmelig'
			});
			const url = new URL(`http://localhost/aktiviteter/${id}/rediger`);
			const other = world.users.otherAdmin;
			const request = new Request(url, { method: 'POST', body: new FormData() });
			const event = { url, params: { id }, locals: fakeLocals(other), request };
			expect(await status(() => loadDetail(event as never))).toBe(404);
			expect(await status(() => editActions.default(event as never))).toBe(404);
			const anonymous = { ...event, locals: fakeLocals(null) };
			expect(await status(() => loadDetail(anonymous as never))).toBe(404);
			expect(await status(() => editActions.default(anonymous as never))).toBe(
				`/login?next=${encodeURIComponent(url.pathname)}`
			);
			const row = await world.db.selectFrom('activity').select('title').executeTakeFirstOrThrow();
			expect(row.title).toBe('Hemmelig');
		});
	});
});
