import { beforeEach, describe, expect, it } from 'vitest';
import {
	conflictsForBooking,
	confirmBooking,
	findConflicts,
	previewBookingConflicts,
	updateChecklist
} from '../../src/lib/bookings/server/booking';
import { normaliseClassLabel, timesOverlap } from '../../src/lib/bookings/server/conflicts';
import { book, makeOffer, praktikFields, visitFields, useBookingWorld } from './booking-fixtures';

describe('booking-conflicts', () => {
	const world = useBookingWorld();
	beforeEach(async () => {
		await world.db
			.insertInto('schoolHoliday')
			.values([
				{
					municipalityId: world.org.horsens,
					name: 'Vinterferie',
					startDate: '2027-02-13',
					endDate: '2027-02-21'
				},
				{
					municipalityId: world.org.odder,
					name: 'Odders vinterferie',
					startDate: '2027-02-06',
					endDate: '2027-02-14'
				}
			])
			.execute();
	});

	describe('normaliseClassLabel', () => {
		it('treats 8.B, 8 b and 8b as one class', () => {
			expect(new Set(['8.B', '8 b', '8b'].map(normaliseClassLabel)).size).toBe(1);
		});
	});

	describe('timesOverlap', () => {
		const day = (startTime: string | null, endTime: string | null) => ({
			startDate: '2027-02-10',
			endDate: '2027-02-10',
			startTime,
			endTime
		});
		it('separates back-to-back visits on one day', () => {
			expect(timesOverlap(day('09:00:00', '11:00:00'), day('11:00:00', '12:00:00'))).toBe(false);
			expect(timesOverlap(day('09:00:00', '11:00:00'), day('10:30:00', '12:00:00'))).toBe(true);
		});
		it('counts an all-day event as overlapping any time that day', () => {
			expect(timesOverlap(day(null, null), day('11:00:00', '12:00:00'))).toBe(true);
		});
	});

	describe('findConflicts', () => {
		it('finds the same class booked at an overlapping time, not another class or time', async () => {
			const visit = await makeOffer(world.db, world, visitFields(world));
			const existing = await book(world.db, world, visit, { classLabel: '8.B' });
			const span = { schoolId: world.org.school, startDate: '2027-02-10', endDate: '2027-02-10' };
			const clash = await findConflicts(world.db, {
				...span,
				classLabel: '8b',
				startTime: '10:00:00',
				endTime: '12:00:00'
			});
			expect(clash).toEqual([
				{
					kind: 'class_double_booked',
					bookingId: existing.id,
					message: '8.B er allerede booket til »Besøg på smedjen« 10. feb. 2027'
				}
			]);
			expect(await findConflicts(world.db, { ...span, classLabel: '8.C' })).toEqual([]);
			expect(
				await findConflicts(world.db, {
					...span,
					classLabel: '8.B',
					startTime: '12:00:00',
					endTime: '13:00:00'
				})
			).toEqual([]);
			expect(
				await findConflicts(world.db, {
					...span,
					classLabel: '8.B',
					excludeBookingId: existing.id
				})
			).toEqual([]);
		});

		it("finds the school's own municipality's holidays only", async () => {
			const span = { startDate: '2027-02-08', endDate: '2027-02-12' };
			expect(await findConflicts(world.db, { ...span, schoolId: world.org.school })).toEqual([]);
			const odder = await findConflicts(world.db, { ...span, schoolId: world.org.odderSchool });
			expect(odder.map((c) => c.kind)).toEqual(['school_holiday']);
			expect(odder[0].message).toBe(
				'Datoen ligger i skolernes ferie: Odders vinterferie (6.–14. feb. 2027 (uge 5–6))'
			);
		});

		it('finds a Danish public holiday (Kristi himmelfartsdag 2027) in the span', async () => {
			const conflicts = await findConflicts(world.db, {
				schoolId: world.org.school,
				startDate: '2027-05-03',
				endDate: '2027-05-07'
			});
			expect(conflicts).toEqual([
				{ kind: 'public_holiday', message: '6. maj 2027 er helligdag: Kristi Himmelfartsdag' }
			]);
		});
	});

	describe('previewBookingConflicts', () => {
		it('checks an offer before booking, for a school the user may book for', async () => {
			const visit = await makeOffer(world.db, world, visitFields(world, { dates: ['2027-02-15'] }));
			const preview = await previewBookingConflicts(world.db, world.users.coordinator, {
				offerId: visit,
				schoolId: world.org.school,
				classLabel: '8.B'
			});
			expect(preview?.map((c) => c.kind)).toEqual(['school_holiday']);
			const other = await previewBookingConflicts(world.db, world.users.otherSchool, {
				offerId: visit,
				schoolId: world.org.school
			});
			expect(other).toBeNull();
		});
	});

	describe('conflictsForBooking', () => {
		it('flags a confirmed erhvervspraktik without a signed agreement until it is registered', async () => {
			const praktik = await makeOffer(world.db, world, praktikFields(world));
			const booking = await book(world.db, world, praktik);
			expect(await conflictsForBooking(world.db, world.users.coordinator, booking.id)).toEqual([]);
			await confirmBooking(world.db, world.users.providerAdmin, booking.id);
			const missing = await conflictsForBooking(world.db, world.users.coordinator, booking.id);
			expect(missing?.map((c) => c.kind)).toEqual(['agreement_missing']);
			expect(missing?.[0].message).toContain('underskrevet praktikaftale for 8.B');
			await updateChecklist(world.db, world.users.providerAdmin, booking.id, {
				field: 'agreementSigned',
				done: true
			});
			expect(await conflictsForBooking(world.db, world.users.coordinator, booking.id)).toEqual([]);
			expect(await conflictsForBooking(world.db, world.users.otherSchool, booking.id)).toBeNull();
		});
	});
});
