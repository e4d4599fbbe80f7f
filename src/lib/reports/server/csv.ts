import { excelCsv, formatCsvNumber, safeCsvText } from '$lib/platform/server/csv';
import type { ReportCell, ReportColumn, ReportTable } from './tables';

// The report as a CSV file for Danish Excel (the one writer: platform/server/csv.ts), with a
// decimal comma.

/** Lines before the tables: what the report covers (label; value). */
export type CsvPreface = [string, string][];

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
	return excelCsv(records);
}
