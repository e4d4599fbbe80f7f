import type { Kysely } from 'kysely';
import { schoolYearRange } from '$lib/platform/dates/school-year';
import type { DB } from '$lib/platform/server/db/schema';
import { openingFiguresByTrade, tradesWithCompanyCounts } from './queries';
import type { TradeOverviewRow } from '../rows';

// The follow-up figures per trade. An opening belongs to the school year (1 August–31 July) its
// start date falls in.

/** The agreement starts with these two trades, so the overview always shows them first. */
const LEAD_TRADES = ['industritekniker', 'smed'] as const;

/**
 * Positions per trade in the school year, open against filled. The lead trades are always shown;
 * other trades once a company commits to them or an opening names them.
 */
export async function tradeOverview(
	db: Kysely<DB>,
	schoolYear: string
): Promise<TradeOverviewRow[]> {
	const trades = await tradesWithCompanyCounts(db);
	const figures = await openingFiguresByTrade(db, schoolYearRange(schoolYear));
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
