import { describe, expect, it } from 'vitest';
import {
	bookSeats,
	cancelBooking,
	confirmBooking,
	declineBooking,
	updateChecklist
} from '../../src/lib/bookings/server/booking';
import {
	cancelOffer,
	closeOffer,
	reopenOffer,
	updateOffer
} from '../../src/lib/bookings/server/offer';
import { offerUpdateSchema } from '../../src/lib/bookings/offer-schema';
import {
	TODAY,
	book,
	bookingInput,
	makeOffer,
	praktikFields,
	visitFields,
	useBookingWorld
} from './booking-fixtures';
import { auditCount, auditEvents, onlyNewEvent } from './audit-fixtures';

describe('audit of offers and bookings (real database)', () => {
	const world = useBookingWorld();

	const visit = (capacity = '5') => makeOffer(world.db, world, visitFields(world, { capacity }));
	const updateFields = (over: Record<string, unknown> = {}) =>
		offerUpdateSchema.parse({
			...visitFields(world),
			startDate: '2027-02-10',
			endDate: '2027-02-10',
			...over
		});

	describe('offers', () => {
		it('records a creation per published week or date, for the provider', async () => {
			const offerId = await visit();
			expect(await auditEvents(world.db)).toEqual([
				{
					actorId: world.users.secretariat!.id,
					actorName: 'Sekretariat',
					organisationId: world.org.company,
					action: 'create',
					entityType: 'offer',
					entityId: offerId,
					summary: 'Besøg på smedjen · 10. feb. 2027'
				}
			]);
		});

		it('records an edit, closing, reopening and cancelling', async () => {
			const offerId = await visit();
			const admin = world.users.providerAdmin!;
			await updateOffer(world.db, admin, offerId, updateFields({ title: 'Nyt besøg' }));
			expect(await onlyNewEvent(world.db, 1)).toMatchObject({
				action: 'update',
				actorId: admin.id,
				organisationId: world.org.company,
				summary: 'Nyt besøg'
			});
			await closeOffer(world.db, admin, offerId);
			expect((await onlyNewEvent(world.db, 2)).summary).toBe('Nyt besøg – lukket for booking');
			await reopenOffer(world.db, admin, offerId);
			expect((await onlyNewEvent(world.db, 3)).summary).toBe('Nyt besøg – åbnet for booking igen');
			await cancelOffer(world.db, admin, offerId, { reason: 'Syg' });
			expect(await onlyNewEvent(world.db, 4)).toMatchObject({
				action: 'cancel',
				entityType: 'offer',
				entityId: offerId
			});
		});

		it('records each booking cancelled with the offer, for its school', async () => {
			const offerId = await visit();
			const booking = await book(world.db, world, offerId, { classLabel: '8.C' });
			const before = await auditCount(world.db);
			await cancelOffer(world.db, world.users.providerAdmin, offerId, { reason: 'Syg' });
			const events = (await auditEvents(world.db)).slice(before);
			expect(events.map((e) => [e.entityType, e.action, e.organisationId])).toEqual([
				['offer', 'cancel', world.org.company],
				['booking', 'cancel', world.org.school]
			]);
			expect(events[1].entityId).toBe(booking.id);
		});

		it('writes nothing when an offer change is refused', async () => {
			const offerId = await visit();
			const stranger = world.users.otherCompany;
			expect((await updateOffer(world.db, stranger, offerId, updateFields())).ok).toBe(false);
			expect((await closeOffer(world.db, world.users.coordinator, offerId)).ok).toBe(false);
			const noReason = await cancelOffer(world.db, world.users.providerAdmin, offerId, {
				reason: ' '
			});
			expect(noReason.ok).toBe(false);
			expect(await auditCount(world.db)).toBe(1);
		});
	});

	describe('bookings', () => {
		it('records a booking once, with the school as organisation and no pupil names', async () => {
			const offerId = await makeOffer(world.db, world, praktikFields(world));
			const booking = await book(world.db, world, offerId, {
				classLabel: '8.B',
				seats: 2,
				pupilFirstNames: ['Ida', 'Noah']
			});
			const event = await onlyNewEvent(world.db, 1);
			expect(event).toEqual({
				actorId: world.users.coordinator!.id,
				actorName: 'Koordinator',
				organisationId: world.org.school,
				action: 'create',
				entityType: 'booking',
				entityId: booking.id,
				summary: '8.B · Erhvervspraktik som smed – anmodet'
			});
			expect(event.summary).not.toMatch(/Ida|Noah/);
		});

		it('says "venteliste" for a booking that joins the waitlist', async () => {
			const offerId = await visit('1');
			await book(world.db, world, offerId, { classLabel: '8.A' });
			const before = await auditCount(world.db);
			const waiting = await book(world.db, world, offerId, {
				classLabel: '9.C',
				joinWaitlist: true
			});
			expect(waiting.status).toBe('waitlisted');
			const event = await onlyNewEvent(world.db, before);
			expect(event).toMatchObject({ entityId: waiting.id, action: 'create' });
			expect(event.summary).toMatch(/^9\.C · .* – på venteliste$/);
		});

		it('writes nothing for a replayed, refused or full booking', async () => {
			const offerId = await visit('1');
			const input = bookingInput(world, offerId);
			await bookSeats(world.db, world.users.coordinator, input, { today: TODAY });
			const before = await auditCount(world.db);
			const replay = await bookSeats(world.db, world.users.coordinator, input, { today: TODAY });
			expect(replay.ok && replay.value.replayed).toBe(true);
			const other = bookingInput(world, offerId, { schoolId: world.org.school });
			const refused = await bookSeats(world.db, world.users.otherSchool, other, {
				today: TODAY
			});
			expect(refused.ok).toBe(false);
			const full = await bookSeats(world.db, world.users.coordinator, other, { today: TODAY });
			expect(full.ok).toBe(false);
			expect(await auditCount(world.db)).toBe(before);
		});

		it('records confirm, decline and cancel by their actors', async () => {
			const offerId = await visit();
			const a = await book(world.db, world, offerId, { classLabel: '8.A' });
			const b = await book(world.db, world, offerId, { classLabel: '8.B' });
			const provider = world.users.providerAdmin!;
			const before = await auditCount(world.db);
			await confirmBooking(world.db, provider, a.id);
			await declineBooking(world.db, provider, b.id);
			await cancelBooking(world.db, world.users.coordinator, a.id, { reason: 'Sygdom' });
			const events = (await auditEvents(world.db)).slice(before);
			expect(events.map((e) => [e.action, e.actorId, e.entityId, e.organisationId])).toEqual([
				['update', provider.id, a.id, world.org.school],
				['update', provider.id, b.id, world.org.school],
				['cancel', world.users.coordinator!.id, a.id, world.org.school]
			]);
			expect(events.map((e) => e.summary)).toEqual([
				'8.A · Besøg på smedjen – bekræftet',
				'8.B · Besøg på smedjen – afvist',
				'8.A · Besøg på smedjen – aflyst'
			]);
		});

		it('records a waitlist promotion with the system as actor', async () => {
			const offerId = await visit('1');
			const a = await book(world.db, world, offerId);
			const waiting = await book(world.db, world, offerId, {
				classLabel: '9.A',
				joinWaitlist: true
			});
			const before = await auditCount(world.db);
			await cancelBooking(world.db, world.users.coordinator, a.id, { reason: 'Sygdom' });
			const events = (await auditEvents(world.db)).slice(before);
			expect(events).toEqual([
				expect.objectContaining({ action: 'cancel', entityId: a.id }),
				expect.objectContaining({
					actorId: null,
					actorName: '',
					action: 'update',
					entityId: waiting.id,
					summary: '9.A · Besøg på smedjen – anmodet'
				})
			]);
		});

		it('writes nothing for a refused answer', async () => {
			const offerId = await visit();
			const a = await book(world.db, world, offerId);
			const before = await auditCount(world.db);
			expect((await confirmBooking(world.db, world.users.coordinator, a.id)).ok).toBe(false);
			expect((await confirmBooking(world.db, world.users.otherCompany, a.id)).ok).toBe(false);
			const noReason = await cancelBooking(world.db, world.users.coordinator, a.id, {
				reason: ''
			});
			expect(noReason.ok).toBe(false);
			expect(await auditCount(world.db)).toBe(before);
		});

		it('records checklist changes, and nothing for a refused one', async () => {
			const offerId = await makeOffer(world.db, world, praktikFields(world));
			const booking = await book(world.db, world, offerId, { classLabel: '8.B' });
			const before = await auditCount(world.db);
			const field = { field: 'parentsConsent' as const, done: true };
			const refused = await updateChecklist(world.db, world.users.otherSchool, booking.id, field);
			expect(refused.ok).toBe(false);
			expect(await auditCount(world.db)).toBe(before);
			await updateChecklist(world.db, world.users.coordinator, booking.id, field, {
				today: TODAY
			});
			expect(await onlyNewEvent(world.db, before)).toMatchObject({
				action: 'update',
				entityType: 'booking',
				entityId: booking.id,
				actorId: world.users.coordinator!.id,
				summary: '8.B · Erhvervspraktik som smed – Forældrenes samtykke: udført'
			});
		});
	});
});
