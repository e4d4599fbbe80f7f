import { describe, expect, it } from 'vitest';
import type { Database } from '../../src/lib/platform/server/db/engine';
import {
	bookSeats,
	cancelBooking,
	confirmBooking,
	declineBooking,
	type Result
} from '../../src/lib/bookings/server/booking';
import { cancelOffer, closeOffer } from '../../src/lib/bookings/server/offer';
import {
	TODAY,
	book,
	bookingInput,
	makeOffer,
	praktikFields,
	visitFields,
	type BookingWorld,
	useBookingWorld
} from './booking-fixtures';

type Case = {
	name: string;
	status: 400 | 403 | 404 | 409;
	message: RegExp;
	run: (db: Database['db'], w: BookingWorld, offerId: string) => Promise<Result<unknown>>;
	setup?: (db: Database['db'], w: BookingWorld, offerId: string) => Promise<void>;
	offer?: Record<string, unknown>;
};

const bookAs = (
	db: Database['db'],
	w: BookingWorld,
	offerId: string,
	over: Parameters<typeof bookingInput>[2] = {},
	as: keyof BookingWorld['users'] = 'coordinator'
) => bookSeats(db, w.users[as], bookingInput(w, offerId, over), { today: TODAY });

let otherBooking = '';

const CASES: Case[] = [
	{
		name: '0 seats',
		status: 400,
		message: /helt tal på mindst 1/,
		run: (db, w, o) => bookAs(db, w, o, { seats: 0 })
	},
	{
		name: '-1 seats',
		status: 400,
		message: /helt tal på mindst 1/,
		run: (db, w, o) => bookAs(db, w, o, { seats: -1 })
	},
	{
		name: '1.5 seats',
		status: 400,
		message: /helt tal på mindst 1/,
		run: (db, w, o) => bookAs(db, w, o, { seats: 1.5 })
	},
	{
		name: 'more seats than free',
		status: 409,
		message: /Der er ikke plads: 2 ledige pladser, og du bad om 4/,
		setup: async (db, w, o) => void (await book(db, w, o, { seats: 3 })),
		run: (db, w, o) => bookAs(db, w, o, { seats: 4, classLabel: '9.A' })
	},
	{
		name: 'a closed offer',
		status: 409,
		message: /lukket for booking/,
		setup: async (db, w, o) => void (await closeOffer(db, w.users.providerAdmin, o)),
		run: (db, w, o) => bookAs(db, w, o)
	},
	{
		name: 'a cancelled offer',
		status: 409,
		message: /Tilbuddet er aflyst/,
		setup: async (db, w, o) =>
			void (await cancelOffer(db, w.users.providerAdmin, o, { reason: 'Sygdom' })),
		run: (db, w, o) => bookAs(db, w, o)
	},
	{
		name: 'a window not yet open',
		status: 409,
		message: /Der åbnes for booking den 10\. jan\. 2027/,
		offer: { bookingOpensAt: '2027-01-10' },
		run: (db, w, o) => bookAs(db, w, o)
	},
	{
		name: 'a window already closed',
		status: 409,
		message: /Bookingen lukkede den 1\. jan\. 2027/,
		offer: { bookingClosesAt: '2027-01-01' },
		run: (db, w, o) => bookAs(db, w, o)
	},
	{
		name: 'a school the user does not belong to',
		status: 403,
		message: /kan ikke booke for denne skole/,
		run: (db, w, o) => bookAs(db, w, o, { schoolId: w.org.otherSchool })
	},
	{
		name: 'an unknown offer',
		status: 404,
		message: /Tilbuddet findes ikke/,
		run: (db, w) => bookAs(db, w, '00000000-0000-4000-8000-000000000000')
	},
	{
		name: 'first names on a visit',
		status: 400,
		message: /kun angives ved erhvervspraktik/,
		run: (db, w, o) => bookAs(db, w, o, { pupilFirstNames: ['Anna'] })
	},
	{
		name: 'more first names than seats',
		status: 400,
		message: /højst 1 fornavne/,
		offer: { kind: 'erhvervspraktik' },
		run: (db, w, o) => bookAs(db, w, o, { pupilFirstNames: ['Anna', 'Bo'] })
	},
	{
		name: "another school's booking id (cancel)",
		status: 404,
		message: /Bookingen findes ikke/,
		setup: async (db, w, o) => {
			otherBooking = (await book(db, w, o, { schoolId: w.org.otherSchool }, 'otherSchool')).id;
		},
		run: (db, w) => cancelBooking(db, w.users.coordinator, otherBooking, { reason: 'Fejl' })
	},
	{
		name: "a provider confirming another provider's booking",
		status: 404,
		message: /Bookingen findes ikke/,
		setup: async (db, w, o) => {
			otherBooking = (await book(db, w, o)).id;
		},
		run: (db, w) => confirmBooking(db, w.users.otherCompany, otherBooking)
	},
	{
		name: 'the school confirming its own request',
		status: 403,
		message: /Kun udbyderen/,
		setup: async (db, w, o) => {
			otherBooking = (await book(db, w, o)).id;
		},
		run: (db, w) => confirmBooking(db, w.users.coordinator, otherBooking)
	},
	{
		name: 'declined → confirmed',
		status: 409,
		message: /Bookingen er afvist og kan ikke bekræftes/,
		setup: async (db, w, o) => {
			otherBooking = (await book(db, w, o)).id;
			await declineBooking(db, w.users.providerAdmin, otherBooking, { message: 'Fuldt' });
		},
		run: (db, w) => confirmBooking(db, w.users.providerAdmin, otherBooking)
	},
	{
		name: 'a cancellation without a reason',
		status: 400,
		message: /Skriv en begrundelse/,
		setup: async (db, w, o) => {
			otherBooking = (await book(db, w, o)).id;
		},
		run: (db, w) => cancelBooking(db, w.users.coordinator, otherBooking, { reason: '  ' })
	}
];

async function snapshot(db: Database['db']) {
	const bookings = await db
		.selectFrom('booking')
		.select(['id', 'status', 'seats'])
		.orderBy('id')
		.execute();
	const outbox = await db.selectFrom('outbox').select('id').execute();
	const offers = await db.selectFrom('offer').select(['id', 'status']).orderBy('id').execute();
	return { bookings, outbox: outbox.length, offers };
}

describe('booking bad input', () => {
	const world = useBookingWorld();

	for (const c of CASES) {
		it(`refuses ${c.name} with ${c.status}, a Danish message and nothing written`, async () => {
			const fields = c.offer?.kind
				? praktikFields(world, { ...c.offer, ownerId: world.org.company, capacity: '5' })
				: visitFields(world, { ...c.offer, capacity: '5' });
			const offerId = await makeOffer(world.db, world, fields);
			await c.setup?.(world.db, world, offerId);
			const before = await snapshot(world.db);
			const result = await c.run(world.db, world, offerId);
			expect(result.ok).toBe(false);
			if (result.ok) return;
			expect(result.status).toBe(c.status);
			expect(result.message).toMatch(c.message);
			expect(await snapshot(world.db)).toEqual(before);
		});
	}
});
