import { sql, type Kysely } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import { schoolYearRange } from '$lib/platform/dates/school-year';
import type { DB } from '$lib/platform/server/db/schema';

// The follow-up figures: positions per trade, and committed companies with nothing in the year.
// An opening belongs to the school year (1 August–31 July) its start date falls in.

/** The agreement starts with these two trades, so the overview always shows them first. */
const LEAD_TRADES = ['industritekniker', 'smed'] as const;

export interface TradeOverviewRow {
	tradeCode: string;
	nameDa: string;
	nameEn: string;
	/** Committed companies that name the trade today. */
	companies: number;
	openings: number;
	positions: number;
	openPositions: number;
	filledPositions: number;
}

export interface FollowUpRow {
	organisationId: string;
	name: string;
	municipality: string | null;
	contactName: string;
	contactEmail: string;
	contactPhone: string;
	joinedOn: string;
	trades: { nameDa: string; nameEn: string }[];
}

/**
 * Positions per trade in the school year, open against filled. The lead trades are always shown;
 * other trades once a company commits to them or an opening names them.
 */
export async function tradeOverview(
	db: Kysely<DB>,
	schoolYear: string
): Promise<TradeOverviewRow[]> {
	const { start, end } = schoolYearRange(schoolYear);
	const trades = await db
		.selectFrom('trade as t')
		.leftJoin('allianceCommitmentTrade as ct', 'ct.tradeCode', 't.code')
		.select(['t.code', 't.nameDa', 't.nameEn'])
		.select((eb) => eb.fn.count<string>('ct.organisationId').as('companies'))
		.groupBy(['t.code', 't.nameDa', 't.nameEn'])
		.execute();
	const figures = await db
		.selectFrom('apprenticeshipOpening')
		.select('tradeCode')
		.select((eb) => [
			eb.fn.countAll<string>().as('openings'),
			eb.fn.sum<string>('positions').as('positions'),
			sql<string>`coalesce(sum(positions) filter (where status = 'open'), 0)`.as('open'),
			sql<string>`coalesce(sum(positions) filter (where status = 'filled'), 0)`.as('filled')
		])
		.where('startDate', '>=', start)
		.where('startDate', '<=', end)
		.groupBy('tradeCode')
		.execute();
	const byTrade = new Map(figures.map((f) => [f.tradeCode, f]));
	const lead = (code: string) => {
		const i = (LEAD_TRADES as readonly string[]).indexOf(code);
		return i === -1 ? LEAD_TRADES.length : i;
	};
	return trades
		.map((t) => {
			const f = byTrade.get(t.code);
			return {
				tradeCode: t.code,
				nameDa: t.nameDa,
				nameEn: t.nameEn,
				companies: Number(t.companies),
				openings: Number(f?.openings ?? 0),
				positions: Number(f?.positions ?? 0),
				openPositions: Number(f?.open ?? 0),
				filledPositions: Number(f?.filled ?? 0)
			};
		})
		.filter((r) => lead(r.tradeCode) < LEAD_TRADES.length || r.companies > 0 || r.openings > 0)
		.sort(
			(a, b) => lead(a.tradeCode) - lead(b.tradeCode) || a.nameDa.localeCompare(b.nameDa, 'da')
		);
}

/**
 * Committed companies with no opening (open or filled) starting in the school year: the ones the
 * secretariat calls. A company that joined after the year ended is not counted against it.
 */
export async function listFollowUp(db: Kysely<DB>, schoolYear: string): Promise<FollowUpRow[]> {
	const { start, end } = schoolYearRange(schoolYear);
	const rows = await db
		.selectFrom('allianceCommitment as ac')
		.innerJoin('organisation as c', 'c.id', 'ac.organisationId')
		.leftJoin('organisation as mun', 'mun.id', 'c.municipalityId')
		.select([
			'ac.organisationId',
			'c.name',
			'mun.name as municipality',
			'ac.contactName',
			'ac.contactEmail',
			'ac.contactPhone',
			'ac.joinedOn'
		])
		.select((eb) =>
			jsonArrayFrom(
				eb
					.selectFrom('allianceCommitmentTrade as ct')
					.innerJoin('trade as t', 't.code', 'ct.tradeCode')
					.select(['t.nameDa', 't.nameEn'])
					.whereRef('ct.organisationId', '=', 'ac.organisationId')
					.orderBy('t.sort')
			).as('trades')
		)
		.where('ac.joinedOn', '<=', end)
		.where(({ not, exists, selectFrom }) =>
			not(
				exists(
					selectFrom('apprenticeshipOpening as o')
						.select('o.id')
						.whereRef('o.organisationId', '=', 'ac.organisationId')
						.where('o.startDate', '>=', start)
						.where('o.startDate', '<=', end)
				)
			)
		)
		.orderBy('c.name')
		.execute();
	return rows;
}

/** Companies in the alliance now (the overview's total; per trade a company may count twice). */
export async function countCommitments(db: Kysely<DB>): Promise<number> {
	const row = await db
		.selectFrom('allianceCommitment')
		.select((eb) => eb.fn.countAll<string>().as('n'))
		.executeTakeFirstOrThrow();
	return Number(row.n);
}
