import { describe, expect, it } from 'vitest';
import { seedOffers } from '../../db/seed/offers';
import { listOffers } from '../../src/lib/bookings/server/offer';
import { listChecklistDue } from '../../src/lib/bookings/server/booking';
import { useDemoDatabase } from './demo-fixtures';

describe('db/seed/offers', () => {
	const demo = useDemoDatabase();

	const count = async (table: 'offer' | 'booking' | 'activity') =>
		(await demo.db.selectFrom(table).select('id').execute()).length;

	describe('seedOffers', () => {
		it('adds the demo offers and bookings with seedDemo, and nothing more on a second run', async () => {
			const activities = await count('activity');
			const first = await demo.db.transaction().execute((trx) => seedOffers(trx));
			expect(first.offers).toBeGreaterThan(0);
			// Besides these, the demo praktikfordeling's places (db/seed/allocation.ts).
			const roundPlaces = (await demo.db.selectFrom('allocationPlace').select('offerId').execute())
				.length;
			expect(roundPlaces).toBeGreaterThan(0);
			expect(await count('offer')).toBe(first.offers + roundPlaces);
			expect(await count('booking')).toBe(first.bookings);
			expect(await count('activity')).toBe(activities);
			await demo.db.transaction().execute((trx) => seedOffers(trx));
			expect(await count('offer')).toBe(first.offers + roundPlaces);
			expect(await count('booking')).toBe(first.bookings);
		});

		it('keeps every offer within its capacity and shows free places to the alliance', async () => {
			const secretariat = { isSecretariat: true, memberships: [] };
			const offers = await listOffers(demo.db, secretariat, { today: '2026-12-01' });
			expect(offers.length).toBeGreaterThanOrEqual(6);
			for (const offer of offers) expect(offer.free).toBeGreaterThanOrEqual(0);
			expect(
				offers.find((o) => o.title === 'Erhvervspraktik som smed' && o.startDate === '2027-02-08')
			).toMatchObject({
				free: 0,
				waitlisted: 1
			});
		});

		it('gives the demo school a checklist to work on', async () => {
			const school = await demo.db
				.selectFrom('organisation')
				.select('id')
				.where('slug', '=', 'stensballeskolen')
				.executeTakeFirstOrThrow();
			const user = {
				isSecretariat: false,
				memberships: [{ organisationId: school.id, role: 'admin' as const }]
			};
			const due = await listChecklistDue(demo.db, user, { today: '2027-01-20' });
			expect(due.map((d) => d.field)).toContain('uuNotified');
		});
	});
});
