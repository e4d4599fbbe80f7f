import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/lib/platform/server/db/engine';
import { load as pageLoad } from '../../src/routes/rapporter/+page.server';
import { load as printLoad } from '../../src/routes/rapporter/print/+page.server';
import { GET as csvGet } from '../../src/routes/rapporter/csv/+server';
import { formatReportCell } from '../../src/lib/reports/format';
import type { reportPageData } from '../../src/lib/reports/server/page';
import type { SessionUser } from '../../src/lib/auth/server/session';
import { createTestDatabase } from '../helpers/db';
import { fakeEvent, useForRoutes } from './organisation.fixtures';
import { OUTSIDERS, READERS, createReportWorld, type ReportWorld } from './report-fixtures';

type Outcome = { status: number; location?: string; message?: string };
type PageData = ReturnType<typeof reportPageData>;

/** What a route answered: 200, or the status of the error or redirect it threw. */
async function outcome(run: () => unknown): Promise<Outcome> {
	try {
		const result = await run();
		return { status: result instanceof Response ? result.status : 200 };
	} catch (e) {
		const thrown = e as { status?: number; location?: string; body?: { message?: string } };
		if (typeof thrown.status !== 'number') throw e;
		return { status: thrown.status, location: thrown.location, message: thrown.body?.message };
	}
}

describe('routes/rapporter', () => {
	let database: Database;
	let world: ReportWorld;
	const user = (who: string) => world.users[who] as SessionUser | null;
	const page = (path: string, who: string) =>
		pageLoad(fakeEvent(path, user(who))) as unknown as Promise<PageData>;
	const print = (path: string, who: string) => printLoad(fakeEvent(path, user(who)));
	const csv = (path: string, who: string) =>
		csvGet(fakeEvent(path, user(who))) as Promise<Response>;

	beforeAll(async () => {
		database = await createTestDatabase();
		useForRoutes(database);
		world = await createReportWorld(database.db);
	});
	afterAll(async () => {
		await database?.close();
	});

	describe('who may see reports', () => {
		const ROUTES = [
			['page', (who: string) => page('/rapporter?aar=2026/27', who)],
			['print', (who: string) => print('/rapporter/print?aar=2026/27', who)],
			['csv', (who: string) => csv('/rapporter/csv?aar=2026/27', who)]
		] as const;
		const TABLE: [string, number][] = [
			...READERS.map((who): [string, number] => [who, 200]),
			...OUTSIDERS.map((who): [string, number] => [who, 404]),
			['anonymous', 303]
		];
		for (const [route, call] of ROUTES) {
			for (const [who, status] of TABLE) {
				it(`answers ${status} on the ${route} to ${who}`, async () => {
					const result = await outcome(() => call(who));
					expect(result.status).toBe(status);
					if (status === 303) expect(result.location).toMatch(/^\/login\?next=%2Frapporter/);
				});
			}
		}

		it('shows a municipality user the other municipalities’ schools too (decided: shared report)', async () => {
			const data = await page('/rapporter?aar=2026/27', 'municipality');
			const schools = data.tables.find((t) => t.id === 'besoeg-skoler')!;
			expect(schools.rows.map((r) => r[0])).toEqual(['Byskolen', 'Løsning Skole']);
		});
	});

	describe('bad filters', () => {
		const BAD = [
			['aar=2026-27', 'Skoleåret skal skrives som 2026/27.'],
			['aar=2026/28', 'Skoleåret skal skrives som 2026/27.'],
			['aar=2026/27&halvaar=3', 'Halvåret skal være 1 (august–januar) eller 2 (februar–juli).'],
			['kommune=atlantis', 'Den kommune findes ikke i alliancen.'],
			['kommune=%3Cscript%3E', 'Den kommune findes ikke i alliancen.'],
			['fag=bager', 'Det fag findes ikke.'],
			['fag=' + 'x'.repeat(300), 'Det fag findes ikke.']
		];
		for (const [query, message] of BAD) {
			it(`answers 400 with a Danish message for ${query.slice(0, 30)}`, async () => {
				for (const path of ['/rapporter', '/rapporter/print', '/rapporter/csv']) {
					const call = path.endsWith('csv') ? csv : path.endsWith('print') ? print : page;
					const result = await outcome(() => call(`${path}?${query}`, 'secretariat'));
					expect(result).toEqual({ status: 400, location: undefined, message });
				}
			});
		}
	});

	describe('the CSV download', () => {
		const QUERY = 'aar=2026%2F27&kommune=hedensted&fag=smed';

		it('is a Danish-Excel CSV attachment named after the filters', async () => {
			const response = await csv(`/rapporter/csv?${QUERY}`, 'secretariat');
			expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
			expect(response.headers.get('content-disposition')).toBe(
				'attachment; filename="rapport-2026-27-hedensted-smed.csv"'
			);
			const bytes = new Uint8Array(await response.arrayBuffer());
			expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		});

		it('holds the same tables, cells and totals as the page', async () => {
			const data = await page(`/rapporter?${QUERY}`, 'secretariat');
			const text = await (await csv(`/rapporter/csv?${QUERY}`, 'secretariat')).text();
			const records = parse(text, {
				bom: true,
				delimiter: ';',
				relax_column_count: true
			}) as string[][];
			expect(records.slice(0, 4)).toEqual([
				['Rapport', 'Rapport'],
				['Periode', data.periodText],
				['Kommune', 'Hedensted Kommune'],
				['Fag', 'Smed']
			]);
			let checked = 0;
			for (const table of data.tables) {
				const at = records.findIndex((r) => r.length === 1 && r[0] === table.title);
				expect(at, table.title).toBeGreaterThan(0);
				const cells = (row: (string | number)[]) =>
					row.map((v, i) => formatReportCell(v, table.columns[i].decimals));
				const expected = [
					table.columns.map((c) => c.label),
					...table.rows.map(cells),
					...(table.totals ? [cells(table.totals)] : [])
				];
				expect(records.slice(at + 1, at + 1 + expected.length)).toEqual(expected);
				checked += table.rows.length;
			}
			expect(checked).toBeGreaterThan(5);
			// And the figures themselves are the hand-counted ones.
			expect(records).toContainEqual(['Smed', '7', '3', '2']);
			expect(records).toContainEqual(['Hedensted Kommune', '3', '20', '0', '23']);
		});
	});

	describe('the page', () => {
		it('draws a chart with a text alternative beside each table with rows', async () => {
			const data = await page('/rapporter?aar=2026/27&kommune=hedensted&fag=smed', 'secretariat');
			const praktik = data.charts['praktik'];
			expect(praktik.svg.startsWith('<svg')).toBe(true);
			expect(praktik.svg).not.toContain('<style');
			expect(praktik.alt).toContain('Smed: Udbudte pladser 7, Bookede pladser 3, Brugte pladser 2');
			expect(data.charts['evalueringer'].alt).toContain('Gennemsnitlig vurdering');
			expect(data.periodText).toBe('Skoleåret 2026/27: 1. aug. 2026 – 31. jul. 2027');
			expect(data.search).toBe('aar=2026%2F27&kommune=hedensted&fag=smed');
		});

		it('names the half-year and its months', async () => {
			const data = await page('/rapporter?aar=2026/27&halvaar=2', 'partner');
			expect(data.periodText).toBe('Skoleåret 2026/27, 2. halvår: 1. feb. 2027 – 31. jul. 2027');
			expect(data.filtersText).toBe('Kommune: alle kommuner. Fag: alle fag.');
		});
	});
});
