import { beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import {
	EXPORT_TABLES,
	exportOrganisationData,
	type OrganisationExport
} from '../../src/lib/organisations/server/export';
import {
	CSV_COLUMNS,
	exportCsv,
	exportFilename,
	exportJson
} from '../../src/lib/organisations/server/export-format';
import { type BookingWorld, useBookingWorld } from './booking-fixtures';
import { SECRETS, fillExportWorld } from './organisation-export.fixtures';

const NOW = new Date('2027-04-01T08:00:00Z');

describe('organisation-export', () => {
	const world = useBookingWorld();

	beforeEach(async () => {
		await fillExportWorld(world.db, world);
	});

	const exportAs = (person: keyof BookingWorld['users'], orgId: string) =>
		exportOrganisationData(world.db, world.users[person], orgId, NOW);

	describe('exportOrganisationData', () => {
		it("holds the company's members, plan, bookings received and alliance work", async () => {
			const data = (await exportAs('providerAdmin', world.org.company))!;
			const t = data.tables;
			expect(data.organisation).toMatchObject({ id: world.org.company, slug: 'smedjen-aps' });
			expect(t.organisation).toMatchObject([
				{ name: 'Smedjen ApS', kind: 'company', municipalityName: 'Horsens Kommune', trades: [] }
			]);
			expect(t.members).toEqual([
				expect.objectContaining({
					name: 'Smedeadmin',
					email: 'smedeadmin@example.dk',
					role: 'admin'
				}),
				expect.objectContaining({ name: 'Smedemedlem', role: 'member' })
			]);
			expect(t.activities.map((a) => a.title)).toEqual(['Praktik hos Smedjen']);
			expect(t.offers).toMatchObject([{ title: 'Praktik hos Smedjen', gradeLevels: [8, 9] }]);
			expect(t.bookingsReceived).toMatchObject([
				{
					offerTitle: 'Praktik hos Smedjen',
					schoolName: 'Byskolen',
					pupilFirstNames: ['Ida', 'Åse'],
					teacherName: 'Rasmus Lærer',
					teacherEmail: 'rasmus@byskolen.dk'
				}
			]);
			expect(t.bookingsMade).toEqual([]);
			expect(t.feeds).toMatchObject([
				{ scope: 'company', createdByName: 'Smedeadmin', revokedAt: null }
			]);
			expect(t.evaluations).toMatchObject([{ participants: 12, rating: 4 }]);
			expect(t.commitments).toMatchObject([{ contactName: 'Lars Smed', trades: ['smed'] }]);
			expect(t.openings).toMatchObject([{ tradeCode: 'smed', positions: 2 }]);
			expect(t.meetings).toMatchObject([
				{ title: 'Alliancemøde marts', invited: true, present: true }
			]);
			expect(t.participations).toMatchObject([
				{ title: 'Alliancemøde marts', ownerName: 'Dansk Metal' }
			]);
			expect(t.holidays).toEqual([]);
		});

		it("holds the school's bookings made and the municipality's holidays", async () => {
			const school = (await exportAs('coordinator', world.org.school))!;
			expect(school.tables.bookingsMade).toHaveLength(2);
			expect(school.tables.bookingsReceived).toEqual([]);
			const horsens = (await exportAs('secretariat', world.org.horsens))!;
			expect(horsens.tables.holidays).toMatchObject([
				{ name: 'Efterårsferie', startDate: '2026-10-12' }
			]);
		});

		it('names the same columns as the CSV files, table by table', async () => {
			const exports = await Promise.all([
				exportAs('secretariat', world.org.company),
				exportAs('secretariat', world.org.school),
				exportAs('secretariat', world.org.horsens)
			]);
			for (const table of EXPORT_TABLES) {
				const rows = exports.flatMap((e) => e!.tables[table]);
				expect(rows.length, table).toBeGreaterThan(0);
				for (const row of rows) expect(Object.keys(row), table).toEqual([...CSV_COLUMNS[table]]);
			}
		});

		it('never holds a password hash, a session or a token hash', async () => {
			for (const orgId of Object.values(world.org)) {
				const data = (await exportAs('secretariat', orgId))!;
				const files = [exportJson(data), ...EXPORT_TABLES.map((t) => exportCsv(data, t))];
				for (const file of files) for (const secret of SECRETS) expect(file).not.toContain(secret);
			}
		});

		it('is for the organisation admins and the secretariat only', async () => {
			expect(await exportAs('providerAdmin', world.org.company)).not.toBeNull();
			expect(await exportAs('secretariat', world.org.company)).not.toBeNull();
			expect(await exportAs('providerMember', world.org.company)).toBeNull();
			expect(await exportAs('otherCompany', world.org.company)).toBeNull();
			expect(await exportAs('coordinator', world.org.company)).toBeNull();
			expect(await exportAs('anonymous', world.org.company)).toBeNull();
			expect(await exportAs('secretariat', '00000000-0000-4000-8000-000000000000')).toBeNull();
			expect(await exportAs('secretariat', 'not-a-uuid')).toBeNull();
		});
	});

	describe('exportJson / exportCsv', () => {
		let data: OrganisationExport;
		beforeEach(async () => {
			data = (await exportAs('providerAdmin', world.org.company))!;
		});

		it('writes one JSON document with the organisation at the top', () => {
			const doc = JSON.parse(exportJson(data));
			expect(Object.keys(doc)).toEqual(['exportedAt', ...EXPORT_TABLES]);
			expect(doc.exportedAt).toBe('2027-04-01T08:00:00.000Z');
			expect(doc.organisation.name).toBe('Smedjen ApS');
			expect(doc.bookingsReceived[0].pupilFirstNames).toEqual(['Ida', 'Åse']);
			expect(exportFilename(data, null)).toBe('aarshjul-smedjen-aps-2027-04-01.json');
		});

		it('writes CSV for Danish Excel: BOM, semicolons, CRLF, formulas defused', () => {
			const csv = exportCsv(data, 'bookingsReceived');
			expect(csv.startsWith('\uFEFFid;offerTitle;')).toBe(true);
			expect(csv).toContain('\r\n');
			const rows = parse(csv, { bom: true, delimiter: ';', columns: true }) as Record<
				string,
				string
			>[];
			expect(rows).toMatchObject([{ pupilFirstNames: 'Ida, Åse', teacherName: 'Rasmus Lærer' }]);
			const evaluations = parse(exportCsv(data, 'evaluations'), {
				bom: true,
				delimiter: ';',
				columns: true
			}) as Record<string, string>[];
			expect(evaluations[0].comment).toBe('\'=HYPERLINK("http://evil.example")');
			const meetings = parse(exportCsv(data, 'meetings'), {
				bom: true,
				delimiter: ';',
				columns: true
			});
			expect(meetings).toMatchObject([{ invited: 'ja', present: 'ja' }]);
			expect(exportFilename(data, 'bookingsReceived')).toBe(
				'aarshjul-smedjen-aps-bookingsReceived-2027-04-01.csv'
			);
		});

		it('quotes a line break typed into a comment, so Excel keeps it in its cell', () => {
			const comment = 'Første linje\nanden linje';
			const withBreak = {
				...data,
				tables: {
					...data.tables,
					evaluations: [{ ...data.tables.evaluations[0], comment }]
				}
			};
			const csv = exportCsv(withBreak, 'evaluations');
			expect(csv).toContain('"Første linje\nanden linje"');
			const rows = parse(csv, { bom: true, delimiter: ';', columns: true }) as Record<
				string,
				string
			>[];
			expect(rows.map((r) => r.comment)).toEqual([comment]);
		});

		it('writes the header of an empty table', () => {
			expect(exportCsv(data, 'holidays')).toBe('\uFEFFid;name;startDate;endDate\r\n');
		});
	});
});
