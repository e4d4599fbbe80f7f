import { stringify } from 'csv-stringify/sync';
import type { ReportCell, ReportColumn, ReportTable } from './tables';

// The report as a CSV file that Danish Excel opens by double-click: UTF-8 with a byte order mark
// (else Excel guesses Windows-1252 and "Tørring" turns into mojibake), semicolons (Danish Excel's
// list separator, since the comma is the decimal sign), CRLF line ends and a decimal comma.
// csv-stringify does the quoting (";", '"' and line breaks inside a cell) so it is not hand-rolled.

/** Lines before the tables: what the report covers (label; value). */
export type CsvPreface = [string, string][];

/** A number as Danish Excel reads it: no thousands separator, a comma before the decimals. */
export function formatCsvNumber(value: number, decimals = 0): string {
	return value.toFixed(decimals).replace('.', ',');
}

/**
 * Text that Excel would run as a formula (=, +, -, @ first) gets a leading apostrophe: a company
 * name such as "=HYPERLINK(…)" must stay text (OWASP "CSV injection").
 */
export function safeCsvText(value: string): string {
	return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function cell(value: ReportCell, column: ReportColumn | undefined): string {
	if (typeof value === 'number') return formatCsvNumber(value, column?.decimals ?? 0);
	return safeCsvText(value);
}

function tableRecords(table: ReportTable): string[][] {
	const records: string[][] = [[safeCsvText(table.title)]];
	records.push(table.columns.map((c) => safeCsvText(c.label)));
	for (const row of table.rows) records.push(row.map((v, i) => cell(v, table.columns[i])));
	if (table.totals) records.push(table.totals.map((v, i) => cell(v, table.columns[i])));
	return records;
}

/** The whole report: the preface, then each table (title, header, rows, total) and a blank line. */
export function reportCsv(preface: CsvPreface, tables: ReportTable[]): string {
	const records: string[][] = preface.map(([label, value]) => [
		safeCsvText(label),
		safeCsvText(value)
	]);
	for (const table of tables) {
		records.push([]);
		records.push(...tableRecords(table));
	}
	return stringify(records, {
		bom: true,
		delimiter: ';',
		record_delimiter: 'windows',
		// With CRLF records csv-stringify would leave a lone LF unquoted; Excel breaks the row on it.
		quoted_match: /[\r\n]/
	});
}
