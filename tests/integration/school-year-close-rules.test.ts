import { beforeEach, describe, expect, it } from 'vitest';
import { canCloseSchoolYear, canExportOrganisation } from '../../src/lib/school-year/server/policy';
import { closeSchoolYear } from '../../src/lib/school-year/server/close';
import { PERSONS, type Person, useBookingWorld } from './booking-fixtures';
import { insertBooking, snapshot } from './privacy-fixtures';

const NOW = new Date('2027-08-15T10:00:00Z');

/** Who may close a year, and export Smedjen's (the company's) and Byskolen's data. */
const TABLE: Record<Person, { close: boolean; exportCompany: boolean; exportSchool: boolean }> = {
	coordinator: { close: false, exportCompany: false, exportSchool: true },
	teacher: { close: false, exportCompany: false, exportSchool: false },
	municipality: { close: false, exportCompany: false, exportSchool: false },
	otherMunicipality: { close: false, exportCompany: false, exportSchool: false },
	otherSchool: { close: false, exportCompany: false, exportSchool: false },
	providerAdmin: { close: false, exportCompany: true, exportSchool: false },
	providerMember: { close: false, exportCompany: false, exportSchool: false },
	otherCompany: { close: false, exportCompany: false, exportSchool: false },
	secretariat: { close: true, exportCompany: true, exportSchool: true },
	anonymous: { close: false, exportCompany: false, exportSchool: false }
};

describe('school-year-close rules', () => {
	const world = useBookingWorld();

	beforeEach(async () => {
		await insertBooking(world.db, world, { startDate: '2027-03-01', names: ['Ida'] });
	});

	/** Runs the close and asserts that it was refused and that not one row changed. */
	async function refused(person: Person, year: string, now = NOW) {
		const before = await snapshot(world.db);
		const result = await closeSchoolYear(world.db, world.users[person], year, now);
		expect(result.ok).toBe(false);
		expect(await snapshot(world.db)).toEqual(before);
		return result;
	}

	describe('rights', () => {
		for (const person of PERSONS) {
			const row = TABLE[person];
			it(`${person}: close ${row.close}, export company ${row.exportCompany}, school ${row.exportSchool}`, async () => {
				const user = world.users[person];
				expect(canCloseSchoolYear(user)).toBe(row.close);
				expect(canExportOrganisation(user, { id: world.org.company })).toBe(row.exportCompany);
				expect(canExportOrganisation(user, { id: world.org.school })).toBe(row.exportSchool);
				if (row.close) {
					expect(await closeSchoolYear(world.db, user, '2026/27', NOW)).toMatchObject({
						ok: true
					});
				} else {
					// Not even the existence of the page is revealed: 404, as for a missing thing.
					expect(await refused(person, '2026/27')).toMatchObject({ status: 404 });
				}
			});
		}
	});

	describe('bad input', () => {
		for (const year of ['2026/28', '26/27', '2026-27', '', '2026/27; drop table booking']) {
			it(`refuses the year ${JSON.stringify(year)} with 400 and writes nothing`, async () => {
				expect(await refused('secretariat', year)).toEqual({
					ok: false,
					status: 400,
					message: 'Skriv skoleåret som fx 2025/26.',
					errors: { year: 'Skriv skoleåret som fx 2025/26.' }
				});
			});
		}

		it('refuses a year that has not ended, in Copenhagen time', async () => {
			// 22:30 UTC on 31 July is 00:30 on 1 August in Copenhagen (summer time): then it has ended.
			expect(
				await refused('secretariat', '2026/27', new Date('2027-07-31T21:30:00Z'))
			).toMatchObject({
				status: 409,
				message: 'Skoleåret 2026/27 slutter først 31. jul. 2027 og kan ikke lukkes endnu.'
			});
			const result = await closeSchoolYear(
				world.db,
				world.users.secretariat,
				'2026/27',
				new Date('2027-07-31T22:30:00Z')
			);
			expect(result).toMatchObject({ ok: true });
		});

		it('refuses while an offer of the year still runs (it could still be booked)', async () => {
			await insertBooking(world.db, world, { startDate: '2027-07-28', endDate: '2027-08-20' });
			expect(await refused('secretariat', '2026/27')).toMatchObject({
				status: 409,
				message:
					'Et tilbud fra skoleåret 2026/27 varer til 20. aug. 2027. Skoleåret kan lukkes, når det er slut.'
			});
		});

		it('refuses a year that is already closed', async () => {
			await closeSchoolYear(world.db, world.users.secretariat, '2026/27', NOW);
			expect(await refused('secretariat', '2026/27')).toMatchObject({
				status: 409,
				message: 'Skoleåret 2026/27 er allerede lukket.'
			});
		});
	});
});
