import { beforeEach, describe, expect, it } from 'vitest';
import {
	cancelBooking,
	confirmBooking,
	declineBooking
} from '../../src/lib/bookings/server/booking';
import { cancelOffer } from '../../src/lib/bookings/server/offer';
import { closeSchoolYear } from '../../src/lib/school-year/server/close';
import { useBookingWorld } from './booking-fixtures';
import { insertBooking, snapshot } from './privacy-fixtures';

/** A fortnight after the school year 2026/27 ended. */
const NOW = new Date('2027-08-15T10:00:00Z');
const CLOSED_BOOKING =
	'Skoleåret 2026/27 er lukket, og personoplysningerne i dets bookinger er slettet. ' +
	'Bookingen kan ikke længere besvares eller annulleres.';
const CLOSED_OFFER =
	'Skoleåret 2026/27 er lukket, og personoplysningerne i dets bookinger er slettet. ' +
	'Tilbuddet kan ikke længere aflyses.';

describe('school-year-closed', () => {
	const world = useBookingWorld();
	/** A request of the closed year 2026/27, and of the open year 2027/28. */
	let closed: { offerId: string; bookingId: string };
	let open: { offerId: string; bookingId: string };

	beforeEach(async () => {
		const db = world.db;
		closed = await insertBooking(db, world, {
			startDate: '2027-03-01',
			names: ['Ida'],
			status: 'requested'
		});
		open = await insertBooking(db, world, {
			startDate: '2027-09-06',
			names: ['Karl'],
			status: 'requested'
		});
		const result = await closeSchoolYear(db, world.users.secretariat, '2026/27', NOW);
		expect(result).toMatchObject({ ok: true, value: { bookingsCleared: 1 } });
	});

	describe('answering a booking', () => {
		it("refuses to confirm, decline or cancel a closed year's booking and changes nothing", async () => {
			const db = world.db;
			const before = await snapshot(db);
			const provider = world.users.providerAdmin;
			const refusals = [
				await confirmBooking(db, provider, closed.bookingId, { message: 'Ida er velkommen' }),
				await declineBooking(db, provider, closed.bookingId, { message: 'Ingen plads til Ida' }),
				await cancelBooking(db, world.users.coordinator, closed.bookingId, {
					reason: 'Ida er syg'
				}),
				await cancelBooking(db, provider, closed.bookingId, { reason: 'Lars er syg' })
			];
			for (const refusal of refusals) {
				expect(refusal).toEqual({ ok: false, status: 409, message: CLOSED_BOOKING });
			}
			expect(await snapshot(db)).toEqual(before);
		});

		it('still answers and cancels bookings of an open year', async () => {
			const db = world.db;
			const provider = world.users.providerAdmin;
			const confirmed = await confirmBooking(db, provider, open.bookingId, {
				message: 'Karl er velkommen'
			});
			expect(confirmed).toMatchObject({
				ok: true,
				value: { status: 'confirmed', message: 'Karl er velkommen' }
			});
			const cancelled = await cancelBooking(db, world.users.coordinator, open.bookingId, {
				reason: 'Karl er syg'
			});
			expect(cancelled).toMatchObject({
				ok: true,
				value: { status: 'cancelled', cancelReason: 'Karl er syg' }
			});
		});

		it('still refuses a stranger with 404 before telling the year is closed', async () => {
			const result = await confirmBooking(world.db, world.users.otherCompany, closed.bookingId);
			expect(result).toMatchObject({ ok: false, status: 404 });
		});
	});

	describe('cancelling an offer', () => {
		it("refuses to cancel a closed year's offer and changes nothing", async () => {
			const db = world.db;
			const before = await snapshot(db);
			const result = await cancelOffer(db, world.users.providerAdmin, closed.offerId, {
				reason: 'Lars er syg'
			});
			expect(result).toEqual({ ok: false, status: 409, message: CLOSED_OFFER });
			expect(await snapshot(db)).toEqual(before);
		});

		it('still cancels an offer of an open year, with the reason on its bookings', async () => {
			const db = world.db;
			const result = await cancelOffer(db, world.users.providerAdmin, open.offerId, {
				reason: 'Værkstedet lukker'
			});
			expect(result).toEqual({ ok: true, value: { id: open.offerId } });
			const booking = await db
				.selectFrom('booking')
				.select(['status', 'cancelReason'])
				.where('id', '=', open.bookingId)
				.executeTakeFirstOrThrow();
			expect(booking).toEqual({ status: 'cancelled', cancelReason: 'Værkstedet lukker' });
		});
	});
});
