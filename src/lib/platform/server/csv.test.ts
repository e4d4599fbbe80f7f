import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { excelCsv, formatCsvNumber, safeCsvText } from './csv';

describe('csv', () => {
	describe('formatCsvNumber', () => {
		it('writes a decimal comma and no thousands separator', () => {
			expect(formatCsvNumber(4.5, 1)).toBe('4,5');
			expect(formatCsvNumber(4, 1)).toBe('4,0');
			expect(formatCsvNumber(12345)).toBe('12345');
		});
	});

	describe('safeCsvText', () => {
		it('defuses text that Excel would run as a formula', () => {
			expect(safeCsvText('=1+1')).toBe("'=1+1");
			expect(safeCsvText('+45 12')).toBe("'+45 12");
			expect(safeCsvText('-x')).toBe("'-x");
			expect(safeCsvText('@sum')).toBe("'@sum");
			expect(safeCsvText('\tx')).toBe("'\tx");
			expect(safeCsvText('Smed')).toBe('Smed');
		});
	});

	describe('excelCsv', () => {
		it('writes a byte order mark, semicolons and CRLF, and quotes a lone line feed', () => {
			const csv = excelCsv([
				['Navn', 'Note'],
				['Smedjen; "ApS"', 'første\nlinje']
			]);
			expect(csv.charCodeAt(0)).toBe(0xfeff);
			expect(csv).toBe('\ufeffNavn;Note\r\n"Smedjen; ""ApS""";"første\nlinje"\r\n');
			expect(parse(csv, { bom: true, delimiter: ';' })).toEqual([
				['Navn', 'Note'],
				['Smedjen; "ApS"', 'første\nlinje']
			]);
		});
	});
});
