import { beforeEach, describe, expect, it } from 'vitest';
import {
	checklistItems,
	listChecklistDue,
	updateChecklist
} from '../../src/lib/bookings/server/booking';
import { book, makeOffer, praktikFields, visitFields, useBookingWorld } from './booking-fixtures';

// The erhvervspraktik in the fixtures starts Monday 8 March 2027 (uge 10).
const START = '2027-03-08';
const none: Parameters<typeof checklistItems>[0] = {
	startDate: START,
	agreementSignedAt: null,
	parentsConsentAt: null,
	uuNotifiedAt: null
};
const stateOf = (today: string, field: string, booking = none) =>
	checklistItems(booking, today).find((i) => i.field === field)!.state;

describe('booking-checklist', () => {
	describe('checklistItems', () => {
		it('puts the UU deadline exactly 21 days before the start', () => {
			const uu = checklistItems(none, '2027-01-01').find((i) => i.field === 'uuNotified');
			expect(uu?.deadline).toBe('2027-02-15');
		});

		it('is due soon on the deadline day and overdue the day after', () => {
			expect(stateOf('2027-02-15', 'uuNotified')).toBe('due_soon');
			expect(stateOf('2027-02-16', 'uuNotified')).toBe('overdue');
		});

		it('is due soon from 7 days before the deadline, pending before that', () => {
			expect(stateOf('2027-02-08', 'uuNotified')).toBe('due_soon');
			expect(stateOf('2027-02-07', 'uuNotified')).toBe('pending');
		});

		it('gives the agreement 14 and the consent 7 days, in deadline order', () => {
			const items = checklistItems(none, '2027-01-01');
			expect(items.map((i) => [i.field, i.deadline])).toEqual([
				['uuNotified', '2027-02-15'],
				['agreementSigned', '2027-02-22'],
				['parentsConsent', '2027-03-01']
			]);
			expect(items[0].label).toBe('UU orienteret');
		});

		it('is done once dated, even after the deadline', () => {
			expect(stateOf('2027-03-05', 'uuNotified', { ...none, uuNotifiedAt: '2027-03-01' })).toBe(
				'done'
			);
		});
	});

	describe('with a database', () => {
		const world = useBookingWorld();
		let bookingId: string;
		beforeEach(async () => {
			const praktik = await makeOffer(world.db, world, praktikFields(world));
			bookingId = (await book(world.db, world, praktik, { pupilFirstNames: ['Anna'] })).id;
		});

		describe('listChecklistDue', () => {
			it('lists overdue before due-soon items for the school and its municipality only', async () => {
				const today = '2027-02-20';
				const due = await listChecklistDue(world.db, world.users.teacher, { today });
				expect(due.map((d) => [d.field, d.state])).toEqual([
					['uuNotified', 'overdue'],
					['agreementSigned', 'due_soon']
				]);
				expect(due[0]).toMatchObject({ bookingId, schoolName: 'Byskolen', classLabel: '8.B' });
				expect(await listChecklistDue(world.db, world.users.municipality, { today })).toHaveLength(
					2
				);
				expect(await listChecklistDue(world.db, world.users.otherMunicipality, { today })).toEqual(
					[]
				);
				expect(await listChecklistDue(world.db, world.users.otherSchool, { today })).toEqual([]);
				expect(await listChecklistDue(world.db, null, { today })).toEqual([]);
			});

			it('drops an item once it is ticked off', async () => {
				await updateChecklist(
					world.db,
					world.users.teacher,
					bookingId,
					{ field: 'uuNotified', done: true },
					{
						today: '2027-02-20'
					}
				);
				const due = await listChecklistDue(world.db, world.users.teacher, {
					today: '2027-02-20'
				});
				expect(due.map((d) => d.field)).toEqual(['agreementSigned']);
			});
		});

		describe('updateChecklist', () => {
			it('dates a ticked item today and clears it again', async () => {
				const done = await updateChecklist(
					world.db,
					world.users.coordinator,
					bookingId,
					{ field: 'parentsConsent', done: true },
					{ today: '2027-02-01' }
				);
				expect(done.ok && done.value.parentsConsentAt).toBe('2027-02-01');
				const undone = await updateChecklist(world.db, world.users.coordinator, bookingId, {
					field: 'parentsConsent',
					done: false
				});
				expect(undone.ok && undone.value.parentsConsentAt).toBeNull();
			});

			it('lets the provider register the agreement but not the parents’ consent', async () => {
				const agreement = await updateChecklist(world.db, world.users.providerMember, bookingId, {
					field: 'agreementSigned',
					done: true
				});
				expect(agreement.ok).toBe(true);
				const consent = await updateChecklist(world.db, world.users.providerMember, bookingId, {
					field: 'parentsConsent',
					done: true
				});
				expect(consent).toMatchObject({ ok: false, status: 403 });
			});

			it("answers 404 for another school's booking and 409 for a visit", async () => {
				const other = await updateChecklist(world.db, world.users.otherSchool, bookingId, {
					field: 'uuNotified',
					done: true
				});
				expect(other).toMatchObject({ ok: false, status: 404, message: 'Bookingen findes ikke' });
				const visit = await makeOffer(world.db, world, visitFields(world));
				const visitBooking = await book(world.db, world, visit);
				const refused = await updateChecklist(world.db, world.users.coordinator, visitBooking.id, {
					field: 'uuNotified',
					done: true
				});
				expect(refused).toMatchObject({ ok: false, status: 409 });
			});
		});
	});
});
