import { beforeEach, describe, expect, it } from 'vitest';
import {
	adjustPupil,
	joinPlaces,
	openRound,
	publishRound,
	roundOfOffer,
	roundPage,
	runRound,
	savePupil,
	uploadWishes
} from '../../src/lib/allocation/server';
import type { Actor } from '../../src/lib/auth/actor';
import { lastSolverPid } from '../../src/lib/allocation/server/solver-process';
import { bookSeats } from '../../src/lib/bookings/server/booking';
import { closeSchoolYear } from '../../src/lib/school-year/server/close';
import {
	TODAY,
	bookingInput,
	makeOffer,
	praktikFields,
	type Person,
	useBookingWorld
} from './booking-fixtures';

// Praktikfordeling end to end on the database: open, places, wishes (CSV and form), run, adjust,
// publish into ordinary bookings, and who sees what.

const ROUND = {
	title: 'Erhvervspraktik uge 5–6 2027',
	municipalityId: null,
	startDate: '2027-02-01',
	endDate: '2027-02-12',
	wishDeadline: '2027-01-20',
	publishDate: '2027-01-25'
};

function file(text: string) {
	const blob = new Blob([text]);
	return { size: blob.size, text: () => blob.text() };
}

const HEADER =
	'klasse;pseudonym;fornavn;klassetrin;aldersgruppe;egen plads;ønske 1;ønske 2;ønske 3';

