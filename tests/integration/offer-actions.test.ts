import { beforeEach, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../src/lib/auth/server/session';
import * as listPage from '../../src/routes/tilbud/+page.server';
import * as newPage from '../../src/routes/tilbud/ny/+page.server';
import * as offerPage from '../../src/routes/tilbud/[id]/+page.server';
import * as editPage from '../../src/routes/tilbud/[id]/rediger/+page.server';
import { fakeEvent } from './organisation.fixtures';
import { book, makeOffer, visitFields, type Person, useBookingWorld } from './booking-fixtures';

type Fields = Record<string, string | string[]>;
type ActionResult = {
	status?: number;
	data?: { message?: string; errors?: Record<string, string>; values?: Fields };
} & Record<string, unknown>;

// Far enough ahead that the offers are always bookable "today".
const DAY = '2035-03-07';

describe('routes/tilbud', () => {
	const world = useBookingWorld({ routes: true });
	const user = (p: Person) => world.users[p] as SessionUser | null;
	const offerRows = () =>
		world.db
			.selectFrom('offer')
			.innerJoin('activity', 'activity.id', 'offer.activityId')
			.select(['offer.id', 'offer.status', 'offer.capacity', 'activity.startDate'])
			.orderBy('activity.startDate')
			.execute();
	const praktikForm = (over: Fields = {}): Fields => ({
		kind: 'erhvervspraktik',
		ownerId: world.org.company,
		title: 'Erhvervspraktik som smed',
		tradeCode: 'smed',
		weeks: ['2035-W10', '2035-W12', ''],
		dates: ['', '', ''],
		gradeLevels: ['8', '9'],
		capacity: '3',
		contactName: 'Lars Smed',
		contactEmail: 'lars@smedjen.dk',
		address: 'Stålgade 1',
		whatToBring: 'Sikkerhedssko',
		visibility: 'alliance',
		...over
	});
	const create = (p: Person, fields: Fields) =>
		newPage.actions.default(fakeEvent('/tilbud/ny', user(p), {}, fields)) as Promise<ActionResult>;

	describe('list', () => {
		it('shows free places and filters by grade and free places', async () => {
			const full = await makeOffer(
				world.db,
				world,
				visitFields(world, { dates: [DAY], title: 'Fuldt besøg', capacity: '1' })
			);
			await makeOffer(world.db, world, visitFields(world, { dates: [DAY], gradeLevels: ['10'] }));
			await book(world.db, world, full, { seats: 1 });
			const list = async (query: string, p: Person = 'coordinator') =>
				(await listPage.load(fakeEvent(`/tilbud${query}`, user(p)))) as {
					offers: { title: string; free: number; gradeLevels: number[] }[];
					canCreate: boolean;
				};
			const all = await list('');
			expect(all.offers.map((o) => [o.title, o.free])).toEqual([
				['Besøg på smedjen', 5],
				['Fuldt besøg', 0]
			]);
			expect(all.canCreate).toBe(false);
			expect((await list('?free=1')).offers.map((o) => o.title)).toEqual(['Besøg på smedjen']);
			expect((await list('?grade=8')).offers.map((o) => o.title)).toEqual(['Fuldt besøg']);
			expect((await list('?week=2035-W10&q=fuldt')).offers.map((o) => o.title)).toEqual([
				'Fuldt besøg'
			]);
			expect((await list('?grade=banana', 'providerAdmin')).canCreate).toBe(true);
		});
	});

	describe('ny', () => {
		it('redirects visitors to login and refuses schools', async () => {
			await expect(newPage.load(fakeEvent('/tilbud/ny', null))).rejects.toMatchObject({
				status: 303,
				location: `/login?next=${encodeURIComponent('/tilbud/ny')}`
			});
			await expect(
				newPage.load(fakeEvent('/tilbud/ny', user('coordinator')))
			).rejects.toMatchObject({ status: 403 });
			const data = (await newPage.load(fakeEvent('/tilbud/ny', user('providerAdmin')))) as {
				owners: { name: string }[];
				values: Fields;
			};
			expect(data.owners.map((o) => o.name)).toEqual(['Smedjen ApS']);
			expect(data.values.ownerId).toBe(world.org.company);
		});

		it('publishes one offer per week, skipping the empty week inputs', async () => {
			await expect(create('providerAdmin', praktikForm())).rejects.toMatchObject({
				status: 303,
				location: expect.stringMatching(/^\/tilbud\/[0-9a-f-]{36}\?oprettet=2$/)
			});
			expect((await offerRows()).map((o) => o.startDate)).toEqual(['2035-03-05', '2035-03-19']);
		});

		it('refuses bad input with 400 and every field refilled, writing nothing', async () => {
			const fields = praktikForm({ title: '', weeks: ['', ''], gradeLevels: ['5'], capacity: '0' });
			const result = await create('providerAdmin', fields);
			expect(result.status).toBe(400);
			expect(Object.keys(result.data?.errors ?? {}).sort()).toEqual(
				['capacity', 'gradeLevels', 'title', 'weeks'].sort()
			);
			expect(result.data?.values).toMatchObject({
				whatToBring: 'Sikkerhedssko',
				capacity: '0',
				gradeLevels: '5'
			});
			expect(await offerRows()).toEqual([]);
		});

		it('refuses publishing for another company, keeping what was typed', async () => {
			const result = await create(
				'providerAdmin',
				praktikForm({ ownerId: world.org.otherCompany })
			);
			expect(result.status).toBe(403);
			expect(result.data?.errors?.ownerId).toBeTruthy();
			expect(result.data?.values?.title).toBe('Erhvervspraktik som smed');
			expect(await offerRows()).toEqual([]);
		});
	});

	describe('rediger and offer actions', () => {
		let offerId: string;
		const edit = (p: Person, fields: Fields) =>
			editPage.actions.default(
				fakeEvent(`/tilbud/${offerId}/rediger`, user(p), { id: offerId }, fields)
			) as Promise<ActionResult>;
		const act = (name: keyof typeof offerPage.actions, p: Person, fields: Fields = {}) =>
			offerPage.actions[name](
				fakeEvent(`/tilbud/${offerId}?/${name}`, user(p), { id: offerId }, fields)
			) as Promise<ActionResult>;
		beforeEach(async () => {
			offerId = await makeOffer(world.db, world, visitFields(world, { dates: [DAY] }));
		});

		it('fills the edit form from the offer and saves a change', async () => {
			const load = () =>
				editPage.load(
					fakeEvent(`/tilbud/${offerId}/rediger`, user('providerMember'), { id: offerId })
				);
			const { values } = (await load()) as { values: Fields };
			expect(values).toMatchObject({ startDate: DAY, startTime: '09:00', gradeLevels: ['8', '9'] });
			await expect(edit('providerMember', { ...values, capacity: '8' })).rejects.toMatchObject({
				status: 303,
				location: `/tilbud/${offerId}?gemt`
			});
			expect((await offerRows())[0].capacity).toBe(8);
		});

		it('refuses fewer places than booked (409, refilled) and others editing', async () => {
			await book(world.db, world, offerId, { seats: 3 });
			const { values } = (await editPage.load(
				fakeEvent(`/tilbud/${offerId}/rediger`, user('providerAdmin'), { id: offerId })
			)) as { values: Fields };
			const result = await edit('providerAdmin', { ...values, capacity: '2', title: 'Nyt navn' });
			expect(result.status).toBe(409);
			expect(result.data?.errors?.capacity).toBeTruthy();
			expect(result.data?.values?.title).toBe('Nyt navn');
			await expect(
				editPage.load(
					fakeEvent(`/tilbud/${offerId}/rediger`, user('otherCompany'), { id: offerId })
				)
			).rejects.toMatchObject({ status: 403 });
			expect((await edit('otherCompany', { ...values, capacity: '9' })).status).toBe(403);
			expect((await offerRows())[0].capacity).toBe(5);
		});

		it('closes, reopens and cancels the offer with a reason', async () => {
			expect(await act('closeOffer', 'providerMember')).toMatchObject({ done: true });
			expect((await offerRows())[0].status).toBe('closed');
			expect(await act('reopenOffer', 'providerMember')).toMatchObject({ done: true });
			expect((await act('cancelOffer', 'providerMember', { reason: '' })).status).toBe(400);
			expect((await act('closeOffer', 'coordinator')).status).toBe(403);
			expect((await offerRows())[0].status).toBe('open');
			await act('cancelOffer', 'providerMember', { reason: 'Maskinen er i stykker' });
			expect((await offerRows())[0].status).toBe('cancelled');
		});
	});
});
