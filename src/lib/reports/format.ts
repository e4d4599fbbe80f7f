import { formatNumber } from '$lib/platform/numbers';

// How the report's numbers are written on the page: whole numbers, averages with one decimal, in
// the language's number format (Danish 1.000 and 4,4), as the charts write them.
export function formatReportCell(value: string | number, decimals = 0, english = false): string {
	if (typeof value !== 'number') return value;
	return formatNumber(value, english ? 'en' : 'da', decimals);
}
