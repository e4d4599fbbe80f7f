import { m } from '$lib/paraglide/messages.js';
import { getLocale } from '$lib/paraglide/runtime';
import { formatDate, formatLongDate } from '$lib/platform/dates/format';
import type { Report } from './report';
import { reportCharts } from './charts';
import { reportCsv, type CsvPreface } from './csv';
import { reportFileName, reportSearch, schoolYearChoices } from './period';

// What the report's page, print layout and CSV share: the labels they all print the same way.

const locale = () => (getLocale() === 'en' ? 'en' : 'da');

/** Whether the report is read in English (names of trades and categories follow). */
export const isEnglish = () => locale() === 'en';

export function periodText(report: Report): string {
	const values = {
		year: report.query.schoolYear,
		half: String(report.query.half ?? ''),
		from: formatDate(report.period.from, locale()),
		to: formatDate(report.period.to, locale())
	};
	return report.query.half ? m.report_period_half(values) : m.report_period(values);
}

export function filtersText(report: Report): string {
	return m.report_filters_text({
		municipality: report.municipalityName ?? m.report_all_municipalities(),
		trade: report.tradeName ?? m.report_all_trades()
	});
}

/** Everything the page and the print layout show. */
export function reportPageData(report: Report) {
	const search = reportSearch(report.query);
	return {
		query: report.query,
		periodText: periodText(report),
		filtersText: filtersText(report),
		generated: m.report_generated({ date: formatLongDate(report.today, locale()) }),
		tables: report.tables,
		charts: reportCharts(report.tables),
		years: schoolYearChoices(report.today, report.query.schoolYear),
		municipalities: report.municipalities,
		trades: report.trades,
		search,
		english: isEnglish()
	};
}

/** The CSV download: the same tables, with the period and filters on the first lines. */
export function reportCsvResponse(report: Report): Response {
	const preface: CsvPreface = [
		[m.report_csv_report(), m.report_title()],
		[m.report_csv_period(), periodText(report)],
		[m.report_filter_municipality(), report.municipalityName ?? m.report_all_municipalities()],
		[m.report_filter_trade(), report.tradeName ?? m.report_all_trades()],
		[m.report_csv_generated(), report.today]
	];
	return new Response(reportCsv(preface, report.tables), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${reportFileName(report.query)}"`,
			'cache-control': 'private, no-store'
		}
	});
}
