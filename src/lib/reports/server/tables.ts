import { m } from '$lib/paraglide/messages.js';
import type { ReportFigures } from './report';
import type { DutyFigures } from '$lib/allocation';

// The report as plain tables: the page, the print layout, the charts and the CSV all read these,
// so the numbers in each of them are the same numbers by construction.

export type ReportCell = string | number;

export interface ReportColumn {
	label: string;
	numeric: boolean;
	/** Shown with this many decimals (averages); whole numbers otherwise. */
	decimals?: number;
}

export interface ReportTable {
	id: string;
	title: string;
	columns: ReportColumn[];
	rows: ReportCell[][];
	totals: ReportCell[] | null;
	/** Columns drawn as bars, one bar per row; stacked when they add up to a whole. */
	chart: { columns: number[]; stacked: boolean } | null;
}

export interface TableNames {
	trades: Map<string, string>;
	municipalities: Map<string, string>;
	categories: { id: string; name: string }[];
}

const text = (label: string): ReportColumn => ({ label, numeric: false });
const count = (label: string): ReportColumn => ({ label, numeric: true });
const sum = (rows: ReportCell[][], column: number) =>
	rows.reduce((total, row) => total + Number(row[column]), 0);
const totalsOf = (rows: ReportCell[][], columns: number[], width: number): ReportCell[] | null =>
	rows.length === 0
		? null
		: Array.from({ length: width }, (_, i) =>
				i === 0 ? m.report_total() : columns.includes(i) ? sum(rows, i) : ''
			);
/** One decimal, as the page and the CSV both show an average. */
export const average = (total: number, n: number) =>
	n === 0 ? 0 : Math.round((total / n) * 10) / 10;

function praktikTable(f: ReportFigures, names: TableNames): ReportTable {
	const order = [...names.trades.keys()];
	const rows = [...f.praktik]
		.sort((a, b) => order.indexOf(a.tradeCode ?? '') - order.indexOf(b.tradeCode ?? ''))
		.map((r) => [
			r.tradeCode ? (names.trades.get(r.tradeCode) ?? r.tradeCode) : m.report_no_trade(),
			r.offered,
			r.booked,
			r.used
		]);
	return {
		id: 'praktik',
		title: m.report_praktik_title(),
		columns: [
			text(m.report_col_trade()),
			count(m.report_col_offered()),
			count(m.report_col_booked()),
			count(m.report_col_used())
		],
		rows,
		totals: totalsOf(rows, [1, 2, 3], 4),
		chart: { columns: [1, 2, 3], stacked: false }
	};
}

function visitTables(f: ReportFigures, names: TableNames): ReportTable[] {
	const schools = f.visitsBySchool.map((r) => [
		r.name,
		names.municipalities.get(r.municipalityId ?? '') ?? '',
		r.visits,
		r.pupils
	]);
	const companies = f.visitsByCompany.map((r) => [r.name, r.visits, r.pupils]);
	return [
		{
			id: 'besoeg-skoler',
			title: m.report_visits_schools_title(),
			columns: [
				text(m.report_col_school()),
				text(m.report_col_municipality()),
				count(m.report_col_visits()),
				count(m.report_col_pupils())
			],
			rows: schools,
			totals: totalsOf(schools, [2, 3], 4),
			chart: { columns: [3], stacked: false }
		},
		{
			id: 'besoeg-virksomheder',
			title: m.report_visits_companies_title(),
			columns: [
				text(m.report_col_company()),
				count(m.report_col_visits()),
				count(m.report_col_pupils())
			],
			rows: companies,
			totals: totalsOf(companies, [1, 2], 3),
			chart: { columns: [2], stacked: false }
		}
	];
}

function reachTable(f: ReportFigures, names: TableNames): ReportTable {
	const figures = new Map(f.pupilsByMunicipality.map((r) => [r.municipalityId ?? '', r]));
	// Every municipality in the filter gets a row, also one no school of which booked anything.
	const keys = [...names.municipalities.keys()];
	if (figures.has('')) keys.push('');
	const rows = keys.map((id) => {
		const r = figures.get(id) ?? { praktik: 0, visit: 0, forloeb: 0 };
		const name = id ? names.municipalities.get(id)! : m.report_no_municipality();
		return [name, r.praktik, r.visit, r.forloeb, r.praktik + r.visit + r.forloeb];
	});
	return {
		id: 'elever-kommuner',
		title: m.report_reach_title(),
		columns: [
			text(m.report_col_municipality()),
			count(m.report_col_praktik()),
			count(m.report_col_visit()),
			count(m.report_col_forloeb()),
			count(m.report_total())
		],
		rows,
		totals: totalsOf(rows, [1, 2, 3, 4], 5),
		chart: { columns: [1, 2, 3], stacked: true }
	};
}

