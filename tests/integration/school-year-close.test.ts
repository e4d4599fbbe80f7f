import type { Kysely } from 'kysely';
import { beforeEach, describe, expect, it } from 'vitest';
import type { DB } from '../../src/lib/platform/server/db/schema';
import { bookSeats } from '../../src/lib/bookings/server/booking';
import { closeSchoolYear, previewClose } from '../../src/lib/school-year/server/close';
import { listSchoolYears } from '../../src/lib/school-year/server/status';
import {
	book,
	bookingInput,
	makeOffer,
	praktikFields,
	visitFields,
	useBookingWorld
} from './booking-fixtures';
import { insertBooking, snapshot } from './privacy-fixtures';

/** A fortnight after the school year 2026/27 ended. */
const NOW = new Date('2027-08-15T10:00:00Z');
/** 1 August 2026 00:00 in Copenhagen (summer time): the first instant of 2026/27. */
const YEAR_START = '2026-07-31T22:00:00Z';
/** The first instant of 2027/28. */
const NEXT_YEAR_START = '2027-07-31T22:00:00Z';

/** An outbox row written at `createdAt`; sent a minute later unless `sent` is false. */
async function insertMail(db: Kysely<DB>, createdAt: string, sent = true): Promise<string> {
	const at = new Date(createdAt);
	const row = await db
		.insertInto('outbox')
		.values({
			toAddress: 'rasmus@byskolen.dk',
			subject: 'Booking bekræftet',
			bodyText: 'Hej Rasmus Lærer',
			createdAt: at,
			sentAt: sent ? new Date(at.getTime() + 60_000) : null,
			error: sent ? null : 'SMTP: connection refused'
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	return row.id;
}

describe('school-year-close', () => {
	const world = useBookingWorld();
	let praktikOffer: string;
	let cleared: string[];
	let untouched: string[];
	/** Outbox rows written in 2026/27: sent, and never sent. */
	let sentInYear: string[];
	let unsentInYear: string[];
	let otherYears: string[];
	let messageOnly: string;
	let reasonOnly: string;
	let nextYear: string;

	beforeEach(async () => {
		const db = world.db;
		// 2026/27 through the real booking code (audit events, mails, participants) …
		praktikOffer = await makeOffer(db, world, praktikFields(world));
		const visitOffer = await makeOffer(db, world, visitFields(world));
		const praktik = await book(db, world, praktikOffer, {
			seats: 2,
			pupilFirstNames: ['Ida', 'Malik']
		});
		const visit = await book(db, world, visitOffer);
		// The providers' request mails were written on the real clock: pin them into 2026/27, unsent
		// (the tests run without SMTP_URL).
		const requestMails = await db
			.updateTable('outbox')
			.set({ createdAt: new Date('2026-10-01T08:00:00Z') })
			.returning('id')
			.execute();
		expect(requestMails.length).toBeGreaterThan(0);
		// … and at the year's edges, straight into the tables.
		const first = await insertBooking(db, world, {
			startDate: '2026-08-01',
			names: ['Noah'],
			status: 'cancelled',
			cancelReason: 'Noah er syg'
		});
		const last = await insertBooking(db, world, {
			startDate: '2027-07-31',
			names: ['Sofie'],
			message: 'Sofie skal hentes kl. 14'
		});
		const empty = await insertBooking(db, world, {
			startDate: '2027-03-01',
			teacherName: '',
			teacherEmail: ''
		});
		// Personal data only in the provider's answer.
		const onlyMessage = await insertBooking(db, world, {
			startDate: '2027-02-01',
			teacherName: '',
			teacherEmail: '',
			message: 'Vi har talt med Rasmus om Idas allergi'
		});
		// Personal data only in a cancellation's reason.
		const onlyReason = await insertBooking(db, world, {
			startDate: '2027-04-01',
			teacherName: '',
			teacherEmail: '',
			status: 'cancelled',
			cancelReason: 'Rasmus er på kursus'
		});
		const before = await insertBooking(db, world, {
			startDate: '2026-07-31',
			names: ['Alma'],
			message: 'Alma er velkommen'
		});
		const after = await insertBooking(db, world, {
			startDate: '2027-08-01',
			names: ['Karl'],
			message: 'Karl er velkommen'
		});
		cleared = [
			praktik.id,
			visit.id,
			first.bookingId,
			last.bookingId,
			onlyMessage.bookingId,
			onlyReason.bookingId
		];
		untouched = [empty.bookingId, before.bookingId, after.bookingId];
		messageOnly = onlyMessage.bookingId;
		reasonOnly = onlyReason.bookingId;
		nextYear = after.bookingId;
		// The outbox at the year's edges, in Copenhagen time.
		sentInYear = [await insertMail(db, YEAR_START), await insertMail(db, '2027-07-31T21:59:59Z')];
		unsentInYear = [
			...requestMails.map((r) => r.id),
			await insertMail(db, '2027-03-15T09:00:00Z', false)
		];
		otherYears = [
			await insertMail(db, '2026-07-31T21:59:59Z'),
			await insertMail(db, NEXT_YEAR_START),
			await insertMail(db, '2027-09-01T08:00:00Z', false)
		];
	});

	describe('closeSchoolYear', () => {
		it('removes exactly the personal data of the year and nothing else', async () => {
			const before = await snapshot(world.db);
			const result = await closeSchoolYear(world.db, world.users.secretariat, '2026/27', NOW);
			const mailsDeleted = sentInYear.length + unsentInYear.length;
			expect(result).toEqual({
				ok: true,
				value: {
					year: '2026/27',
					bookingsCleared: 6,
					mailsDeleted,
					unsentMailsDeleted: unsentInYear.length
				}
			});
			const after = await snapshot(world.db);

			expect(Object.keys(after)).toEqual(Object.keys(before));
			const changed = ['booking', 'outbox', 'school_year_closure', 'audit_event'];
			for (const table of Object.keys(before)) {
				if (changed.includes(table)) continue;
				expect(after[table], table).toEqual(before[table]);
			}
			// Bookings: the five personal fields cleared (and updated_at moved, for the feeds' ETags).
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
					message: '',
					cancel_reason: '',
					updated_at: now.updated_at
				});
			}
			expect(untouched.every((id) => before.booking.has(id))).toBe(true);
			// Outbox: the year's mails gone, the other years' rows as they were.
			expect([...after.outbox.keys()].sort()).toEqual([...otherYears].sort());
			for (const id of otherYears) expect(after.outbox.get(id)).toEqual(before.outbox.get(id));
			// One closure row and one audit event, and no other new row.
			expect([...before.school_year_closure.values()]).toEqual([]);
			const closures = [...after.school_year_closure.values()];
			expect(closures).toMatchObject([
				{ school_year: '2026/27', closed_by: world.users.secretariat!.id, bookings_cleared: 6 }
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
					summary:
						'Skoleåret 2026/27 lukket: personoplysninger slettet fra 6 bookinger; ' +
						`${mailsDeleted} ${mailsDeleted === 1 ? 'mail' : 'mails'} slettet fra udbakken ` +
						`(usendte: ${unsentInYear.length})`
				}
			]);
			for (const [id, row] of before.audit_event) expect(after.audit_event.get(id)).toEqual(row);
		});

		it("clears the year's booking messages but not the next year's", async () => {
			await closeSchoolYear(world.db, world.users.secretariat, '2026/27', NOW);
			const rows = await world.db
				.selectFrom('booking')
				.select(['id', 'message', 'teacherName'])
				.where('id', 'in', [messageOnly, nextYear])
				.execute();
			const byId = new Map(rows.map((r) => [r.id, r]));
			expect(byId.get(messageOnly)).toMatchObject({ message: '', teacherName: '' });
			expect(byId.get(nextYear)).toMatchObject({
				message: 'Karl er velkommen',
				teacherName: 'Rasmus Lærer'
			});
		});

		it("clears the year's cancellation reasons", async () => {
			await closeSchoolYear(world.db, world.users.secretariat, '2026/27', NOW);
			const rows = await world.db
				.selectFrom('booking')
				.select(['id', 'cancelReason', 'status'])
				.where('cancelReason', '<>', '')
				.execute();
			expect(rows).toEqual([]);
			const reason = await world.db
				.selectFrom('booking')
				.select(['cancelReason', 'status'])
				.where('id', '=', reasonOnly)
				.executeTakeFirstOrThrow();
			expect(reason).toEqual({ cancelReason: '', status: 'cancelled' });
		});

		it("deletes the year's sent and unsent mails and keeps the other years'", async () => {
			await closeSchoolYear(world.db, world.users.secretariat, '2026/27', NOW);
			const left = await world.db.selectFrom('outbox').select(['id', 'sentAt']).execute();
			expect(left.map((r) => r.id).sort()).toEqual([...otherYears].sort());
			// An unsent mail of a later year stays, to be sent or read at /dev/outbox.
			expect(left.filter((r) => r.sentAt === null)).toHaveLength(1);
		});

		it('changes nothing when closing is refused', async () => {
			const db = world.db;
			const before = await snapshot(db);
			const refusals = [
				// Not ended yet, then someone who may not close, then a malformed year.
				await closeSchoolYear(db, world.users.secretariat, '2027/28', NOW),
				await closeSchoolYear(db, world.users.providerAdmin, '2026/27', NOW),
				await closeSchoolYear(db, world.users.secretariat, '2026/28', NOW),
				// 2026/27 a second before midnight on its last day, Copenhagen time: not ended.
				await closeSchoolYear(
					db,
					world.users.secretariat,
					'2026/27',
					new Date('2027-07-31T21:59:59Z')
				)
			];
			expect(refusals.map((r) => (r.ok ? 200 : r.status))).toEqual([409, 404, 400, 409]);
			expect(refusals[0]).toMatchObject({
				message: 'Skoleåret 2027/28 slutter først 31. jul. 2028 og kan ikke lukkes endnu.'
			});
			expect(await snapshot(db)).toEqual(before);
			// And a second close of a closed year changes nothing after the first.
			await closeSchoolYear(db, world.users.secretariat, '2026/27', NOW);
			await insertMail(db, '2027-01-10T08:00:00Z');
			const closed = await snapshot(db);
			const again = await closeSchoolYear(db, world.users.secretariat, '2026/27', NOW);
			expect(again).toMatchObject({ ok: false, status: 409 });
			expect(await snapshot(db)).toEqual(closed);
		});

		it('lets nobody book the closed year again', async () => {
			await closeSchoolYear(world.db, world.users.secretariat, '2026/27', NOW);
			const input = bookingInput(world, praktikOffer, { pupilFirstNames: ['Ida'] });
			const result = await bookSeats(world.db, world.users.coordinator, input, {
				today: '2027-08-15'
			});
			expect(result).toMatchObject({ ok: false, status: 409 });
			const names = await world.db
				.selectFrom('booking')
				.select('pupilFirstNames')
				.where('offerId', '=', praktikOffer)
				.execute();
			expect(names).toEqual([{ pupilFirstNames: [] }]);
		});

		it('closes a year once when two secretaries close it at the same moment', async () => {
			const results = await Promise.all([
				closeSchoolYear(world.db, world.users.secretariat, '2026/27', NOW),
				closeSchoolYear(world.db, world.users.secretariat, '2026/27', NOW)
			]);
			expect(results.map((r) => r.ok).sort()).toEqual([false, true]);
			expect(results.find((r) => !r.ok)).toMatchObject({ status: 409 });
			const events = await world.db
				.selectFrom('auditEvent')
				.select('id')
				.where('entityType', '=', 'school_year')
				.execute();
			expect(events).toHaveLength(1);
		});
	});

	describe('previewClose', () => {
		it('counts what closing would clear and writes nothing', async () => {
			const before = await snapshot(world.db);
			const result = await previewClose(world.db, world.users.secretariat, '2026/27', NOW);
			expect(result).toEqual({
				ok: true,
				value: {
					year: '2026/27',
					bookings: 7,
					withNames: 3,
					withTeacher: 4,
					withMessage: 2,
					withCancelReason: 2,
					personal: 6,
					mails: sentInYear.length + unsentInYear.length,
					unsentMails: unsentInYear.length,
					blocker: null
				}
			});
			expect(await snapshot(world.db)).toEqual(before);
		});

		it('tells why a year cannot be closed yet', async () => {
			const result = await previewClose(world.db, world.users.secretariat, '2027/28', NOW);
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
			await closeSchoolYear(world.db, world.users.secretariat, '2026/27', NOW);
			const rows = await listSchoolYears(world.db, world.users.secretariat, NOW);
			expect(rows).toMatchObject([
				{ year: '2027/28', status: 'running', bookings: 1, personal: 1, closedAt: null },
				{ year: '2026/27', status: 'closed', bookings: 7, personal: 0, bookingsCleared: 6 },
				{ year: '2025/26', status: 'closable', bookings: 1, personal: 1, bookingsCleared: null }
			]);
		});

		it('is for the secretariat only', async () => {
			expect(await listSchoolYears(world.db, world.users.providerAdmin, NOW)).toBeNull();
			expect(await listSchoolYears(world.db, null, NOW)).toBeNull();
		});
	});
});
