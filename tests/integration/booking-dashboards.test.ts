import { beforeEach, describe, expect, it } from 'vitest';
import {
	confirmBooking,
	listBookableSchools,
	listBookingsForOffer,
	municipalityOverview,
	providerRequestsWaiting,
	providerUpcoming,
	schoolBookings
} from '../../src/lib/bookings/server/booking';
import {
	TODAY,
	book,
	makeOffer,
	visitFields,
	type BookingWorld,
	useBookingWorld
} from './booking-fixtures';

describe('booking-dashboards', () => {
	const world = useBookingWorld();
	let ids: { requested: string; confirmed: string; other: string; offer: string };
	beforeEach(async () => {
		const offer = await makeOffer(world.db, world, visitFields(world, { capacity: '20' }));
		const requested = (await book(world.db, world, offer, { seats: 3 })).id;
		const confirmed = (await book(world.db, world, offer, { seats: 4, classLabel: '9.A' })).id;
		await confirmBooking(world.db, world.users.providerAdmin, confirmed);
		const other = (
			await book(
				world.db,
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
			const result = await schoolBookings(world.db, world.users.teacher, world.org.school, {
				today: TODAY
			});
			expect(result?.byStatus.requested.map((b) => b.id)).toEqual([ids.requested]);
			expect(result?.byStatus.confirmed.map((b) => b.id)).toEqual([ids.confirmed]);
			expect(result?.upcoming).toHaveLength(2);
			expect(
				await schoolBookings(world.db, world.users.municipality, world.org.school)
			).not.toBeNull();
			expect(await schoolBookings(world.db, world.users.otherSchool, world.org.school)).toBeNull();
			expect(
				await schoolBookings(world.db, world.users.providerAdmin, world.org.school)
			).toBeNull();
		});
	});

	describe('providerRequestsWaiting', () => {
		it('counts the requests waiting for an answer, for the provider only', async () => {
			const waiting = await providerRequestsWaiting(world.db, world.users.providerMember);
			expect(waiting.count).toBe(2);
			expect(waiting.items.map((b) => b.id).sort()).toEqual([ids.requested, ids.other].sort());
			expect((await providerRequestsWaiting(world.db, world.users.otherCompany)).count).toBe(0);
			expect((await providerRequestsWaiting(world.db, null)).count).toBe(0);
		});
	});

	describe('providerUpcoming', () => {
		it('lists confirmed visits and their pupils', async () => {
			const upcoming = await providerUpcoming(world.db, world.users.providerAdmin, {
				today: TODAY
			});
			expect(upcoming).toMatchObject({ bookings: 1, pupils: 4 });
			expect(upcoming.items[0]).toMatchObject({ classLabel: '9.A', schoolName: 'Byskolen' });
			expect(
				(await providerUpcoming(world.db, world.users.providerAdmin, { today: '2027-02-11' }))
					.bookings
			).toBe(0);
		});
	});

	describe('municipalityOverview', () => {
		it('summarises every school of its own municipality only', async () => {
			const overview = await municipalityOverview(
				world.db,
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
				await municipalityOverview(world.db, world.users.otherMunicipality, world.org.horsens)
			).toBeNull();
			expect(
				await municipalityOverview(world.db, world.users.coordinator, world.org.horsens)
			).toBeNull();
		});
	});

	describe('listBookingsForOffer', () => {
		it('shows the provider every booking and a school only its own', async () => {
			expect(
				await listBookingsForOffer(world.db, world.users.providerMember, ids.offer)
			).toHaveLength(3);
			const own = await listBookingsForOffer(world.db, world.users.coordinator, ids.offer);
			expect(own?.map((b) => b.schoolId)).toEqual([world.org.school, world.org.school]);
			expect(await listBookingsForOffer(world.db, world.users.otherCompany, ids.offer)).toEqual([]);
		});
	});

	describe('listBookableSchools', () => {
		it('offers a member their school and a municipality its schools', async () => {
			const names = async (person: keyof BookingWorld['users']) =>
				(await listBookableSchools(world.db, world.users[person])).map((s) => s.name);
			expect(await names('teacher')).toEqual(['Byskolen']);
			expect(await names('municipality')).toEqual(['Bakkeskolen', 'Byskolen']);
			expect(await names('providerAdmin')).toEqual([]);
			expect(await names('secretariat')).toEqual(['Bakkeskolen', 'Byskolen', 'Odder Skole']);
		});
	});
});
