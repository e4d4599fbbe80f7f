import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/lib/platform/server/db/engine';
import {
	confirmBooking,
	listBookableSchools,
	listBookingsForOffer,
	municipalityOverview,
	providerRequestsWaiting,
	providerUpcoming,
	schoolBookings
} from '../../src/lib/bookings/server/booking';
import { createTestDatabase, truncateAll } from '../helpers/db';
import {
	TODAY,
	book,
	createBookingWorld,
	makeOffer,
	visitFields,
	type BookingWorld
} from './booking-fixtures';

describe('booking-dashboards', () => {
	let database: Database;
	let world: BookingWorld;
	let ids: { requested: string; confirmed: string; other: string; offer: string };
	beforeAll(async () => {
		database = await createTestDatabase();
	});
	afterAll(async () => {
		await database?.close();
	});
	beforeEach(async () => {
		await truncateAll(database);
		world = await createBookingWorld(database);
		const offer = await makeOffer(database.db, world, visitFields(world, { capacity: '20' }));
		const requested = (await book(database.db, world, offer, { seats: 3 })).id;
		const confirmed = (await book(database.db, world, offer, { seats: 4, classLabel: '9.A' })).id;
		await confirmBooking(database.db, world.users.providerAdmin, confirmed);
		const other = (
			await book(
				database.db,
				world,
				offer,
				{ seats: 5, schoolId: world.org.otherSchool },
				'otherSchool'
			)
		).id;
		ids = { requested, confirmed, other, offer };
	});

	describe('schoolBookings', () => {
		it("groups the school's own bookings by status, with what is coming", async () => {
			const result = await schoolBookings(database.db, world.users.teacher, world.org.school, {
				today: TODAY
			});
			expect(result?.byStatus.requested.map((b) => b.id)).toEqual([ids.requested]);
			expect(result?.byStatus.confirmed.map((b) => b.id)).toEqual([ids.confirmed]);
			expect(result?.upcoming).toHaveLength(2);
			expect(
				await schoolBookings(database.db, world.users.municipality, world.org.school)
			).not.toBeNull();
			expect(
				await schoolBookings(database.db, world.users.otherSchool, world.org.school)
			).toBeNull();
			expect(
				await schoolBookings(database.db, world.users.providerAdmin, world.org.school)
			).toBeNull();
		});
	});

	describe('providerRequestsWaiting', () => {
		it('counts the requests waiting for an answer, for the provider only', async () => {
			const waiting = await providerRequestsWaiting(database.db, world.users.providerMember);
			expect(waiting.count).toBe(2);
			expect(waiting.items.map((b) => b.id).sort()).toEqual([ids.requested, ids.other].sort());
			expect((await providerRequestsWaiting(database.db, world.users.otherCompany)).count).toBe(0);
			expect((await providerRequestsWaiting(database.db, null)).count).toBe(0);
		});
	});

	describe('providerUpcoming', () => {
		it('lists confirmed visits and their pupils', async () => {
			const upcoming = await providerUpcoming(database.db, world.users.providerAdmin, {
				today: TODAY
			});
			expect(upcoming).toMatchObject({ bookings: 1, pupils: 4 });
			expect(upcoming.items[0]).toMatchObject({ classLabel: '9.A', schoolName: 'Byskolen' });
			expect(
				(await providerUpcoming(database.db, world.users.providerAdmin, { today: '2027-02-11' }))
					.bookings
			).toBe(0);
		});
	});

	describe('municipalityOverview', () => {
		it('summarises every school of its own municipality only', async () => {
			const overview = await municipalityOverview(
				database.db,
				world.users.municipality,
				world.org.horsens,
				{
					today: TODAY
				}
			);
			expect(
				overview?.schools.map((s) => [
					s.name,
					s.counts.requested,
					s.counts.confirmed,
					s.upcomingSeats
				])
			).toEqual([
				['Bakkeskolen', 1, 0, 5],
				['Byskolen', 1, 1, 7]
			]);
			expect(overview?.upcoming).toHaveLength(3);
			expect(
				await municipalityOverview(database.db, world.users.otherMunicipality, world.org.horsens)
			).toBeNull();
			expect(
				await municipalityOverview(database.db, world.users.coordinator, world.org.horsens)
			).toBeNull();
		});
	});

	describe('listBookingsForOffer', () => {
		it('shows the provider every booking and a school only its own', async () => {
			expect(
				await listBookingsForOffer(database.db, world.users.providerMember, ids.offer)
			).toHaveLength(3);
			const own = await listBookingsForOffer(database.db, world.users.coordinator, ids.offer);
			expect(own?.map((b) => b.schoolId)).toEqual([world.org.school, world.org.school]);
			expect(await listBookingsForOffer(database.db, world.users.otherCompany, ids.offer)).toEqual(
				[]
			);
		});
	});

	describe('listBookableSchools', () => {
		it('offers a member their school and a municipality its schools', async () => {
			const names = async (person: keyof BookingWorld['users']) =>
				(await listBookableSchools(database.db, world.users[person])).map((s) => s.name);
			expect(await names('teacher')).toEqual(['Byskolen']);
			expect(await names('municipality')).toEqual(['Bakkeskolen', 'Byskolen']);
			expect(await names('providerAdmin')).toEqual([]);
			expect(await names('secretariat')).toEqual(['Bakkeskolen', 'Byskolen', 'Odder Skole']);
		});
	});
});
