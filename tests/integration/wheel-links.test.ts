import { render } from 'svelte/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../db/seed/index';
import type { Database } from '../../src/lib/platform/server/db/engine';
import { findBookingForUser, findOfferForUser } from '../../src/lib/bookings/server';
import { decode } from '../helpers/wheel-svg';
import Wheel from '../../src/lib/wheel/components/Wheel.svelte';
import { loadWheel } from '../../src/lib/wheel/server/wheel';
import { createTestDatabase, truncateAll } from '../helpers/db';
import { actorByEmail, memberOf } from '../helpers/stored-actor';

// Where an arc leads, against the demo data: Stensballeskolen has a confirmed erhvervspraktik at
// Bygholm Stål in uge 6 and a requested visit there; Lundskolen is on the waiting list for the
// same week; Bygholm Stål is the provider of both.

const YEAR = '2026/27';
const NOW = new Date('2026-10-14T10:00:00Z');

/** The offers of the demo year: activity id → offer id, and the bookings by school name. */
async function offersAndBookings(database: Database) {
	const offers = await database.db.selectFrom('offer').select(['id', 'activityId']).execute();
	const bookings = await database.db
		.selectFrom('booking')
		.innerJoin('offer', 'offer.id', 'booking.offerId')
		.innerJoin('organisation', 'organisation.id', 'booking.schoolId')
		.select(['booking.id', 'booking.status', 'offer.activityId', 'organisation.name as school'])
		.execute();
	return { offerOf: new Map(offers.map((o) => [o.activityId, o.id])), bookings };
}

describe('wheel links', () => {
	let database: Database;

	beforeAll(async () => {
		database = await createTestDatabase();
		await truncateAll(database);
		await seedDemo(database.db);
	});
	afterAll(async () => {
		await database?.close();
	});

	describe('loadWheel', () => {
		it('leads the booking school to its bookings, with their status, and to offers otherwise', async () => {
			const school = await actorByEmail(database.db, 'skole@aarshjul.example');
			const { activities } = await loadWheel(database.db, school, { year: YEAR });
			const { offerOf, bookings } = await offersAndBookings(database);
			const own = bookings.filter(
				(b) => b.school === 'Stensballeskolen' && b.status !== 'declined'
			);
			expect(own.map((b) => b.status).sort()).toEqual(['confirmed', 'requested']);
			for (const booking of own) {
				const item = activities.find((a) => a.id === booking.activityId)!;
				expect(item.href).toBe(`/bookinger/${booking.id}`);
				expect(item.booking).toBe(booking.status);
				// The link works for this user: the booking page finds it.
				expect(await findBookingForUser(database.db, school, booking.id)).not.toBeNull();
			}
			const booked = new Set(own.map((b) => b.activityId));
			const offers = activities.filter((a) => offerOf.has(a.id) && !booked.has(a.id));
			expect(offers.length).toBeGreaterThan(0);
			for (const item of offers) {
				expect(item.href).toBe(`/tilbud/${offerOf.get(item.id)}`);
				expect(item.booking).toBeNull();
			}
			for (const item of activities.filter((a) => !offerOf.has(a.id))) {
				expect(item.href).toBe(`/aktiviteter/${item.id}`);
			}
		});

		it('leads the provider to its offers’ pages and shows no other school’s booking', async () => {
			const provider = await actorByEmail(database.db, 'virksomhed@aarshjul.example');
			const { activities } = await loadWheel(database.db, provider, { year: YEAR });
			const { offerOf } = await offersAndBookings(database);
			const withOffer = activities.filter((a) => offerOf.has(a.id));
			expect(withOffer.length).toBeGreaterThan(0);
			for (const item of withOffer) {
				expect(item.href).toBe(`/tilbud/${offerOf.get(item.id)}`);
				expect(item.booking).toBeNull();
				expect(await findOfferForUser(database.db, provider, offerOf.get(item.id)!)).not.toBeNull();
			}
		});

		it('shows a waitlisted school its place in line, and the secretariat no one’s bookings', async () => {
			const lund = await memberOf(database.db, { name: 'Lundskolen' });
			const { bookings } = await offersAndBookings(database);
			const waitlisted = bookings.find((b) => b.school === 'Lundskolen')!;
			expect(waitlisted.status).toBe('waitlisted');
			const { activities } = await loadWheel(database.db, lund, { year: YEAR });
			const item = activities.find((a) => a.id === waitlisted.activityId)!;
			expect(item).toMatchObject({ href: `/bookinger/${waitlisted.id}`, booking: 'waitlisted' });

			const secretariat = await actorByEmail(database.db, 'sekretariat@aarshjul.example');
			const all = await loadWheel(database.db, secretariat, { year: YEAR });
			expect(all.activities.filter((a) => a.booking)).toEqual([]);
		});

		it('shows a municipality its schools’ bookings', async () => {
			const municipality = await actorByEmail(database.db, 'kommune@aarshjul.example');
			const { activities } = await loadWheel(database.db, municipality, { year: YEAR });
			const { bookings } = await offersAndBookings(database);
			const hedensted = bookings.find((b) => b.school === 'Hedensted Skole')!;
			expect(activities.find((a) => a.id === hedensted.activityId)).toMatchObject({
				href: `/bookinger/${hedensted.id}`,
				booking: 'confirmed'
			});
		});

		it('gives the embed no one’s bookings, even when a school member asks', async () => {
			const school = await actorByEmail(database.db, 'skole@aarshjul.example');
			const embed = await loadWheel(database.db, school, {
				year: YEAR,
				publicOnly: true
			});
			expect(embed.activities.filter((a) => a.booking || a.href.startsWith('/bookinger/'))).toEqual(
				[]
			);
		});
	});

	describe('Wheel.svelte', () => {
		it('links each booked arc to its booking, marks it and names its status', async () => {
			const school = await actorByEmail(database.db, 'skole@aarshjul.example');
			const data = await loadWheel(database.db, school, { year: YEAR });
			const { body } = render(Wheel, {
				props: { ...data, today: NOW, year: data.year, locale: 'da' }
			});
			const booked = data.activities.filter((a) => a.booking);
			expect(booked).toHaveLength(2);
			for (const item of booked) {
				expect(item.href).toMatch(/^\/bookinger\//);
				const tag = body.match(new RegExp(`<a[^>]*href="${item.href}"[^>]*>`))?.[0] ?? '';
				const status = item.booking === 'confirmed' ? 'bekræftet' : 'anmodet';
				expect(tag).toContain(`jeres booking: ${status}`);
			}
			// Visible without colour: the mark before the label (on the arc, outside it or in the key).
			expect(decode(body)).toMatch(/>✓ [^<]+</);
			expect(decode(body)).toMatch(/>\? [^<]+</);
		});
	});
});
