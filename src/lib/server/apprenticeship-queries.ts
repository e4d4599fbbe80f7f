import { sql, type Kysely } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import { schoolYearRange } from '$lib/dates/school-year';
import type { DB, OpeningStatus, OrganisationKind } from './db/schema';
import {
	canEditOpening,
	canViewCommitment,
	type ApprenticeshipUser
} from './apprenticeship-rights';

// What the lærepladsalliance pages read. A school year runs 1 August–31 July; an opening belongs
// to the year its start date falls in.

/** The agreement starts with these two trades, so the overview always shows them first. */
export const LEAD_TRADES = ['industritekniker', 'smed'] as const;

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

export interface OpeningRow {
	id: string;
	organisationId: string;
	companyName: string;
	tradeCode: string;
	tradeNameDa: string;
	tradeNameEn: string;
	positions: number;
	startDate: string;
	contactName: string;
	contactEmail: string;
	description: string;
	status: OpeningStatus;
}

export interface FollowUpRow {
	organisationId: string;
	name: string;
	municipality: string | null;
	contactName: string;
	contactEmail: string;
	contactPhone: string;
	joinedOn: string;
	trades: string[];
}

function openingsQuery(db: Kysely<DB>) {
	return db
		.selectFrom('apprenticeshipOpening as o')
		.innerJoin('organisation as c', 'c.id', 'o.organisationId')
		.innerJoin('trade as t', 't.code', 'o.tradeCode')
		.select([
			'o.id',
			'o.organisationId',
			'c.name as companyName',
			'o.tradeCode',
			't.nameDa as tradeNameDa',
			't.nameEn as tradeNameEn',
			'o.positions',
			'o.startDate',
			'o.contactName',
			'o.contactEmail',
			'o.description',
			'o.status'
		])
		.orderBy('o.startDate')
		.orderBy('c.name');
}

/** Open openings starting in the school year: public job adverts. */
export function listOpenOpenings(db: Kysely<DB>, schoolYear: string): Promise<OpeningRow[]> {
	const { start, end } = schoolYearRange(schoolYear);
	return openingsQuery(db)
		.where('o.status', '=', 'open')
		.where('o.startDate', '>=', start)
		.where('o.startDate', '<=', end)
		.execute();
}

/** Every opening of one company, open or filled, newest start first. */
export function listCompanyOpenings(db: Kysely<DB>, organisationId: string): Promise<OpeningRow[]> {
	return openingsQuery(db)
		.clearOrderBy()
		.where('o.organisationId', '=', organisationId)
		.orderBy('o.startDate', 'desc')
		.execute();
}

/** The opening, when the user may change it; otherwise null (the page answers 404). */
export async function findOpeningForEdit(
	db: Kysely<DB>,
	user: ApprenticeshipUser | null,
	id: string
): Promise<OpeningRow | null> {
	if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
	const row = await openingsQuery(db).where('o.id', '=', id).executeTakeFirst();
	return row && canEditOpening(user, row) ? row : null;
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
					.select('t.nameDa')
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
	return rows.map((r) => ({ ...r, trades: r.trades.map((t) => t.nameDa) }));
}

export interface CommitmentPage {
	company: { id: string; name: string; kind: OrganisationKind; trades: string[] };
	commitment: {
		contactName: string;
		contactEmail: string;
		contactPhone: string;
		note: string;
		joinedOn: string;
		trades: string[];
	} | null;
}

/** The company and its commitment (if any), when the user may see them; otherwise null. */
export async function findCommitmentPage(
	db: Kysely<DB>,
	user: ApprenticeshipUser | null,
	companyId: string
): Promise<CommitmentPage | null> {
	if (!/^[0-9a-f-]{36}$/i.test(companyId)) return null;
	const company = await db
		.selectFrom('organisation as c')
		.select(['c.id', 'c.name', 'c.kind'])
		.select((eb) =>
			jsonArrayFrom(
				eb
					.selectFrom('organisationTrade as ot')
					.select('ot.tradeCode')
					.whereRef('ot.organisationId', '=', 'c.id')
			).as('trades')
		)
		.where('c.id', '=', companyId)
		.executeTakeFirst();
	if (!company || !canViewCommitment(user, company)) return null;
	const commitment = await db
		.selectFrom('allianceCommitment')
		.select(['contactName', 'contactEmail', 'contactPhone', 'note', 'joinedOn'])
		.select((eb) =>
			jsonArrayFrom(
				eb
					.selectFrom('allianceCommitmentTrade as ct')
					.select('ct.tradeCode')
					.whereRef('ct.organisationId', '=', 'allianceCommitment.organisationId')
			).as('trades')
		)
		.where('organisationId', '=', company.id)
		.executeTakeFirst();
	return {
		company: { ...company, trades: company.trades.map((t) => t.tradeCode) },
		commitment: commitment
			? { ...commitment, trades: commitment.trades.map((t) => t.tradeCode) }
			: null
	};
}

/** The trade catalogue for the forms, in catalogue order. */
export function listTrades(db: Kysely<DB>) {
	return db.selectFrom('trade').select(['code', 'nameDa', 'nameEn']).orderBy('sort').execute();
}

/** Companies for the secretariat's picker, committed ones marked. */
export function listAllianceCompanies(db: Kysely<DB>) {
	return db
		.selectFrom('organisation as c')
		.leftJoin('allianceCommitment as ac', 'ac.organisationId', 'c.id')
		.select(['c.id', 'c.name'])
		.select((eb) => eb('ac.organisationId', 'is not', null).as('committed'))
		.where('c.kind', '=', 'company')
		.orderBy('c.name')
		.execute();
}
