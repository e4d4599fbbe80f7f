import { describe, expect, it } from 'vitest';
import { bookSeats } from '../../src/lib/bookings/server/booking';
import {
	TODAY,
	bookingInput,
	counts,
	makeOffer,
	visitFields,
	useBookingWorld
} from './booking-fixtures';

// Runs on PGlite (serial by nature) and, with DATABASE_URL, on PostgreSQL where the pool's
// connections really run the transactions at the same time.
describe('booking capacity', () => {
	const world = useBookingWorld();

	const parallel = (offerId: string, n: number, joinWaitlist = false) =>
		Promise.all(
			Array.from({ length: n }, (_, i) =>
				bookSeats(
					world.db,
					world.users.coordinator,
					bookingInput(world, offerId, { classLabel: `8.${i}`, joinWaitlist }),
					{ today: TODAY }
				)
			)
		);

	describe('bookSeats', () => {
		it('never books more than the capacity under 20 concurrent requests', async () => {
			const offerId = await makeOffer(world.db, world, visitFields(world, { capacity: '5' }));
			const results = await parallel(offerId, 20);
			expect(results.filter((r) => r.ok)).toHaveLength(5);
			const refused = results.filter((r) => !r.ok);
			expect(refused).toHaveLength(15);
			for (const r of refused) {
				expect(r.ok === false && r.status).toBe(409);
				expect(r.ok === false && r.message).toMatch(/Der er ikke plads: 0 ledige pladser/);
			}
			expect((await counts(world.db)).seats).toBe(5);
		});

		it('waitlists the rest when asked, in booking order', async () => {
			const offerId = await makeOffer(world.db, world, visitFields(world, { capacity: '5' }));
			const results = await parallel(offerId, 20, true);
			expect(results.every((r) => r.ok)).toBe(true);
			const rows = await world.db
				.selectFrom('booking')
				.select(['status', 'createdAt'])
				.orderBy('createdAt')
				.execute();
			expect(rows.filter((r) => r.status === 'requested')).toHaveLength(5);
			expect(rows.filter((r) => r.status === 'waitlisted')).toHaveLength(15);
			// The first five in time hold the seats: created_at follows the lock order.
			expect(rows.slice(0, 5).every((r) => r.status === 'requested')).toBe(true);
		});

		it('ends 100 parallel requests for 10 places with exactly 10 seats taken and no error', async () => {
			const offerId = await makeOffer(world.db, world, visitFields(world, { capacity: '10' }));
			const results = await parallel(offerId, 100);
			expect(results.filter((r) => r.ok)).toHaveLength(10);
			expect(results.filter((r) => !r.ok && r.status === 409)).toHaveLength(90);
			expect((await counts(world.db)).seats).toBe(10);
		});

		it('books multi-seat requests only while they fit', async () => {
			const offerId = await makeOffer(world.db, world, visitFields(world, { capacity: '5' }));
			const results = await Promise.all(
				[3, 3, 2, 1].map((seats, i) =>
					bookSeats(
						world.db,
						world.users.coordinator,
						bookingInput(world, offerId, { seats, classLabel: `9.${i}` }),
						{
							today: TODAY
						}
					)
				)
			);
			const booked = results.reduce((sum, r) => sum + (r.ok ? r.value.booking.seats : 0), 0);
			expect(booked).toBeGreaterThanOrEqual(3);
			expect(booked).toBeLessThanOrEqual(5);
			expect((await counts(world.db)).seats).toBe(booked);
		});
	});

	describe('idempotency', () => {
		it('returns the same booking for the same key and books nothing new', async () => {
			const offerId = await makeOffer(world.db, world, visitFields(world));
			const input = bookingInput(world, offerId, { seats: 2, idempotencyKey: 'double-click-1' });
			const first = await bookSeats(world.db, world.users.coordinator, input, { today: TODAY });
			const second = await bookSeats(world.db, world.users.coordinator, input, { today: TODAY });
			expect(first.ok && second.ok).toBe(true);
			if (!first.ok || !second.ok) return;
			expect(second.value.booking.id).toBe(first.value.booking.id);
			expect(first.value.replayed).toBe(false);
			expect(second.value.replayed).toBe(true);
			expect(await counts(world.db)).toMatchObject({ bookings: 1, seats: 2, outbox: 1 });
		});

		it('books once when the same key arrives 10 times at once', async () => {
			const offerId = await makeOffer(world.db, world, visitFields(world));
			const input = bookingInput(world, offerId, { idempotencyKey: 'double-click-2' });
			const results = await Promise.all(
				Array.from({ length: 10 }, () =>
					bookSeats(world.db, world.users.coordinator, input, { today: TODAY })
				)
			);
			expect(results.every((r) => r.ok)).toBe(true);
			const ids = new Set(results.map((r) => (r.ok ? r.value.booking.id : '')));
			expect(ids.size).toBe(1);
			expect(results.filter((r) => r.ok && !r.value.replayed)).toHaveLength(1);
			expect(await counts(world.db)).toMatchObject({ bookings: 1, seats: 1 });
		});

		it('returns the booking on a retry even when it took the last seat', async () => {
			const offerId = await makeOffer(world.db, world, visitFields(world, { capacity: '2' }));
			const input = bookingInput(world, offerId, { seats: 2, idempotencyKey: 'last-seat' });
			await bookSeats(world.db, world.users.coordinator, input, { today: TODAY });
			const retry = await bookSeats(world.db, world.users.coordinator, input, { today: TODAY });
			expect(retry.ok && retry.value.replayed).toBe(true);
		});

		it('refuses a key already used for another offer', async () => {
			const a = await makeOffer(world.db, world, visitFields(world));
			const b = await makeOffer(world.db, world, visitFields(world, { dates: ['2027-02-11'] }));
			await bookSeats(
				world.db,
				world.users.coordinator,
				bookingInput(world, a, { idempotencyKey: 'reused-key' }),
				{
					today: TODAY
				}
			);
			const result = await bookSeats(
				world.db,
				world.users.coordinator,
				bookingInput(world, b, { idempotencyKey: 'reused-key' }),
				{ today: TODAY }
			);
			expect(result).toMatchObject({ ok: false, status: 409 });
			expect((await counts(world.db)).bookings).toBe(1);
		});
	});
});
