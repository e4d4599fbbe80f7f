import { beforeEach, describe, expect, it } from 'vitest';
import {
	dutyReport,
	joinPlaces,
	loadDuty,
	openRound,
	publishRound,
	runRound,
	savePupilCounts,
	uploadWishes
} from '../../src/lib/allocation/server';
import type { Actor } from '../../src/lib/auth/actor';
import { loadReport } from '../../src/lib/reports/server/report';
import {
	TODAY,
	book,
	makeOffer,
	praktikFields,
	type Person,
	useBookingWorld
} from './booking-fixtures';

// The erhvervspraktik duty on the database: stated pupils, confirmed bookings and published
// allocation rounds counted as had / placed / missing, and who sees which school.

const YEAR = '2026/27';

describe('allocation duty (erhvervspraktik-pligten)', () => {
	const world = useBookingWorld();
	let as: (p: Person) => Actor | null;
	beforeEach(async () => {
		as = (p) => world.users[p] as Actor | null;
	});

	const counts = (schoolId: string, grade7: number, grade8: number, grade9: number) => ({
		schoolId,
		schoolYear: YEAR,
		grade7,
		grade8,
		grade9
	});

	async function confirmed(offerId: string, classLabel: string, seats: number, schoolId?: string) {
		const booking = await book(world.db, world, offerId, {
			classLabel,
			seats,
			...(schoolId ? { schoolId } : {})
		});
		await world.db
			.updateTable('booking')
			.set({ status: 'confirmed' })
			.where('id', '=', booking.id)
			.execute();
		return booking.id;
	}

	/** Moves an offer's week (the booking rules refuse booking a past week directly). */
	async function moveWeek(offerId: string, startDate: string, endDate: string) {
		const offer = await world.db
			.selectFrom('offer')
			.select('activityId')
			.where('id', '=', offerId)
			.executeTakeFirstOrThrow();
		await world.db
			.updateTable('activity')
			.set({ startDate, endDate })
			.where('id', '=', offer.activityId)
			.execute();
	}

	async function dutyOf(person: Person) {
		return loadDuty(world.db, as(person), { schoolYear: YEAR, today: TODAY });
	}

	describe('savePupilCounts', () => {
		it('lets a school state its pupils per grade, replacing them on a second save, audited', async () => {
			const first = await savePupilCounts(
				world.db,
				as('coordinator'),
				counts(world.org.school, 20, 10, 5)
			);
			expect(first.ok).toBe(true);
			await savePupilCounts(world.db, as('coordinator'), counts(world.org.school, 21, 10, 5));
			const rows = await world.db
				.selectFrom('schoolPupilCount')
				.select(['grade', 'pupils'])
				.orderBy('grade')
				.execute();
			expect(rows).toEqual([
				{ grade: 7, pupils: 21 },
				{ grade: 8, pupils: 10 },
				{ grade: 9, pupils: 5 }
			]);
			const audit = await world.db
				.selectFrom('auditEvent')
				.select('entityType')
				.where('entityType', '=', 'school_pupil_count')
				.execute();
			expect(audit).toHaveLength(2);
		});

		it("answers 404 for another school's, a municipality's or a company's attempt", async () => {
			for (const person of ['otherSchool', 'municipality', 'providerAdmin', 'anonymous'] as const) {
				const result = await savePupilCounts(
					world.db,
					as(person),
					counts(world.org.school, 1, 1, 1)
				);
				expect(result.ok === false && result.status, person).toBe(404);
			}
			expect(await world.db.selectFrom('schoolPupilCount').select('grade').execute()).toEqual([]);
		});

		it('refuses a malformed school year with a Danish 400', async () => {
			const result = await savePupilCounts(world.db, as('coordinator'), {
				...counts(world.org.school, 1, 1, 1),
				schoolYear: '2026/28'
			});
			expect(result).toMatchObject({
				ok: false,
				status: 400,
				message: 'Skriv skoleåret som fx 2026/27.'
			});
		});
	});

	describe('loadDuty', () => {
		it('counts past confirmed weeks as had, upcoming ones as placed, and the rest as missing', async () => {
			await savePupilCounts(world.db, as('coordinator'), counts(world.org.school, 20, 10, 5));
			const past = await makeOffer(world.db, world, praktikFields(world, { capacity: '5' }));
			await confirmed(past, '8.B', 2);
			await moveWeek(past, '2026-11-02', '2026-11-06');
			const upcoming = await makeOffer(world.db, world, praktikFields(world, { capacity: '5' }));
			await confirmed(upcoming, '8.A', 3);
			// Requested (not confirmed) and visits do not count.
			await book(world.db, world, upcoming, { classLabel: '9.A', seats: 1 });

			const duty = (await dutyOf('coordinator'))!;
			expect(duty.schools.map((s) => s.name)).toEqual(['Byskolen']);
			expect(duty.schools[0]).toMatchObject({ pupils: 35, had: 2, placed: 3, missing: 30 });
			expect(duty.schools[0].grades.find((g) => g.grade === 8)).toMatchObject({
				pupils: 10,
				had: 2,
				placed: 3,
				missing: 5
			});
			expect(duty.editable.map((s) => s.id)).toEqual([world.org.school]);
		});

		it("counts a published round's pupils once, and not when their booking is declined", async () => {
			const opened = await openRound(world.db, as('secretariat'), {
				title: 'Uge 5',
				municipalityId: null,
				startDate: '2027-02-01',
				endDate: '2027-02-12',
				wishDeadline: '2027-01-20',
				publishDate: '2027-01-25'
			});
			if (!opened.ok) throw new Error(opened.message);
			const place = await makeOffer(
				world.db,
				world,
				praktikFields(world, { weeks: ['2027-W05'], capacity: '3' })
			);
			await joinPlaces(world.db, as('secretariat'), opened.value.id, [
				{ offerId: place, minAgeGroup: 'under13' }
			]);
			const csv =
				'klasse;pseudonym;fornavn;klassetrin;aldersgruppe;egen plads;ønske 1\n' +
				'8.B;8.B-01;;8;14+;;smed\n8.B;8.B-02;;8;14+;;smed\n8.B;8.B-03;;8;14+;ja;\n';
			const blob = new Blob([csv]);
			const uploaded = await uploadWishes(
				world.db,
				as('coordinator'),
				{
					roundId: opened.value.id,
					schoolId: world.org.school,
					file: { size: blob.size, text: () => blob.text() }
				},
				{ today: TODAY }
			);
			expect(uploaded.ok).toBe(true);
			await runRound(world.db, as('secretariat'), opened.value.id);
			const before = (await dutyOf('coordinator'))!;
			expect(before.schools[0].placed).toBe(0);

			await publishRound(world.db, as('secretariat'), opened.value.id, { today: TODAY });
			// Two placed pupils and one with an own place; the booking publishing made is not counted again.
			await world.db.updateTable('booking').set({ status: 'confirmed' }).execute();
			expect((await dutyOf('coordinator'))!.schools[0]).toMatchObject({
				pupils: null,
				placed: 3,
				missing: null
			});
			await world.db.updateTable('booking').set({ status: 'declined' }).execute();
			expect((await dutyOf('coordinator'))!.schools[0].placed).toBe(1);
		});

		it("counts last year's 8th graders as this year's 9th graders who have had their week", async () => {
			await savePupilCounts(world.db, as('coordinator'), counts(world.org.school, 0, 0, 4));
			const offer = await makeOffer(world.db, world, praktikFields(world, { capacity: '5' }));
			await confirmed(offer, '8.A', 3);
			await moveWeek(offer, '2026-02-02', '2026-02-06');
			expect((await dutyOf('coordinator'))!.schools[0]).toMatchObject({
				pupils: 4,
				had: 3,
				placed: 0,
				missing: 1
			});
		});

		it('shows a school itself, a municipality its schools, the secretariat all; others nothing', async () => {
			const names = async (p: Person) => (await dutyOf(p))?.schools.map((s) => s.name) ?? null;
			expect(await names('teacher')).toEqual(['Byskolen']);
			expect(await names('municipality')).toEqual(['Bakkeskolen', 'Byskolen']);
			expect(await names('otherMunicipality')).toEqual(['Odder Skole']);
			expect(await names('secretariat')).toEqual(['Bakkeskolen', 'Byskolen', 'Odder Skole']);
			expect(await names('providerAdmin')).toBeNull();
			expect(await names('anonymous')).toBeNull();
			const secretariat = (await dutyOf('secretariat'))!;
			expect(secretariat.showMunicipalities).toBe(true);
			expect(secretariat.municipalities.map((mu) => mu.name)).toEqual([
				'Horsens Kommune',
				'Odder Kommune'
			]);
			expect(secretariat.editable).toEqual([]);
			expect((await dutyOf('teacher'))!.showMunicipalities).toBe(false);
		});
	});

	describe('dutyReport and the report', () => {
		it("gives every reader all municipalities' totals, but only the schools it may see", async () => {
			await savePupilCounts(world.db, as('coordinator'), counts(world.org.school, 1, 2, 3));
			const report = await dutyReport(world.db, as('otherMunicipality'), {
				schoolYear: YEAR,
				today: TODAY,
				municipalityId: null
			});
			expect(report.municipalities.map((mu) => [mu.name, mu.pupils])).toEqual([
				['Horsens Kommune', 6],
				['Odder Kommune', null]
			]);
			expect(report.schools.map((s) => s.name)).toEqual(['Odder Skole']);
			expect(report.total.pupils).toBe(6);
		});

		it('prints both duty tables in the report, with "ikke oplyst" where no pupils are stated', async () => {
			await savePupilCounts(world.db, as('coordinator'), counts(world.org.school, 1, 2, 3));
			const result = await loadReport(
				world.db,
				world.users.secretariat,
				new URLSearchParams({ aar: YEAR }),
				{ now: new Date(`${TODAY}T12:00:00Z`) }
			);
			if (!result.ok) throw new Error(result.message);
			const byMunicipality = result.value.tables.find((t) => t.id === 'pligt-kommuner')!;
			expect(byMunicipality.title).toBe('Erhvervspraktik-pligten pr. kommune (skoleåret 2026/27)');
			expect(byMunicipality.rows).toEqual([
				['Horsens Kommune', 6, 0, 0, 6],
				['Odder Kommune', 'ikke oplyst', 0, 0, 'ikke oplyst']
			]);
			const bySchool = result.value.tables.find((t) => t.id === 'pligt-skoler')!;
			expect(bySchool.rows.map((r) => r[0])).toEqual(['Bakkeskolen', 'Byskolen', 'Odder Skole']);
		});
	});
});
