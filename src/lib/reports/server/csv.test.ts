import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { reportCsv } from './csv';
import type { ReportTable } from './tables';

const table: ReportTable = {
	id: 'evalueringer',
	title: 'Evalueringer',
	columns: [
		{ label: 'Kategori', numeric: false },
		{ label: 'Antal', numeric: true },
		{ label: 'Gennemsnit', numeric: true, decimals: 1 }
	],
	rows: [
		['Tørring; "smedje"', 3, 4.5],
		['To\nlinjer', 12, 4],
		['=HYPERLINK("x")', 1, 3.25]
	],
	totals: ['I alt', 16, 4.2],
	chart: null
};

const parseBack = (csv: string) =>
	parse(csv, { bom: true, delimiter: ';', relax_column_count: true }) as string[][];

describe('report-csv', () => {
	describe('reportCsv', () => {
		const csv = reportCsv([['Periode', 'Skoleåret 2026/27']], [table]);

		it('starts with a UTF-8 byte order mark and ends lines with CRLF', () => {
			expect(csv.charCodeAt(0)).toBe(0xfeff);
			const bytes = Buffer.from(csv, 'utf8');
			expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
			expect(csv.endsWith('\r\n')).toBe(true);
			// The only bare LF is the one inside the quoted cell.
			expect(csv.replace(/\r\n/g, '').split('\n')).toHaveLength(2);
		});

		it('separates by semicolons and quotes ; " and line breaks', () => {
			expect(csv).toContain('\r\nKategori;Antal;Gennemsnit\r\n');
			expect(csv).toContain('"Tørring; ""smedje""";3;4,5\r\n');
			expect(csv).toContain('"To\nlinjer";12;4,0\r\n');
			expect(csv).toContain('"\'=HYPERLINK(""x"")";1;3,3\r\n');
		});

		it('reads back as the same cells', () => {
			expect(parseBack(csv)).toEqual([
				['Periode', 'Skoleåret 2026/27'],
				[''],
				['Evalueringer'],
				['Kategori', 'Antal', 'Gennemsnit'],
				['Tørring; "smedje"', '3', '4,5'],
				['To\nlinjer', '12', '4,0'],
				['\'=HYPERLINK("x")', '1', '3,3'],
				['I alt', '16', '4,2']
			]);
		});

		it('leaves out the totals line of a table without one', () => {
			const rows = parseBack(reportCsv([], [{ ...table, rows: [], totals: null }]));
			expect(rows).toEqual([[''], ['Evalueringer'], ['Kategori', 'Antal', 'Gennemsnit']]);
		});
	});
});
