import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { listActivities } from '../../src/lib/activities/server/queries/activities';
import * as offerPage from '../../src/routes/tilbud/[id]/+page.server';
import * as bookingPage from '../../src/routes/bookinger/[id]/+page.server';
import { fakeEvent } from './organisation.fixtures';
import { counts, makeOffer, visitFields, type Person, useBookingWorld } from './booking-fixtures';
import { VISIT_DAY, routeCalls, type Fields } from './booking-route-fixtures';

describe('routes/tilbud/[id] booking and answers', () => {
	const world = useBookingWorld({ routes: true });
	let offerId: string;
	let calls: ReturnType<typeof routeCalls>;
	const user = (p: Person) => calls.user(p);
	const offerAction = (name: Parameters<typeof calls.offerAction>[1], p: Person, fields: Fields) =>
		calls.offerAction(offerId, name, p, fields);
	const bookingAction = (...args: Parameters<typeof calls.bookingAction>) =>
		calls.bookingAction(...args);
	const bookingFields = (over: Fields = {}) => calls.bookingFields(over);
	const bookingRows = () =>
		world.db.selectFrom('booking').select(['id', 'status', 'seats']).execute();

	beforeEach(async () => {
		calls = routeCalls(world);
		offerId = await makeOffer(world.db, world, visitFields(world, { dates: [VISIT_DAY] }));
	});

	describe('load', () => {
		it('gives a school its schools, a fresh idempotency key and the open window', async () => {
			const load = () =>
				offerPage.load(fakeEvent(`/tilbud/${offerId}`, user('coordinator'), { id: offerId }));
			const data = (await load()) as Record<string, unknown> & { idempotencyKey: string };
			expect(data).toMatchObject({
				window: 'open',
				schools: [{ id: world.org.school, name: 'Byskolen' }],
				offer: { free: 5, capacity: 5 }
			});
			const again = (await load()) as { idempotencyKey: string };
			expect(data.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
			expect(again.idempotencyKey).not.toBe(data.idempotencyKey);
		});

		it('answers 404 for an unknown offer', async () => {
			const id = randomUUID();
			await expect(
				offerPage.load(fakeEvent(`/tilbud/${id}`, user('coordinator'), { id }))
			).rejects.toMatchObject({ status: 404 });
		});
	});

	describe('?/book', () => {
		it('books, and the school takes part in the activity on its wheel', async () => {
			const result = await offerAction('book', 'coordinator', bookingFields());
			expect(result).toMatchObject({ action: 'book', done: 'requested' });
			// The user lands on the booking's page, which says what happened and what comes next.
			expect(result.location).toBe(`/bookinger/${result.bookingId}?booket=requested`);
			expect(await bookingRows()).toMatchObject([{ status: 'requested', seats: 2 }]);
			const wheel = await listActivities(world.db, user('coordinator'), {
				from: VISIT_DAY,
				to: VISIT_DAY,
				filters: { categoryIds: [], schoolId: world.org.school }
			});
			expect(wheel.map((a) => a.title)).toEqual(['Besøg på smedjen']);
		});

		it.each([
			['0 seats', { seats: '0' }, 'seats'],
			['no class', { classLabel: '  ' }, 'classLabel'],
			['a bad teacher e-mail', { teacherEmail: 'rasmus' }, 'teacherEmail']
		])('refuses %s with 400, the form refilled and nothing written', async (_, over, field) => {
			const before = await counts(world.db);
			const fields = bookingFields(over);
			const result = await offerAction('book', 'coordinator', fields);
			expect(result.status).toBe(400);
			expect(result.data?.errors?.[field]).toBeTruthy();
			expect(result.data?.values).toMatchObject({ teacherName: 'Rasmus Lærer', ...over });
			expect(await counts(world.db)).toEqual(before);
		});

		it('refuses more seats than free with a Danish reason, the form refilled', async () => {
			const result = await offerAction('book', 'coordinator', bookingFields({ seats: '6' }));
			expect(result.status).toBe(409);
			expect(result.data?.errors?.seats).toContain('5');
			expect(result.data?.values).toMatchObject({ seats: '6', classLabel: '8.B' });
			expect(await bookingRows()).toEqual([]);
		});

		it('books once when the same submit arrives twice, also at the same moment', async () => {
			const fields = bookingFields();
			const [a, b] = await Promise.all([
				offerAction('book', 'coordinator', fields),
				offerAction('book', 'coordinator', fields)
			]);
			const third = await offerAction('book', 'coordinator', fields);
			expect([a.done, b.done].sort()).toEqual(['replayed', 'requested']);
			expect(third).toMatchObject({ done: 'replayed', bookingId: a.bookingId });
			expect(await bookingRows()).toHaveLength(1);
		});

		it('puts the class on the waitlist when full', async () => {
			await offerAction('book', 'coordinator', bookingFields({ seats: '5' }));
			const refused = await offerAction('book', 'teacher', bookingFields({ classLabel: '9.A' }));
			expect(refused.status).toBe(409);
			const waiting = await offerAction(
				'waitlist',
				'teacher',
				bookingFields({ classLabel: '9.A' })
			);
			expect(waiting).toMatchObject({ done: 'waitlisted' });
		});

		it('lets a municipality book for its own schools only', async () => {
			const own = await offerAction(
				'book',
				'municipality',
				bookingFields({ schoolId: world.org.otherSchool })
			);
			expect(own).toMatchObject({ done: 'requested' });
			const other = await offerAction(
				'book',
				'otherMunicipality',
				bookingFields({ schoolId: world.org.school })
			);
			expect(other.status).toBe(403);
			expect(other.data?.errors?.schoolId).toBeTruthy();
			expect(await bookingRows()).toHaveLength(1);
		});

		it('refuses booking for another school, and redirects visitors to login', async () => {
			const result = await offerAction('book', 'otherSchool', bookingFields());
			expect(result.status).toBe(403);
			expect(await bookingRows()).toEqual([]);
			await expect(offerAction('book', 'anonymous', bookingFields())).rejects.toMatchObject({
				status: 303,
				location: `/login?next=${encodeURIComponent(`/tilbud/${offerId}`)}`
			});
		});
	});

	describe('?/split', () => {
		it('books the free places and puts the rest of the class on the waiting list', async () => {
			await offerAction('book', 'coordinator', bookingFields({ seats: '1', classLabel: '7.A' }));
			const result = await offerAction('split', 'teacher', bookingFields({ seats: '24' }));
			expect(result).toMatchObject({ done: 'split' });
			const rows = await bookingRows();
			expect(rows.map((r) => [r.status, r.seats]).sort()).toEqual([
				['requested', 1],
				['requested', 4],
				['waitlisted', 20]
			]);
		});
	});

	describe('?/preview', () => {
		it('shows the class already booked before booking, writing nothing', async () => {
			await offerAction('book', 'coordinator', bookingFields());
			const other = await makeOffer(
				world.db,
				world,
				visitFields(world, { dates: [VISIT_DAY], title: 'Andet besøg' })
			);
			const result = (await offerPage.actions.preview(
				fakeEvent(`/tilbud/${other}?/preview`, user('coordinator'), { id: other }, bookingFields())
			)) as { conflicts: { kind: string }[] };
			expect(result.conflicts.map((c) => c.kind)).toEqual(['class_double_booked']);
			expect(await bookingRows()).toHaveLength(1);
		});
	});

	describe('answers', () => {
		let bookingId: string;
		beforeEach(async () => {
			bookingId = String((await offerAction('book', 'coordinator', bookingFields())).bookingId);
		});

		it('lets the provider confirm: status confirmed and a mail to the school', async () => {
			const result = await offerAction('confirm', 'providerMember', {
				bookingId,
				message: 'Mød op ved porten.'
			});
			expect(result).toMatchObject({ action: 'confirm', done: true });
			expect(await bookingRows()).toMatchObject([{ status: 'confirmed' }]);
			const mails = await world.db.selectFrom('outbox').select(['toAddress', 'bodyText']).execute();
			expect(mails.map((m) => m.toAddress)).toContain('rasmus@byskolen.dk');
			expect(mails.find((m) => m.toAddress === 'rasmus@byskolen.dk')?.bodyText).toContain(
				'Mød op ved porten.'
			);
		});

		it("answers 404 to another school's or company's attempts on a booking", async () => {
			await expect(
				bookingPage.load(
					fakeEvent(`/bookinger/${bookingId}`, user('otherSchool'), { id: bookingId })
				)
			).rejects.toMatchObject({ status: 404 });
			await expect(
				bookingAction('cancel', 'otherSchool', bookingId, { reason: 'Vi vil ikke' })
			).rejects.toMatchObject({ status: 404 });
			await expect(
				offerAction('confirm', 'otherCompany', { bookingId, message: '' })
			).rejects.toMatchObject({ status: 404 });
			expect(await bookingRows()).toMatchObject([{ status: 'requested' }]);
		});

		it('refuses the school confirming its own request, and a cancel without reason', async () => {
			const confirm = await bookingAction('confirm', 'coordinator', bookingId, { message: '' });
			expect(confirm.status).toBe(403);
			const cancel = await bookingAction('cancel', 'coordinator', bookingId, { reason: ' ' });
			expect(cancel.status).toBe(400);
			expect(cancel.data?.errors?.reason).toBeTruthy();
			expect(await bookingRows()).toMatchObject([{ status: 'requested' }]);
		});

		it('lets the school cancel with a reason', async () => {
			const result = await bookingAction('cancel', 'coordinator', bookingId, {
				reason: 'Syg klasse'
			});
			expect(result).toMatchObject({ done: true });
			expect(await bookingRows()).toMatchObject([{ status: 'cancelled' }]);
		});
	});
});
