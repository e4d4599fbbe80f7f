// How the report's numbers are written on the page: whole numbers plain, averages with one decimal
// and a decimal comma in Danish (as in the CSV), so the page and the download read alike.
export function formatReportCell(value: string | number, decimals = 0, english = false): string {
	if (typeof value !== 'number') return value;
	const fixed = value.toFixed(decimals);
	return english ? fixed : fixed.replace('.', ',');
}
