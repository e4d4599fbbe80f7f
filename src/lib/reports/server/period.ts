import { m } from '$lib/paraglide/messages.js';
import type { IsoDate } from '$lib/platform/dates/iso';
import { formatSchoolYear, parseSchoolYear, schoolYearOf } from '$lib/platform/dates/school-year';

// The report's period and filters as they stand in the URL (?aar=2026%2F27&halvaar=1&kommune=…&fag=…).
// Pure: whether the municipality and trade exist is checked against the database in report.ts.

export type HalfYear = 1 | 2;

export interface ReportQuery {
	schoolYear: string;
	/** 1 = August–January, 2 = February–July, null = the whole school year. */
	half: HalfYear | null;
	/** The municipality's slug without '-kommune' ('hedensted'), or null for all. */
	municipality: string | null;
	tradeCode: string | null;
}

export interface ReportPeriod {
	from: IsoDate;
	to: IsoDate;
}

export type ParsedReportQuery = { ok: true; query: ReportQuery } | { ok: false; message: string };

const KEY = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** 'hedensted-kommune' → 'hedensted': the short form reads better in a URL and a file name. */
export function municipalityKey(slug: string): string {
	return slug.replace(/-kommune$/, '');
}

function optionalKey(value: string | null): string | null | undefined {
	const v = value?.trim() ?? '';
	if (v === '') return null;
	return KEY.test(v) && v.length <= 80 ? v : undefined;
}

/** Missing values take defaults (the current school year, all of it); malformed ones are refused. */
export function parseReportQuery(params: URLSearchParams, today: IsoDate): ParsedReportQuery {
	const year = params.get('aar')?.trim() || schoolYearOf(today);
	const startYear = parseSchoolYear(year);
	if (startYear === null) return { ok: false, message: m.report_err_year() };
	const halfText = params.get('halvaar')?.trim() ?? '';
	if (!['', '1', '2'].includes(halfText)) return { ok: false, message: m.report_err_half() };
	const municipality = optionalKey(params.get('kommune'));
	if (municipality === undefined) return { ok: false, message: m.report_err_municipality() };
	const tradeCode = optionalKey(params.get('fag'));
	if (tradeCode === undefined) return { ok: false, message: m.report_err_trade() };
	return {
		ok: true,
		query: {
			schoolYear: formatSchoolYear(startYear),
			half: halfText === '' ? null : (Number(halfText) as HalfYear),
			municipality: municipality === null ? null : municipalityKey(municipality),
			tradeCode
		}
	};
}

/** 1. halvår is 1 August – 31 January, 2. halvår 1 February – 31 July. */
export function reportPeriod(query: Pick<ReportQuery, 'schoolYear' | 'half'>): ReportPeriod {
	const startYear = parseSchoolYear(query.schoolYear);
	if (startYear === null) throw new Error(`Not a school year: ${query.schoolYear}`);
	const next = startYear + 1;
	if (query.half === 1) return { from: `${startYear}-08-01`, to: `${next}-01-31` };
	if (query.half === 2) return { from: `${next}-02-01`, to: `${next}-07-31` };
	return { from: `${startYear}-08-01`, to: `${next}-07-31` };
}

/** The same filters as a query string, for the CSV and print links. */
export function reportSearch(query: ReportQuery): string {
	const params = new URLSearchParams({ aar: query.schoolYear });
	if (query.half) params.set('halvaar', String(query.half));
	if (query.municipality) params.set('kommune', query.municipality);
	if (query.tradeCode) params.set('fag', query.tradeCode);
	return params.toString();
}

/** rapport-2026-27-1-halvaar-hedensted-smed.csv: plain ASCII, so every browser keeps it. */
export function reportFileName(query: ReportQuery): string {
	const parts = ['rapport', query.schoolYear.replace('/', '-')];
	if (query.half) parts.push(`${query.half}-halvaar`);
	if (query.municipality) parts.push(query.municipality);
	if (query.tradeCode) parts.push(query.tradeCode);
	return `${parts.join('-')}.csv`;
}

/** The school years the filter offers: two back, one ahead, and whichever is chosen. */
export function schoolYearChoices(today: IsoDate, chosen: string): string[] {
	const current = parseSchoolYear(schoolYearOf(today))!;
	const years = new Set([current - 2, current - 1, current, current + 1]);
	const picked = parseSchoolYear(chosen);
	if (picked !== null) years.add(picked);
	return [...years].sort((a, b) => a - b).map(formatSchoolYear);
}
