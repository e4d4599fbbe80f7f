import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/lib/server/db/engine';
import { bookSeats } from '../../src/lib/server/booking';
import { closeSchoolYear, previewClose } from '../../src/lib/server/school-year-close';
import { listSchoolYears } from '../../src/lib/server/school-year-status';
import { createTestDatabase, truncateAll } from '../helpers/db';
import {
	book,
	bookingInput,
	createBookingWorld,
	makeOffer,
	praktikFields,
	visitFields,
	type BookingWorld
} from './booking-fixtures';
import { insertBooking, snapshot } from './privacy-fixtures';

/** A fortnight after the school year 2026/27 ended. */
const NOW = new Date('2027-08-15T10:00:00Z');

describe('school-year-close', () => {
	let database: Database;
	let world: BookingWorld;
	let praktikOffer: string;
	let cleared: string[];
	let untouched: string[];

	beforeAll(async () => {
		database = await createTestDatabase();
	});
	afterAll(async () => {
		await database?.close();
	});
	beforeEach(async () => {
		await truncateAll(database);
		const db = database.db;
		world = await createBookingWorld(database);
		// 2026/27 through the real booking code (audit events, mails, participants) …
		praktikOffer = await makeOffer(db, world, praktikFields(world));
		const visitOffer = await makeOffer(db, world, visitFields(world));
		const praktik = await book(db, world, praktikOffer, {
			seats: 2,
			pupilFirstNames: ['Ida', 'Malik']
		});
		const visit = await book(db, world, visitOffer);
		// … and at the year's edges, straight into the tables.
		const first = await insertBooking(db, world, {
			startDate: '2026-08-01',
			names: ['Noah'],
			status: 'cancelled'
		});
		const last = await insertBooking(db, world, { startDate: '2027-07-31', names: ['Sofie'] });
		const empty = await insertBooking(db, world, {
			startDate: '2027-03-01',
			teacherName: '',
			teacherEmail: ''
		});
		const before = await insertBooking(db, world, { startDate: '2026-07-31', names: ['Alma'] });
		const after = await insertBooking(db, world, { startDate: '2027-08-01', names: ['Karl'] });
		cleared = [praktik.id, visit.id, first.bookingId, last.bookingId];
		untouched = [empty.bookingId, before.bookingId, after.bookingId];
	});

	describe('closeSchoolYear', () => {
		it('removes exactly the personal fields and nothing else', async () => {
			const before = await snapshot(database.db);
			const result = await closeSchoolYear(database.db, world.users.secretariat, '2026/27', NOW);
			expect(result).toEqual({ ok: true, value: { year: '2026/27', bookingsCleared: 4 } });
			const after = await snapshot(database.db);

			expect(Object.keys(after)).toEqual(Object.keys(before));
			for (const table of Object.keys(before)) {
				if (['booking', 'school_year_closure', 'audit_event'].includes(table)) continue;
				expect(after[table], table).toEqual(before[table]);
			}
			// Bookings: the three personal fields cleared (and updated_at moved, for the feeds' ETags).
			expect([...after.booking.keys()].sort()).toEqual([...before.booking.keys()].sort());
			for (const [id, row] of before.booking) {
				const now = after.booking.get(id)!;
				if (!cleared.includes(id)) {
					expect(now, id).toEqual(row);
					continue;
				}
				expect(now.updated_at).not.toEqual(row.updated_at);
				expect(now).toEqual({
					...row,
					pupil_first_names: [],
					teacher_name: '',
					teacher_email: '',
					updated_at: now.updated_at
				});
			}
			expect(untouched.every((id) => before.booking.has(id))).toBe(true);
			// One closure row and one audit event, and no other new row.
			expect([...before.school_year_closure.values()]).toEqual([]);
			const closures = [...after.school_year_closure.values()];
			expect(closures).toMatchObject([
				{ school_year: '2026/27', closed_by: world.users.secretariat!.id, bookings_cleared: 4 }
			]);
			expect(new Date(String(closures[0].closed_at))).toEqual(NOW);
			const events = [...after.audit_event.entries()].filter(([id]) => !before.audit_event.has(id));
			expect(events.map(([, e]) => e)).toMatchObject([
				{
					actor_id: world.users.secretariat!.id,
					organisation_id: null,
					action: 'delete',
					entity_type: 'school_year',
					entity_id: '2026/27',
					summary: 'Skoleåret 2026/27 lukket: personoplysninger slettet fra 4 bookinger'
				}
			]);
			for (const [id, row] of before.audit_event) expect(after.audit_event.get(id)).toEqual(row);
		});

		it('lets nobody book the closed year again', async () => {
			await closeSchoolYear(database.db, world.users.secretariat, '2026/27', NOW);
			const input = bookingInput(world, praktikOffer, { pupilFirstNames: ['Ida'] });
			const result = await bookSeats(database.db, world.users.coordinator, input, {
				today: '2027-08-15'
			});
			expect(result).toMatchObject({ ok: false, status: 409 });
			const names = await database.db
				.selectFrom('booking')
				.select('pupilFirstNames')
				.where('offerId', '=', praktikOffer)
				.execute();
			expect(names).toEqual([{ pupilFirstNames: [] }]);
		});

		it('closes a year once when two secretaries close it at the same moment', async () => {
			const results = await Promise.all([
				closeSchoolYear(database.db, world.users.secretariat, '2026/27', NOW),
				closeSchoolYear(database.db, world.users.secretariat, '2026/27', NOW)
			]);
			expect(results.map((r) => r.ok).sort()).toEqual([false, true]);
			expect(results.find((r) => !r.ok)).toMatchObject({ status: 409 });
			const events = await database.db
				.selectFrom('auditEvent')
				.select('id')
				.where('entityType', '=', 'school_year')
				.execute();
			expect(events).toHaveLength(1);
		});
	});

	describe('previewClose', () => {
		it('counts what closing would clear and writes nothing', async () => {
			const before = await snapshot(database.db);
			const result = await previewClose(database.db, world.users.secretariat, '2026/27', NOW);
			expect(result).toEqual({
				ok: true,
				value: {
					year: '2026/27',
					bookings: 5,
					withNames: 3,
					withTeacher: 4,
					personal: 4,
					blocker: null
				}
			});
			expect(await snapshot(database.db)).toEqual(before);
		});

		it('tells why a year cannot be closed yet', async () => {
			const result = await previewClose(database.db, world.users.secretariat, '2027/28', NOW);
			expect(result).toMatchObject({
				ok: true,
				value: {
					bookings: 1,
					blocker: 'Skoleåret 2027/28 slutter først 31. jul. 2028 og kan ikke lukkes endnu.'
				}
			});
		});
	});

	describe('listSchoolYears', () => {
		it('lists each year with bookings, newest first, with its status', async () => {
			await closeSchoolYear(database.db, world.users.secretariat, '2026/27', NOW);
			const rows = await listSchoolYears(database.db, world.users.secretariat, NOW);
			expect(rows).toMatchObject([
				{ year: '2027/28', status: 'running', bookings: 1, personal: 1, closedAt: null },
				{ year: '2026/27', status: 'closed', bookings: 5, personal: 0, bookingsCleared: 4 },
				{ year: '2025/26', status: 'closable', bookings: 1, personal: 1, bookingsCleared: null }
			]);
		});

		it('is for the secretariat only', async () => {
			expect(await listSchoolYears(database.db, world.users.providerAdmin, NOW)).toBeNull();
			expect(await listSchoolYears(database.db, null, NOW)).toBeNull();
		});
	});
});
