import { beforeEach, describe, expect, it } from 'vitest';
import { navBadges } from '../../src/lib/dashboard/server/nav-badges';
import * as bookingPage from '../../src/routes/bookinger/[id]/+page.server';
import * as dashboard from '../../src/routes/bookinger/+page.server';
import { fakeEvent } from './organisation.fixtures';
import {
	makeOffer,
	praktikFields,
	visitFields,
	type Person,
	useBookingWorld
} from './booking-fixtures';
import { PRAKTIK_WEEK, VISIT_DAY, routeCalls, type Fields } from './booking-route-fixtures';

describe('routes/bookinger', () => {
	const world = useBookingWorld({ routes: true });
	let offerId: string;
	let calls: ReturnType<typeof routeCalls>;
	const user = (p: Person) => calls.user(p);
	const offerAction = (name: Parameters<typeof calls.offerAction>[1], p: Person, fields: Fields) =>
		calls.offerAction(offerId, name, p, fields);
	const bookingAction = (...args: Parameters<typeof calls.bookingAction>) =>
		calls.bookingAction(...args);
	const bookingFields = (over: Fields = {}) => calls.bookingFields(over);

	beforeEach(async () => {
		calls = routeCalls(world);
		offerId = await makeOffer(world.db, world, visitFields(world, { dates: [VISIT_DAY] }));
	});

	describe('dashboards', () => {
		it('counts the request for the provider (badge and page) and shows it to the school', async () => {
			await offerAction('book', 'coordinator', bookingFields());
			expect(await navBadges(world.db, user('providerAdmin'))).toEqual({ bookingsWaiting: 1 });
			expect(await navBadges(world.db, user('coordinator'))).toEqual({ bookingsWaiting: 0 });
			const provider = (await dashboard.load(fakeEvent('/bookinger', user('providerAdmin')))) as {
				provider: { waiting: { count: number } };
			};
			expect(provider.provider.waiting.count).toBe(1);
			const school = (await dashboard.load(fakeEvent('/bookinger', user('coordinator')))) as {
				schools: { name: string; upcoming: unknown[] }[];
				provider: unknown;
			};
			expect(school.provider).toBeNull();
			expect(school.schools).toMatchObject([
				{ name: 'Byskolen', upcoming: [{ classLabel: '8.B' }] }
			]);
			const municipality = (await dashboard.load(
				fakeEvent('/bookinger', user('municipality'))
			)) as {
				municipalities: { schools: { name: string; counts: Record<string, number> }[] }[];
			};
			expect(municipality.municipalities[0].schools).toContainEqual(
				expect.objectContaining({
					name: 'Byskolen',
					counts: expect.objectContaining({ requested: 1 })
				})
			);
		});
	});

	describe('?/checklist', () => {
		it('lets the school tick UU off but not the provider the parents consent', async () => {
			offerId = await makeOffer(world.db, world, praktikFields(world, { weeks: [PRAKTIK_WEEK] }));
			const { bookingId } = await offerAction('book', 'coordinator', bookingFields({ seats: '1' }));
			const id = String(bookingId);
			const data = (await bookingPage.load(
				fakeEvent(`/bookinger/${id}`, user('coordinator'), { id })
			)) as { checklist: { field: string; deadline: string }[] };
			expect(data.checklist.find((c) => c.field === 'uuNotified')?.deadline).toBe('2035-02-12');
			const ok = await bookingAction('checklist', 'coordinator', id, {
				field: 'uuNotified',
				done: 'on'
			});
			expect(ok).toMatchObject({ done: true });
			const refused = await bookingAction('checklist', 'providerAdmin', id, {
				field: 'parentsConsent',
				done: 'on'
			});
			expect(refused.status).toBe(403);
			const row = await world.db
				.selectFrom('booking')
				.select(['uuNotifiedAt', 'parentsConsentAt'])
				.executeTakeFirstOrThrow();
			expect(row.uuNotifiedAt).not.toBeNull();
			expect(row.parentsConsentAt).toBeNull();
		});
	});
});