describe('allocation (praktikfordeling)', () => {
	const world = useBookingWorld();
	let as: (p: Person) => Actor | null;
	beforeEach(async () => {
		as = (p) => world.users[p] as Actor | null;
	});

	async function roundWithPlaces() {
		const opened = await openRound(world.db, as('secretariat'), ROUND);
		if (!opened.ok) throw new Error(opened.message);
		const smed = await makeOffer(
			world.db,
			world,
			praktikFields(world, { weeks: ['2027-W05'], capacity: '2' })
		);
		const industri = await makeOffer(
			world.db,
			world,
			praktikFields(world, {
				ownerId: world.org.otherCompany,
				title: 'Praktik som industritekniker',
				tradeCode: 'industritekniker',
				weeks: ['2027-W06'],
				capacity: '1'
			})
		);
		const joined = await joinPlaces(world.db, as('secretariat'), opened.value.id, [
			{ offerId: smed, minAgeGroup: 'under13' },
			{ offerId: industri, minAgeGroup: 'age14plus' }
		]);
		expect(joined.ok).toBe(true);
		return { roundId: opened.value.id, smed, industri };
	}

	async function upload(roundId: string, schoolId: string, person: Person, text: string) {
		return uploadWishes(
			world.db,
			as(person),
			{ roundId, schoolId, file: file(text) },
			{ today: TODAY }
		);
	}

	async function pupilsOf(roundId: string) {
		return world.db
			.selectFrom('allocationPupil')
			.select(['pseudonym', 'offerId', 'wishRank', 'locked', 'unplacedReason', 'bookingId'])
			.where('roundId', '=', roundId)
			.orderBy('pseudonym')
			.execute();
	}

	describe('openRound', () => {
		it('lets the secretariat and a municipality (for its own schools) open a round, audited', async () => {
			expect((await openRound(world.db, as('secretariat'), ROUND)).ok).toBe(true);
			const own = await openRound(world.db, as('municipality'), {
				...ROUND,
				municipalityId: world.org.horsens
			});
			expect(own.ok).toBe(true);
			const other = await openRound(world.db, as('municipality'), {
				...ROUND,
				municipalityId: world.org.odder
			});
			expect(other.ok === false && other.status).toBe(403);
			const school = await openRound(world.db, as('coordinator'), ROUND);
			expect(school.ok === false && school.status).toBe(403);
			const audit = await world.db
				.selectFrom('auditEvent')
				.select(['action', 'entityType'])
				.where('entityType', '=', 'allocation_round')
				.execute();
			expect(audit).toHaveLength(2);
		});

		it('refuses dates out of order with a Danish message', async () => {
			const result = await openRound(world.db, as('secretariat'), {
				...ROUND,
				wishDeadline: '2027-02-03'
			});
			expect(result.ok === false && result.status).toBe(400);
			expect(result.ok === false && result.message).toMatch(/ønskefristen/);
		});
	});

	describe('joinPlaces', () => {
		it('takes the offer out of first-come booking and the offer knows its round', async () => {
			const { smed } = await roundWithPlaces();
			const direct = await bookSeats(world.db, world.users.coordinator, bookingInput(world, smed), {
				today: TODAY
			});
			expect(direct.ok === false && direct.status).toBe(409);
			expect(direct.ok === false && direct.message).toMatch(/praktikfordeling/);
			expect((await roundOfOffer(world.db, smed))?.title).toBe(ROUND.title);
		});
	});

	describe('uploadWishes', () => {
		it('saves a Danish Excel file (BOM, semicolons) for the school', async () => {
			const { roundId } = await roundWithPlaces();
			const text = `\uFEFF${HEADER}\r\n8.B;8.B-01;Ida;8;14+;;smed;industritekniker;\r\n8.B;8.B-02;;8;13;;Smed;;\r\n8.B;8.B-03;;8;14+;ja;;;\r\n`;
			const result = await upload(roundId, world.org.school, 'coordinator', text);
			expect(result.ok && result.value.saved).toBe(3);
			const wishes = await world.db.selectFrom('allocationWish').selectAll().execute();
			expect(wishes).toHaveLength(3);
		});

		it('keeps pseudonyms but deletes first names when the school year is closed', async () => {
			const { roundId } = await roundWithPlaces();
			await upload(
				roundId,
				world.org.school,
				'coordinator',
				`${HEADER}\n8.B;8.B-01;Ida;8;14+;;smed\n`
			);
			const closed = await closeSchoolYear(
				world.db,
				world.users.secretariat!,
				'2026/27',
				new Date('2027-08-16T10:00:00Z')
			);
			expect(closed.ok).toBe(true);
			const pupils = await world.db
				.selectFrom('allocationPupil')
				.select(['pseudonym', 'firstName'])
				.execute();
			expect(pupils).toEqual([{ pseudonym: '8.B-01', firstName: null }]);
		});

		it('names every bad line in Danish and saves nothing', async () => {
			const { roundId } = await roundWithPlaces();
			await upload(
				roundId,
				world.org.school,
				'coordinator',
				`${HEADER}\n8.B;8.B-01;;8;14+;;smed\n`
			);
			const text = [
				`${HEADER};ønske 4;ønske 5`,
				'8.B;8.B-02;;8;14+;;smed',
				'8.B;8.B-02;;8;14+;;smed',
				'8.B;8.B-03;;8;14+;;bager',
				'8.B;8.B-04;;8;14+;;smed;industritekniker;a;b;c;d',
				'8.B;8.B-05'
			].join('\n');
			const result = await upload(roundId, world.org.school, 'coordinator', text);
			expect(result.ok).toBe(false);
			const message = result.ok ? '' : result.message;
			expect(message).toMatch(/Linje 3: pseudonymet 8.B-02 står allerede i linje 2/);
			expect(message).toMatch(/Linje 4: Ukendt fag eller plads: "bager"/);
			expect(message).toMatch(/Linje 5: For mange ønsker: højst 5/);
			expect(message).toMatch(/Linje 6: forkerte kolonner/);
			const pupils = await pupilsOf(roundId);
			expect(pupils.map((p) => p.pseudonym)).toEqual(['8.B-01']);
			const empty = await upload(roundId, world.org.school, 'coordinator', '\uFEFF');
			expect(empty.ok === false && empty.message).toMatch(/tom/);
			const header = await upload(roundId, world.org.school, 'coordinator', 'navn,fag\nx,y');
			expect(header.ok === false && header.message).toMatch(/Første linje/);
		});

		it('refuses a file over 10 MB, another school, and changes after the deadline', async () => {
			const { roundId } = await roundWithPlaces();
			const big = await uploadWishes(
				world.db,
				as('coordinator'),
				{
					roundId,
					schoolId: world.org.school,
					file: { size: 11 * 1024 * 1024, text: async () => '' }
				},
				{ today: TODAY }
			);
			expect(big.ok === false && big.message).toMatch(/10 MB/);
			const text = `${HEADER}\n8.B;8.B-01;;8;14+;;smed\n`;
			const other = await upload(roundId, world.org.school, 'otherSchool', text);
			expect(other.ok === false && other.status).toBe(403);
			const late = await uploadWishes(
				world.db,
				as('coordinator'),
				{ roundId, schoolId: world.org.school, file: file(text) },
				{ today: '2027-01-21' }
			);
			expect(late.ok === false && late.message).toMatch(/Ønskefristen/);
			expect(await pupilsOf(roundId)).toEqual([]);
		});

		it('adds and replaces one pupil by the form', async () => {
			const { roundId } = await roundWithPlaces();
			const cells = ['8.B', '8.B-09', '', '8', '14+', '', 'smed'];
			const first = await savePupil(
				world.db,
				as('coordinator'),
				{ roundId, schoolId: world.org.school, cells },
				{ today: TODAY }
			);
			expect(first.ok).toBe(true);
			const changed = await savePupil(
				world.db,
				as('coordinator'),
				{ roundId, schoolId: world.org.school, cells: [...cells.slice(0, 6), 'industritekniker'] },
				{ today: TODAY }
			);
			expect(changed.ok).toBe(true);
			const wishes = await world.db.selectFrom('allocationWish').select('tradeCode').execute();
			expect(wishes).toEqual([{ tradeCode: 'industritekniker' }]);
		});
	});

	describe('runRound, adjustPupil, publishRound', () => {
		async function filledRound() {
			const r = await roundWithPlaces();
			await upload(
				r.roundId,
				world.org.school,
				'coordinator',
				`${HEADER}\n8.B;8.B-01;Ida;8;14+;;industritekniker;smed;\n8.B;8.B-02;;8;13;;industritekniker;smed;\n8.B;8.B-03;;8;13;;smed;;\n`
			);
			await upload(
				r.roundId,
				world.org.otherSchool,
				'otherSchool',
				`${HEADER}\n8.A;8.A-01;;8;14+;;smed;;\n8.A;8.A-02;;8;under 13;;industritekniker;;\n`
			);
			return r;
		}

		it('places within capacity, grade and age, with a reason for each unplaced pupil', async () => {
			const { roundId, smed, industri } = await filledRound();
			const run = await runRound(world.db, as('secretariat'), roundId);
			expect(run.ok && run.value.status).toBe('Optimal');
			// Solved by HiGHS in the solver's own process, so the server never holds its memory.
			expect(lastSolverPid()).toBeGreaterThan(0);
			expect(lastSolverPid()).not.toBe(process.pid);
			const pupils = await pupilsOf(roundId);
			const at = (id: string) => pupils.filter((p) => p.offerId === id).length;
			expect(at(smed)).toBe(2);
			expect(at(industri)).toBe(1);
			// Only 8.B-01 is 14+ and wants industritekniker (14+ only): it gets its 1st wish.
			expect(pupils.find((p) => p.pseudonym === '8.B-01')).toMatchObject({
				offerId: industri,
				wishRank: 1
			});
			expect(pupils.find((p) => p.pseudonym === '8.A-02')?.unplacedReason).toBe('not_eligible');
			const unplaced = pupils.filter((p) => !p.offerId);
			expect(unplaced.every((p) => p.unplacedReason)).toBe(true);
		});

		it('keeps a moved and locked pupil when run again, then publishes bookings and refuses reruns', async () => {
			const { roundId, smed } = await filledRound();
			await runRound(world.db, as('secretariat'), roundId);
			const target = await world.db
				.selectFrom('allocationPupil')
				.select('id')
				.where('pseudonym', '=', '8.B-01')
				.executeTakeFirstOrThrow();
			const full = await adjustPupil(world.db, as('secretariat'), {
				roundId,
				pupilId: target.id,
				offerId: smed,
				locked: true
			});
			expect(full.ok === false && full.status).toBe(409);
			const atSmed = await world.db
				.selectFrom('allocationPupil')
				.select('id')
				.where('offerId', '=', smed)
				.orderBy('pseudonym')
				.executeTakeFirstOrThrow();
			const freed = await adjustPupil(world.db, as('secretariat'), {
				roundId,
				pupilId: atSmed.id,
				offerId: null,
				locked: false
			});
			expect(freed.ok).toBe(true);
			const moved = await adjustPupil(world.db, as('secretariat'), {
				roundId,
				pupilId: target.id,
				offerId: smed,
				locked: true
			});
			expect(moved.ok).toBe(true);
			const notOwner = await adjustPupil(world.db, as('coordinator'), {
				roundId,
				pupilId: target.id,
				offerId: null,
				locked: false
			});
			expect(notOwner.ok === false && notOwner.status).toBe(404);
			await runRound(world.db, as('secretariat'), roundId);
			const after = await pupilsOf(roundId);
			expect(after.find((p) => p.pseudonym === '8.B-01')).toMatchObject({
				offerId: smed,
				locked: true,
				wishRank: 2
			});
			expect(after.filter((p) => p.offerId === smed)).toHaveLength(2);

			const published = await publishRound(world.db, as('secretariat'), roundId, {
				today: TODAY
			});
			expect(published.ok).toBe(true);
			const bookings = await world.db
				.selectFrom('booking')
				.select(['status', 'seats', 'classLabel', 'pupilFirstNames'])
				.orderBy('classLabel')
				.orderBy('seats')
				.execute();
			expect(bookings.every((b) => b.status === 'requested')).toBe(true);
			expect(bookings.reduce((s, b) => s + b.seats, 0)).toBe(after.filter((p) => p.offerId).length);
			expect(bookings.some((b) => b.pupilFirstNames.includes('Ida'))).toBe(true);
			const mails = await world.db.selectFrom('outbox').select('id').execute();
			expect(mails.length).toBeGreaterThan(0);
			expect((await pupilsOf(roundId)).filter((p) => p.offerId).every((p) => p.bookingId)).toBe(
				true
			);

			const again = await runRound(world.db, as('secretariat'), roundId);
			expect(again.ok === false && again.status).toBe(409);
			const republish = await publishRound(world.db, as('secretariat'), roundId, {
				today: TODAY
			});
			expect(republish.ok === false && republish.status).toBe(409);
			const audit = await world.db
				.selectFrom('auditEvent')
				.select('summary')
				.where('entityType', '=', 'allocation_round')
				.execute();
			const summaries = audit.map((a) => a.summary).join('\n');
			expect(summaries).toMatch(/åbnet/);
			expect(summaries).toMatch(/kørt/);
			expect(summaries).toMatch(/låst/);
			expect(summaries).toMatch(/offentliggjort/);
		});

		it('shows each role only its share: school its pupils, company its placed pupils, municipality totals', async () => {
			const { roundId } = await filledRound();
			await runRound(world.db, as('secretariat'), roundId);

			const school = await roundPage(world.db, as('coordinator'), roundId);
			expect(school?.manager).toBe(false);
			expect(school?.pupils.map((p) => p.pseudonym)).toEqual(['8.B-01', '8.B-02', '8.B-03']);
			expect(school?.summaries).toBeNull();

			const companyBefore = await roundPage(world.db, as('providerMember'), roundId);
			expect(companyBefore?.pupils).toEqual([]);
			expect(companyBefore?.placedWithCompany).toEqual([]);

			const municipality = await roundPage(world.db, as('municipality'), roundId);
			expect(municipality?.pupils).toEqual([]);
			expect(municipality?.municipalityTotals.map((t) => t.key).sort()).toEqual([
				'Bakkeskolen',
				'Byskolen'
			]);
			const odder = await roundPage(world.db, as('otherMunicipality'), roundId);
			expect(odder?.municipalityTotals).toEqual([]);

			const secretariat = await roundPage(world.db, as('secretariat'), roundId);
			expect(secretariat?.pupils).toHaveLength(5);
			expect(secretariat?.summaries?.school).toHaveLength(2);

			await publishRound(world.db, as('secretariat'), roundId, { today: TODAY });
			const company = await roundPage(world.db, as('providerMember'), roundId);
			expect(company?.pupils).toEqual([]);
			expect(company?.placedWithCompany.length).toBeGreaterThan(0);
			for (const row of company!.placedWithCompany) {
				expect(Object.keys(row).sort()).toEqual(
					['classLabel', 'grade', 'pseudonym', 'schoolName', 'startDate', 'title'].sort()
				);
			}
			const otherCompany = await roundPage(world.db, as('otherCompany'), roundId);
			expect(
				otherCompany?.placedWithCompany.every((r) => r.title === 'Praktik som industritekniker')
			).toBe(true);
			expect(await roundPage(world.db, null, roundId)).toBeNull();
		});
	});
});
