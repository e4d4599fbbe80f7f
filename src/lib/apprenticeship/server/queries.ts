import type { Kysely } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import { schoolYearRange } from '$lib/platform/dates/school-year';
import type { DB, OpeningStatus, OrganisationKind } from '$lib/platform/server/db/schema';
import { canEditOpening, canViewCommitment, type ApprenticeshipUser } from './policy';

// What the lærepladsalliance pages read about openings and commitments. An opening belongs to the
// school year (1 August–31 July) its start date falls in.

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
