import type { Kysely } from 'kysely';
import { m } from '$lib/paraglide/messages.js';
import { copenhagenToday } from '$lib/platform/dates/iso';
import type { DB } from '$lib/platform/server/db/schema';
import type { Actor } from '$lib/auth';
import { refuse, success, type Result } from '$lib/platform/server/http/result';
import { canViewReports } from './policy';
import {
	municipalityKey,
	parseReportQuery,
	reportPeriod,
	type ReportPeriod,
	type ReportQuery
} from './period';
import {
	praktikByTrade,
	pupilsByMunicipality,
	visitsBy,
	type PraktikFigures,
	type ReachFigures,
	type ReportScope,
	type VisitFigures
} from './queries/report';
import {
	museumForloeb,
	ratingsByCategory,
	recruitmentEvents,
	type MuseumFigures,
	type RatingFigures,
	type RecruitmentFigures
} from './queries/activities';
import {
	listCategories,
	listMunicipalities,
	listTrades,
	schoolMunicipalities
} from './queries/catalogue';
import { reportTables, type ReportTable } from './tables';
import { dutyReport } from '$lib/allocation/server';
import type { DutyOverview } from '$lib/allocation';

// The half-yearly report: rights, filters from the URL, the figures, and the tables made of them.

export interface ReportFigures {
	praktik: PraktikFigures[];
	visitsBySchool: (VisitFigures & { municipalityId: string | null })[];
	visitsByCompany: VisitFigures[];
	pupilsByMunicipality: ReachFigures[];
	museum: MuseumFigures[];
	recruitment: RecruitmentFigures[];
	ratings: RatingFigures[];
	/** The erhvervspraktik duty of the whole school year (a half-year filter does not apply). */
	duty: DutyOverview;
}

export interface Report {
	query: ReportQuery;
	period: ReportPeriod;
	today: string;
	municipalityName: string | null;
	tradeName: string | null;
	tables: ReportTable[];
	/** The choices of the filter form. */
	municipalities: { key: string; name: string }[];
	trades: { code: string; name: string }[];
}

async function computeReportFigures(
	db: Kysely<DB>,
	scope: ReportScope,
	duty: () => Promise<DutyOverview>
): Promise<ReportFigures> {
	// Sequential on purpose: PGlite serialises queries anyway.
	const praktik = await praktikByTrade(db, scope);
	const schools = await visitsBy(db, scope, 'school');
	const schoolMunicipality = await schoolMunicipalities(db);
	return {
		praktik,
		visitsBySchool: schools.map((s) => ({
			...s,
			municipalityId: schoolMunicipality.get(s.id) ?? null
		})),
		visitsByCompany: await visitsBy(db, scope, 'provider'),
		pupilsByMunicipality: await pupilsByMunicipality(db, scope),
		museum: await museumForloeb(db, scope),
		recruitment: await recruitmentEvents(db, scope),
		ratings: await ratingsByCategory(db, scope),
		duty: await duty()
	};
}

async function catalogue(db: Kysely<DB>, english: boolean) {
	const municipalities = await listMunicipalities(db);
	const trades = await listTrades(db);
	const categories = await listCategories(db);
	return {
		municipalities: municipalities.map((mu) => ({ ...mu, key: municipalityKey(mu.slug) })),
		trades: trades.map((t) => ({ code: t.code, name: english ? t.nameEn : t.nameDa })),
		categories: categories.map((c) => ({ id: c.id, name: english ? c.nameEn : c.nameDa }))
	};
}

/**
 * The report for the filters in the URL. Not a reader: 404 (the route sends visitors to the
 * login first). Malformed or unknown filters: 400 with a Danish message, never an error 500.
 */
export async function loadReport(
	db: Kysely<DB>,
	user: Actor | null,
	params: URLSearchParams,
	options: { now?: Date; english?: boolean } = {}
): Promise<Result<Report>> {
	if (!canViewReports(user)) return refuse(404, m.report_err_not_found());
	const today = copenhagenToday(options.now);
	const parsed = parseReportQuery(params, today);
	if (!parsed.ok) return refuse(400, parsed.message);
	const { query } = parsed;
	const names = await catalogue(db, options.english ?? false);
	const municipality = query.municipality
		? names.municipalities.find((mu) => mu.key === query.municipality)
		: null;
	if (municipality === undefined) return refuse(400, m.report_err_municipality());
	const trade = query.tradeCode ? names.trades.find((t) => t.code === query.tradeCode) : null;
	if (trade === undefined) return refuse(400, m.report_err_trade());

	const period = reportPeriod(query);
	const scope: ReportScope = {
		...period,
		today,
		municipalityId: municipality?.id ?? null,
		tradeCode: trade?.code ?? null
	};
	const figures = await computeReportFigures(db, scope, () =>
		dutyReport(db, user, {
			schoolYear: query.schoolYear,
			today,
			municipalityId: scope.municipalityId
		})
	);
	const shown = municipality ? [municipality] : names.municipalities;
	const tables = reportTables(figures, {
		trades: new Map(names.trades.map((t) => [t.code, t.name])),
		municipalities: new Map(shown.map((mu) => [mu.id, mu.name])),
		categories: names.categories
	});
	return success({
		query,
		period,
		today,
		municipalityName: municipality?.name ?? null,
		tradeName: trade?.name ?? null,
		tables,
		municipalities: names.municipalities.map((mu) => ({ key: mu.key, name: mu.name })),
		trades: names.trades
	});
}
