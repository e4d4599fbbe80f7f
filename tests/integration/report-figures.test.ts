import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/lib/platform/server/db/engine';
import { loadReport, type Report } from '../../src/lib/reports/server/report';
import { createTestDatabase } from '../helpers/db';
import { NOW, createReportWorld, type ReportWorld } from './report-fixtures';

// Every expected number below was counted by hand from report-fixtures.ts.

describe('report', () => {
	let database: Database;
	let world: ReportWorld;

	beforeAll(async () => {
		database = await createTestDatabase();
		world = await createReportWorld(database.db);
	});
	afterAll(async () => {
		await database?.close();
	});

	async function report(query: string, now = NOW): Promise<Report> {
		const result = await loadReport(
			database.db,
			world.users.secretariat,
			new URLSearchParams(query),
			{ now }
		);
		if (!result.ok) throw new Error(result.message);
		return result.value;
	}
	const table = (r: Report, id: string) => {
		const t = r.tables.find((t) => t.id === id)!;
		return { rows: t.rows, totals: t.totals };
	};

	describe('loadReport', () => {
		it('counts the whole school year without filters', async () => {
			const r = await report('aar=2026/27');
			expect(r.period).toEqual({ from: '2026-08-01', to: '2027-07-31' });
			expect(table(r, 'praktik')).toEqual({
				rows: [
					['Industritekniker', 5, 3, 3],
					['Smed', 7, 4, 2]
				],
				totals: ['I alt', 12, 7, 5]
			});
			expect(table(r, 'besoeg-skoler')).toEqual({
				rows: [
					['Byskolen', 'Horsens Kommune', 2, 49],
					['Løsning Skole', 'Hedensted Kommune', 1, 20]
				],
				totals: ['I alt', '', 3, 69]
			});
			expect(table(r, 'besoeg-virksomheder')).toEqual({
				rows: [
					['Maskinen A/S', 1, 24],
					['Smedjen ApS', 2, 45]
				],
				totals: ['I alt', 3, 69]
			});
			expect(table(r, 'elever-kommuner')).toEqual({
				rows: [
					['Hedensted Kommune', 3, 20, 18, 41],
					['Horsens Kommune', 3, 49, 34, 86]
				],
				totals: ['I alt', 6, 69, 52, 127]
			});
			expect(table(r, 'museum')).toEqual({
				rows: [
					['industrimuseet 2026-11-20', '2026-11-20', 2, 40, 58],
					['industrimuseet 2027-04-15', '2027-04-15', 0, 0, 0]
				],
				totals: ['I alt', '', 2, 40, 58]
			});
			expect(table(r, 'rekruttering')).toEqual({
				rows: [
					['Kat gf1', 1, 0],
					['Kat uddannelsesmesse', 1, 500],
					['Kat kampagne', 1, 0]
				],
				totals: ['I alt', 3, 500]
			});
			expect(table(r, 'evalueringer')).toEqual({
				rows: [
					['Kat erhvervspraktik', 1, 5],
					['Kat industrimuseet', 2, 4.5],
					['Kat uddannelsesmesse', 2, 3.5]
				],
				totals: ['I alt', 5, 4.2]
			});
		});

		it('filters Hedensted and smed on the schools’ side and by the companies’ trades', async () => {
			const r = await report('aar=2026%2F27&kommune=hedensted&fag=smed');
			expect(r.municipalityName).toBe('Hedensted Kommune');
			expect(r.tradeName).toBe('Smed');
			// Places offered are the companies' side: the municipality filter leaves them alone.
			expect(table(r, 'praktik').rows).toEqual([['Smed', 7, 3, 2]]);
			expect(table(r, 'besoeg-skoler').rows).toEqual([
				['Løsning Skole', 'Hedensted Kommune', 1, 20]
			]);
			expect(table(r, 'besoeg-virksomheder').rows).toEqual([['Smedjen ApS', 1, 20]]);
			// The museum trains no trade, so its forløb leave "pupils reached" under a trade filter.
			expect(table(r, 'elever-kommuner').rows).toEqual([['Hedensted Kommune', 3, 20, 0, 23]]);
			expect(table(r, 'museum').rows[0]).toEqual([
				'industrimuseet 2026-11-20',
				'2026-11-20',
				1,
				18,
				58
			]);
			expect(table(r, 'rekruttering').totals).toEqual(['I alt', 3, 500]);
			expect(table(r, 'evalueringer').totals).toEqual(['I alt', 5, 4.2]);
		});

		it('counts the first half-year from August to January only', async () => {
			const r = await report('aar=2026/27&halvaar=1');
			expect(r.period).toEqual({ from: '2026-08-01', to: '2027-01-31' });
			expect(table(r, 'praktik').rows).toEqual([
				['Industritekniker', 5, 3, 3],
				['Smed', 4, 3, 2]
			]);
			expect(table(r, 'besoeg-virksomheder').rows).toEqual([['Smedjen ApS', 2, 45]]);
			expect(table(r, 'elever-kommuner').rows).toEqual([
				['Hedensted Kommune', 2, 20, 18, 40],
				['Horsens Kommune', 3, 25, 22, 50]
			]);
			expect(table(r, 'museum').rows).toHaveLength(1);
			expect(table(r, 'rekruttering').rows).toEqual([['Kat uddannelsesmesse', 1, 500]]);
		});

		it('counts the second half-year from February to July, with the industrial trade in Horsens', async () => {
			const r = await report('aar=2026/27&halvaar=2&kommune=horsens&fag=industritekniker');
			expect(r.period).toEqual({ from: '2027-02-01', to: '2027-07-31' });
			expect(table(r, 'praktik').rows).toEqual([]);
			expect(table(r, 'besoeg-skoler').rows).toEqual([['Byskolen', 'Horsens Kommune', 1, 24]]);
			// Learnmark's forløb carries the trade itself.
			expect(table(r, 'elever-kommuner').rows).toEqual([['Horsens Kommune', 0, 24, 12, 36]]);
		});

		it('counts places as used only once the praktik week has ended', async () => {
			const before = await report('aar=2026/27&fag=smed', new Date('2026-11-05T12:00:00Z'));
			expect(table(before, 'praktik').rows).toEqual([['Smed', 7, 4, 0]]);
			const after = await report('aar=2026/27&fag=smed', new Date('2027-03-01T12:00:00Z'));
			expect(table(after, 'praktik').rows).toEqual([['Smed', 7, 4, 3]]);
		});

		it('finds nothing in a school year without activities', async () => {
			const r = await report('aar=2030/31');
			expect(table(r, 'praktik').rows).toEqual([]);
			expect(table(r, 'elever-kommuner').totals).toEqual(['I alt', 0, 0, 0, 0]);
			expect(table(r, 'evalueringer')).toEqual({ rows: [], totals: null });
		});

		it('takes the current school year when none is given', async () => {
			const r = await report('');
			expect(r.query.schoolYear).toBe('2026/27');
		});
	});
});
