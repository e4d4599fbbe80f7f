import { randomUUID } from 'node:crypto';
import type { SessionUser } from '../../src/lib/auth/server/session';
import * as offerPage from '../../src/routes/tilbud/[id]/+page.server';
import * as bookingPage from '../../src/routes/bookinger/[id]/+page.server';
import { fakeEvent } from './organisation.fixtures';
import type { BookingWorld, Person } from './booking-fixtures';

// Calling the offer and booking pages' actions as a browser would post them.

/** Far enough ahead that the routes, which book "today", always find the offers open. */
export const VISIT_DAY = '2035-03-07';
export const PRAKTIK_WEEK = '2035-W10';

export type Fields = Record<string, string | string[]>;
export type ActionResult = {
	status?: number;
	data?: Record<string, unknown> & {
		message?: string;
		errors?: Record<string, string>;
		values?: Fields;
	};
} & Record<string, unknown>;

export function routeCalls(world: BookingWorld) {
	const user = (p: Person) => world.users[p] as SessionUser | null;
	return {
		user,
		/** A booking's redirect to its page reads as { done, bookingId, location }. */
		offerAction: async (
			offerId: string,
			name: keyof typeof offerPage.actions,
			p: Person,
			fields: Fields
		) => {
			try {
				return (await offerPage.actions[name](
					fakeEvent(`/tilbud/${offerId}?/${name}`, user(p), { id: offerId }, fields)
				)) as ActionResult;
			} catch (thrown) {
				const location = (thrown as { location?: string }).location ?? '';
				const booked = /^\/bookinger\/([0-9a-f-]{36})\?booket=(\w+)$/.exec(location);
				if ((thrown as { status?: number }).status !== 303 || !booked) throw thrown;
				return { action: 'book', done: booked[2], bookingId: booked[1], location } as ActionResult;
			}
		},
		bookingAction: (
			name: keyof typeof bookingPage.actions,
			p: Person,
			id: string,
			fields: Fields
		) =>
			bookingPage.actions[name](
				fakeEvent(`/bookinger/${id}?/${name}`, user(p), { id }, fields)
			) as Promise<ActionResult>,
		/** The booking form as a school fills it in, with a fresh idempotency key. */
		bookingFields: (over: Fields = {}): Fields => ({
			schoolId: world.org.school,
			classLabel: '8.B',
			seats: '2',
			teacherName: 'Rasmus Lærer',
			teacherEmail: 'rasmus@byskolen.dk',
			idempotencyKey: randomUUID(),
			...over
		})
	};
}
