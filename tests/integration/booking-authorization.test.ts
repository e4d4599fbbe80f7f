import { beforeEach, describe, expect, it } from 'vitest';
import {
	bookSeats,
	cancelBooking,
	confirmBooking,
	declineBooking,
	findBookingForUser,
	type Result
} from '../../src/lib/bookings/server/booking';
import { closeOffer, createOffer } from '../../src/lib/bookings/server/offer';
import { offerSchema } from '../../src/lib/bookings/offer-schema';
import {
	TODAY,
	book,
	bookingInput,
	makeOffer,
	visitFields,
	type Person,
	useBookingWorld
} from './booking-fixtures';

type Outcome = 'ok' | 403 | 404;
const ACTIONS = [
	'createOffer',
	'editOffer',
	'book',
	'confirm',
	'decline',
	'cancel',
	'view'
] as const;
type Action = (typeof ACTIONS)[number];

// Smedjen's alliance-visible visit; Byskolen (Horsens) has requested a booking on it.
// Booking for Byskolen; another school's, municipality's or company's people get 404 on the booking.
const TABLE: Record<Person, Record<Action, Outcome>> = {
	coordinator: {
		createOffer: 403,
		editOffer: 403,
		book: 'ok',
		confirm: 403,
		decline: 403,
		cancel: 'ok',
		view: 'ok'
	},
	teacher: {
		createOffer: 403,
		editOffer: 403,
		book: 'ok',
		confirm: 403,
		decline: 403,
		cancel: 'ok',
		view: 'ok'
	},
	municipality: {
		createOffer: 403,
		editOffer: 403,
		book: 'ok',
		confirm: 403,
		decline: 403,
		cancel: 'ok',
		view: 'ok'
	},
	otherMunicipality: {
		createOffer: 403,
		editOffer: 403,
		book: 403,
		confirm: 404,
		decline: 404,
		cancel: 404,
		view: 404
	},
	otherSchool: {
		createOffer: 403,
		editOffer: 403,
		book: 403,
		confirm: 404,
		decline: 404,
		cancel: 404,
		view: 404
	},
	providerAdmin: {
		createOffer: 'ok',
		editOffer: 'ok',
		book: 403,
		confirm: 'ok',
		decline: 'ok',
		cancel: 'ok',
		view: 'ok'
	},
	providerMember: {
		createOffer: 'ok',
		editOffer: 'ok',
		book: 403,
		confirm: 'ok',
		decline: 'ok',
		cancel: 'ok',
		view: 'ok'
	},
	otherCompany: {
		createOffer: 403,
		editOffer: 403,
		book: 403,
		confirm: 404,
		decline: 404,
		cancel: 404,
		view: 404
	},
	secretariat: {
		createOffer: 'ok',
		editOffer: 'ok',
		book: 'ok',
		confirm: 'ok',
		decline: 'ok',
		cancel: 'ok',
		view: 'ok'
	},
	anonymous: {
		createOffer: 403,
		editOffer: 404,
		book: 404,
		confirm: 404,
		decline: 404,
		cancel: 404,
		view: 404
	}
};

function outcomeOf(result: Result<unknown>): Outcome {
	return result.ok ? 'ok' : (result.status as Outcome);
}

describe('offer and booking authorization (real database)', () => {
	const world = useBookingWorld();
	let offerId: string;
	let bookingId: string;
	beforeEach(async () => {
		offerId = await makeOffer(world.db, world, visitFields(world, { capacity: '20' }));
		bookingId = (await book(world.db, world, offerId, { classLabel: '8.A' })).id;
	});

	async function act(person: Person, action: Action): Promise<Outcome> {
		const db = world.db;
		const user = world.users[person];
		switch (action) {
			case 'createOffer':
				return outcomeOf(
					await createOffer(db, user, offerSchema.parse(visitFields(world)), { today: TODAY })
				);
			case 'editOffer':
				return outcomeOf(await closeOffer(db, user, offerId));
			case 'book':
				return outcomeOf(await bookSeats(db, user, bookingInput(world, offerId), { today: TODAY }));
			case 'confirm':
				return outcomeOf(await confirmBooking(db, user, bookingId));
			case 'decline':
				return outcomeOf(await declineBooking(db, user, bookingId));
			case 'cancel':
				return outcomeOf(await cancelBooking(db, user, bookingId, { reason: 'Test' }));
			case 'view':
				return (await findBookingForUser(db, user, bookingId)) ? 'ok' : 404;
		}
	}

	for (const [person, row] of Object.entries(TABLE) as [Person, Record<Action, Outcome>][]) {
		describe(person, () => {
			for (const action of ACTIONS) {
				it(`${action} → ${row[action]}`, async () => {
					const before = await world.db.selectFrom('booking').select(['id', 'status']).execute();
					const outcome = await act(person, action);
					expect(outcome).toBe(row[action]);
					if (outcome !== 'ok') {
						expect(await world.db.selectFrom('booking').select(['id', 'status']).execute()).toEqual(
							before
						);
					}
				});
			}
		});
	}

	it('refuses an anonymous booking of a public offer with 403 (log in)', async () => {
		const publicOffer = await makeOffer(
			world.db,
			world,
			visitFields(world, { visibility: 'public' })
		);
		const result = await bookSeats(world.db, null, bookingInput(world, publicOffer), {
			today: TODAY
		});
		expect(result).toMatchObject({ ok: false, status: 403, message: 'Log ind for at booke' });
	});
});
