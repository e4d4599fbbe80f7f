import { describe, expect, it } from 'vitest';
import { reportChart } from './charts';
import { formatReportCell } from '../format';
import type { ReportTable } from './tables';

const table: ReportTable = {
	id: 'places',
	title: 'Pladser',
	columns: [
		{ label: 'Skole', numeric: false },
		{ label: 'Bookede pladser', numeric: true },
		{ label: 'Vurdering', numeric: true, decimals: 1 }
	],
	rows: [['Byskolen', 1200, 4.4]],
	totals: null,
	chart: { columns: [1], stacked: false }
};

describe('reports/charts', () => {
	describe('reportChart', () => {
		it('writes the bars and the text alternative in Danish number format', () => {
			const chart = reportChart(table)!;
			expect(chart.svg).toContain('1.200');
			expect(chart.svg).not.toContain('1,200');
			expect(chart.alt).toContain('Bookede pladser 1.200');
		});
	});
});

describe('reports/format', () => {
	describe('formatReportCell', () => {
		it('writes thousands with a point and one decimal with a comma in Danish', () => {
			expect(formatReportCell(1200)).toBe('1.200');
			expect(formatReportCell(4.44, 1)).toBe('4,4');
			expect(formatReportCell(1200, 0, true)).toBe('1,200');
		});
	});
});
