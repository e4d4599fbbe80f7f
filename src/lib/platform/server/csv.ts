import { stringify } from 'csv-stringify/sync';

// The one CSV writer: files that Danish Excel opens by double-click. UTF-8 with a byte order mark
// (else Excel guesses Windows-1252 and "Tørring" turns into mojibake), semicolons (Danish Excel's
// list separator, since the comma is the decimal sign), CRLF line ends. csv-stringify does the
// quoting (";", '"' and line breaks inside a cell) so it is not hand-rolled.

/** A number as Danish Excel reads it: no thousands separator, a comma before the decimals. */
export function formatCsvNumber(value: number, decimals = 0): string {
	return value.toFixed(decimals).replace('.', ',');
}

/**
 * Text that Excel would run as a formula (=, +, -, @, a tab or CR first) gets a leading
 * apostrophe: a company name such as "=HYPERLINK(…)" must stay text (OWASP "CSV injection").
 */
export function safeCsvText(value: string): string {
	return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** Records (already made safe cell by cell) as the file Excel opens. */
export function excelCsv(records: string[][]): string {
	return stringify(records, {
		bom: true,
		delimiter: ';',
		record_delimiter: 'windows',
		// With CRLF records csv-stringify would leave a lone LF unquoted; Excel breaks the row on it.
		quoted_match: /[\r\n]/
	});
}
