import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { POST } from '../../src/routes/api/offers/[id]/bookings/+server';
import { fakeLocals } from './organisation.fixtures';
import { counts, makeOffer, visitFields, type Person, useBookingWorld } from './booking-fixtures';
import { VISIT_DAY } from './booking-route-fixtures';

// The JSON booking endpoint, called as SvelteKit would call it, on PGlite and (with DATABASE_URL)
// on PostgreSQL, where the concurrent posts really run at the same time.
const ORIGIN = 'http://localhost';

describe('routes/api/offers/[id]/bookings', () => {
	const world = useBookingWorld({ routes: true });
	let offerId: string;

	beforeEach(async () => {
		offerId = await makeOffer(world.db, world, visitFields(world, { dates: [VISIT_DAY] }));
	});

	const fields = (over: Record<string, unknown> = {}) => ({
		schoolId: world.org.school,
		classLabel: '8.B',
		seats: 2,
		teacherName: 'Rasmus Lærer',
		teacherEmail: 'rasmus@byskolen.dk',
		...over
	});

	interface Post {
		as?: Person;
		id?: string;
		body?: unknown;
		key?: string | null;
		headers?: Record<string, string>;
	}
	async function post({ as = 'coordinator', id = offerId, body, key, headers }: Post = {}) {
		const url = new URL(`${ORIGIN}/api/offers/${id}/bookings`);
		const request = new Request(url, {
			method: 'POST',
			headers: {
				origin: ORIGIN,
				'content-type': 'application/json',
				...(key === null ? {} : { 'idempotency-key': key ?? randomUUID() }),
				...headers
			},
			body: typeof body === 'string' ? body : JSON.stringify(body ?? fields())
		});
		const event = {
			request,
			url,
			params: { id },
			locals: fakeLocals(world.users[as])
		};
		const response = await POST(event as never);
		return { status: response.status, headers: response.headers, json: await response.json() };
	}

	describe('POST', () => {
		it('books and answers 201 with the booking and where to see it', async () => {
			const answer = await post();
			expect(answer.status).toBe(201);
			expect(answer.json).toMatchObject({
				replayed: false,
				booking: { offerId, schoolId: world.org.school, seats: 2, status: 'requested' }
			});
			expect(answer.headers.get('location')).toBe(`/bookinger/${answer.json.booking.id}`);
			expect(answer.json.booking).not.toHaveProperty('idempotencyKey');
			// The provider's mail is recorded in the same transaction.
			expect(await counts(world.db)).toMatchObject({ bookings: 1, seats: 2, outbox: 1 });
		});

		it('books once for the same Idempotency-Key and says the second was a replay', async () => {
			const key = randomUUID();
			const first = await post({ key });
			const second = await post({ key });
			expect(second.status).toBe(200);
			expect(second.json).toMatchObject({ replayed: true, booking: { id: first.json.booking.id } });
			expect(await counts(world.db)).toMatchObject({ bookings: 1, seats: 2, outbox: 1 });
		});

		it('refuses a post from another site with 403 and books nothing', async () => {
			const answer = await post({ headers: { origin: 'https://evil.example' } });
			expect(answer.status).toBe(403);
			expect(answer.json.message).toMatch(/anden side/);
			expect((await counts(world.db)).bookings).toBe(0);
		});

		it('answers 401 to a visitor who is not logged in', async () => {
			const answer = await post({ as: 'anonymous' });
			expect(answer.status).toBe(401);
			expect(answer.json.message).toBe('Log ind for at booke');
		});

		it('answers 404 for an unknown offer, a malformed id and an offer the user cannot see', async () => {
			expect((await post({ id: randomUUID() })).status).toBe(404);
			expect((await post({ id: 'not-an-offer' })).status).toBe(404);
			// Another company's private activity: the school may not even learn that it exists.
			const hidden = await makeOffer(world.db, world, visitFields(world, { dates: [VISIT_DAY] }));
			await world.db
				.updateTable('activity')
				.set({ visibility: 'private' })
				.where('id', '=', (eb) =>
					eb.selectFrom('offer').select('activityId').where('id', '=', hidden)
				)
				.execute();
			const answer = await post({ id: hidden });
			expect(answer.status).toBe(404);
			expect((await counts(world.db)).bookings).toBe(0);
		});

		it('refuses booking for another school with 403', async () => {
			const answer = await post({ body: fields({ schoolId: world.org.otherSchool }) });
			expect(answer.status).toBe(403);
			expect(answer.json.errors.schoolId).toBeTruthy();
			expect((await counts(world.db)).bookings).toBe(0);
		});

		it('answers 400 in Danish per field for a bad body and writes nothing', async () => {
			const answer = await post({
				body: fields({ seats: 0, teacherEmail: 'ikke-en-adresse', classLabel: '' })
			});
			expect(answer.status).toBe(400);
			expect(answer.json.message).toBe(
				'Formularen indeholder fejl. Ret felterne markeret herunder.'
			);
			expect(Object.keys(answer.json.errors).sort()).toEqual(
				['classLabel', 'seats', 'teacherEmail'].sort()
			);
			expect(await counts(world.db)).toMatchObject({ bookings: 0, outbox: 0 });
		});

		it('answers 400 without an Idempotency-Key, 400 for broken JSON, 415 for a form', async () => {
			const noKey = await post({ key: null });
			expect(noKey.status).toBe(400);
			expect(noKey.json.message).toMatch(/Idempotency-Key/);
			expect((await post({ body: '{"seats":' })).status).toBe(400);
			expect((await post({ body: '[1, 2]' })).status).toBe(400);
			const form = await post({
				headers: { 'content-type': 'application/x-www-form-urlencoded' },
				body: 'seats=1'
			});
			expect(form.status).toBe(415);
			expect((await counts(world.db)).bookings).toBe(0);
		});

		it('never books more than the capacity under 12 concurrent posts', async () => {
			const answers = await Promise.all(
				Array.from({ length: 12 }, (_, i) =>
					post({ body: fields({ seats: 1, classLabel: `8.${i}` }) })
				)
			);
			const statuses = answers.map((a) => a.status).sort();
			expect(statuses).toEqual([...Array(5).fill(201), ...Array(7).fill(409)]);
			const full = answers.find((a) => a.status === 409)!;
			expect(full.json.errors.seats).toMatch(/Der er ikke plads: 0 ledige pladser/);
			expect(await counts(world.db)).toMatchObject({ bookings: 5, seats: 5, outbox: 5 });
		});

		it('waitlists when asked and the offer is full', async () => {
			await post({ body: fields({ seats: 5 }) });
			const answer = await post({ body: fields({ seats: 2, joinWaitlist: true }) });
			expect(answer.status).toBe(201);
			expect(answer.json.booking.status).toBe('waitlisted');
			// No mail for a waiting booking: the provider has nothing to answer yet.
			expect(await counts(world.db)).toMatchObject({ bookings: 2, seats: 5, outbox: 1 });
		});

		it('refuses a NUL or other control character in any field with a Danish 400, as the form does', async () => {
			const hostile: [string, unknown][] = [
				['classLabel', '8.B\u0000'],
				['teacherName', 'Rasmus\u0001'],
				['teacherEmail', 'rasmus@byskolen.dk\u001b'],
				['pupilFirstNames', ['Ida', 'Bo\u0000']],
				['message', 'hej\u007f'],
				['classLabel', '8.B\ud800']
			];
			for (const [field, value] of hostile) {
				const answer = await post({ body: fields({ [field]: value }) });
				expect(answer.status, field).toBe(400);
				expect(answer.json.errors[field], field).toBe(
					'Teksten indeholder usynlige kontroltegn, som ikke kan gemmes. Skriv den igen.'
				);
			}
			const raw = await post({ body: '{"classLabel": "8.B\\u0000", "seats": 1}' });
			expect(raw.status).toBe(400);
			expect(await counts(world.db)).toMatchObject({ bookings: 0, outbox: 0 });
		});
	});
});