function museumTable(f: ReportFigures): ReportTable {
	const rows = f.museum.map((r) => [r.title, r.startDate, r.classes, r.seats, r.evaluated]);
	return {
		id: 'museum',
		title: m.report_museum_title(),
		columns: [
			text(m.report_col_forloeb_title()),
			text(m.report_col_date()),
			count(m.report_col_classes()),
			count(m.report_col_seats()),
			count(m.report_col_evaluated())
		],
		rows,
		totals: totalsOf(rows, [2, 3, 4], 5),
		chart: { columns: [3], stacked: false }
	};
}

function eventTables(f: ReportFigures, names: TableNames): ReportTable[] {
	const name = (id: string) => names.categories.find((c) => c.id === id)?.name ?? '';
	const ordered = <T extends { categoryId: string }>(rows: T[]) =>
		names.categories.flatMap((c) => rows.filter((r) => r.categoryId === c.id));
	const recruitment = ordered(f.recruitment).map((r) => [
		name(r.categoryId),
		r.events,
		r.participants
	]);
	const ratings = ordered(f.ratings).map((r) => [
		name(r.categoryId),
		r.evaluations,
		average(r.ratingSum, r.evaluations)
	]);
	const allRatings = f.ratings.reduce((s, r) => s + r.ratingSum, 0);
	const allEvaluations = f.ratings.reduce((s, r) => s + r.evaluations, 0);
	return [
		{
			id: 'rekruttering',
			title: m.report_recruitment_title(),
			columns: [
				text(m.report_col_category()),
				count(m.report_col_events()),
				count(m.report_col_participants())
			],
			rows: recruitment,
			totals: totalsOf(recruitment, [1, 2], 3),
			chart: { columns: [1, 2], stacked: false }
		},
		{
			id: 'evalueringer',
			title: m.report_ratings_title(),
			columns: [
				text(m.report_col_category()),
				count(m.report_col_evaluations()),
				{ label: m.report_col_rating(), numeric: true, decimals: 1 }
			],
			rows: ratings,
			totals: ratings.length
				? [m.report_total(), allEvaluations, average(allRatings, allEvaluations)]
				: null,
			chart: { columns: [2], stacked: false }
		}
	];
}

/** The erhvervspraktik duty per municipality and per school (those the reader may see). */
function dutyTables(f: ReportFigures): ReportTable[] {
	const year = f.duty.schoolYear;
	const shown = (v: number | null): ReportCell => v ?? m.duty_not_stated();
	const figures = (r: DutyFigures) => [shown(r.pupils), r.had, r.placed, shown(r.missing)];
	const columns = [
		count(m.duty_col_pupils()),
		count(m.duty_col_had()),
		count(m.duty_col_placed()),
		count(m.duty_col_missing())
	];
	const municipalities = f.duty.municipalities.map((r) => [r.name, ...figures(r)]);
	const schools = f.duty.schools.map((r) => [r.name, r.municipalityName ?? '', ...figures(r)]);
	return [
		{
			id: 'pligt-kommuner',
			title: m.report_duty_title({ year }),
			columns: [text(m.report_col_municipality()), ...columns],
			rows: municipalities,
			totals: municipalities.length ? [m.report_total(), ...figures(f.duty.total)] : null,
			chart: null
		},
		{
			id: 'pligt-skoler',
			title: m.report_duty_schools_title({ year }),
			columns: [text(m.report_col_school()), text(m.report_col_municipality()), ...columns],
			rows: schools,
			totals: null,
			chart: null
		}
	];
}

export function reportTables(figures: ReportFigures, names: TableNames): ReportTable[] {
	return [
		praktikTable(figures, names),
		...visitTables(figures, names),
		reachTable(figures, names),
		museumTable(figures),
		...eventTables(figures, names),
		...dutyTables(figures)
	];
}
