import { sql, type Kysely, type Transaction } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { Actor } from '$lib/auth';
import { schoolYearRange } from '$lib/platform/dates/school-year';
import type { DB, OpeningStatus, OrganisationKind } from '$lib/platform/server/db/schema';
import { UUID } from '$lib/platform/server/http/result';
import { canEditOpening, canViewCommitment, type AllianceCompany } from './policy';
import type { FollowUpRow, OpeningRow } from '../rows';

// What the lærepladsalliance pages read about openings and commitments. An opening belongs to the
// school year (1 August–31 July) its start date falls in.

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
	user: Actor | null,
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
	user: Actor | null,
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

// The commitment and opening writes; `trx` is the caller's transaction.

type Db = Kysely<DB> | Transaction<DB>;

export async function findCompany(
	db: Db,
	id: string
): Promise<(AllianceCompany & { name: string }) | null> {
	if (!UUID.test(id)) return null;
	const row = await db
		.selectFrom('organisation')
		.select(['id', 'kind', 'name'])
		.where('id', '=', id)
		.executeTakeFirst();
	return row ?? null;
}

/** Trade names by code for the codes that exist; unknown codes are simply missing. */
export async function tradeNames(db: Db, codes: readonly string[]): Promise<Map<string, string>> {
	if (codes.length === 0) return new Map();
	const rows = await db
		.selectFrom('trade')
		.select(['code', 'nameDa'])
		.where('code', 'in', [...codes])
		.execute();
	return new Map(rows.map((r) => [r.code, r.nameDa]));
}

export async function commitmentTrades(db: Db, organisationId: string): Promise<string[]> {
	const rows = await db
		.selectFrom('allianceCommitmentTrade')
		.select('tradeCode')
		.where('organisationId', '=', organisationId)
		.execute();
	return rows.map((r) => r.tradeCode);
}

/**
 * Whether the company has a commitment, its row locked against a concurrent leave: `share` while
 * an opening is written under it, `update` while the commitment itself changes.
 */
export async function lockCommitment(
	trx: Transaction<DB>,
	organisationId: string,
	mode: 'share' | 'update'
): Promise<boolean> {
	const query = trx
		.selectFrom('allianceCommitment')
		.select('organisationId')
		.where('organisationId', '=', organisationId);
	const row = await (mode === 'share' ? query.forShare() : query.forUpdate()).executeTakeFirst();
	return row !== undefined;
}

export interface CommitmentContact {
	contactName: string;
	contactEmail: string;
	contactPhone: string;
	note: string;
}

/** False when the company has a commitment already (a second join in another tab). */
export async function insertCommitment(
	trx: Transaction<DB>,
	organisationId: string,
	contact: CommitmentContact,
	createdBy: string
): Promise<boolean> {
	const inserted = await trx
		.insertInto('allianceCommitment')
		.values({ ...contact, organisationId, createdBy })
		.onConflict((oc) => oc.column('organisationId').doNothing())
		.returning('organisationId')
		.executeTakeFirst();
	return inserted !== undefined;
}

export async function updateCommitmentContact(
	trx: Transaction<DB>,
	organisationId: string,
	contact: CommitmentContact
): Promise<void> {
	await trx
		.updateTable('allianceCommitment')
		.set({ ...contact, updatedAt: new Date() })
		.where('organisationId', '=', organisationId)
		.execute();
}

/** False when the company had no commitment. */
export async function deleteCommitment(
	trx: Transaction<DB>,
	organisationId: string
): Promise<boolean> {
	const removed = await trx
		.deleteFrom('allianceCommitment')
		.where('organisationId', '=', organisationId)
		.returning('organisationId')
		.executeTakeFirst();
	return removed !== undefined;
}

/** The commitment names exactly these trades. */
export async function replaceCommitmentTrades(
	trx: Transaction<DB>,
	organisationId: string,
	codes: string[]
): Promise<void> {
	await trx
		.deleteFrom('allianceCommitmentTrade')
		.where('organisationId', '=', organisationId)
		.execute();
	await trx
		.insertInto('allianceCommitmentTrade')
		.values(codes.map((tradeCode) => ({ organisationId, tradeCode })))
		.execute();
}

/** The name of a trade outside `codes` in which the company has an open opening, if any. */
export async function findOpenOpeningTradeOutside(
	trx: Transaction<DB>,
	organisationId: string,
	codes: string[]
): Promise<string | null> {
	const row = await trx
		.selectFrom('apprenticeshipOpening')
		.innerJoin('trade', 'trade.code', 'apprenticeshipOpening.tradeCode')
		.select('trade.nameDa')
		.where('organisationId', '=', organisationId)
		.where('status', '=', 'open')
		.where('tradeCode', 'not in', codes)
		.executeTakeFirst();
	return row?.nameDa ?? null;
}

/** Deletes the company's open openings and returns them. */
export function deleteOpenOpenings(trx: Transaction<DB>, organisationId: string) {
	return trx
		.deleteFrom('apprenticeshipOpening')
		.where('organisationId', '=', organisationId)
		.where('status', '=', 'open')
		.returning(['id', 'tradeCode', 'positions', 'startDate'])
		.execute();
}

export interface OpeningValues {
	tradeCode: string;
	positions: number;
	startDate: string;
	contactName: string;
	contactEmail: string;
	description: string;
}

export async function insertOpening(
	trx: Transaction<DB>,
	opening: OpeningValues & { organisationId: string; createdBy: string }
): Promise<string> {
	const row = await trx
		.insertInto('apprenticeshipOpening')
		.values(opening)
		.returning('id')
		.executeTakeFirstOrThrow();
	return row.id;
}

/** The opening locked for a change, or undefined when there is none. */
export function lockOpeningRow(trx: Transaction<DB>, id: string) {
	return trx
		.selectFrom('apprenticeshipOpening')
		.select(['id', 'organisationId', 'tradeCode', 'positions'])
		.where('id', '=', id)
		.forUpdate()
		.executeTakeFirst();
}

export async function updateOpeningRow(
	trx: Transaction<DB>,
	id: string,
	values: Partial<OpeningValues> & { status?: OpeningStatus }
): Promise<void> {
	await trx
		.updateTable('apprenticeshipOpening')
		.set({ ...values, updatedAt: new Date() })
		.where('id', '=', id)
		.execute();
}

export async function deleteOpeningRow(trx: Transaction<DB>, id: string): Promise<void> {
	await trx.deleteFrom('apprenticeshipOpening').where('id', '=', id).execute();
}

// The follow-up figures. An opening belongs to the school year its start date falls in.

/** Every trade with the number of committed companies that name it today. */
export function tradesWithCompanyCounts(db: Kysely<DB>) {
	return db
		.selectFrom('trade as t')
		.leftJoin('allianceCommitmentTrade as ct', 'ct.tradeCode', 't.code')
		.select(['t.code', 't.nameDa', 't.nameEn'])
		.select((eb) => eb.fn.count<string>('ct.organisationId').as('companies'))
		.groupBy(['t.code', 't.nameDa', 't.nameEn'])
		.execute();
}

/** Openings and positions (all, open, filled) per trade, of openings starting in the range. */
export function openingFiguresByTrade(db: Kysely<DB>, range: { start: string; end: string }) {
	return db
		.selectFrom('apprenticeshipOpening')
		.select('tradeCode')
		.select((eb) => [
			eb.fn.countAll<string>().as('openings'),
			eb.fn.sum<string>('positions').as('positions'),
			sql<string>`coalesce(sum(positions) filter (where status = 'open'), 0)`.as('open'),
			sql<string>`coalesce(sum(positions) filter (where status = 'filled'), 0)`.as('filled')
		])
		.where('startDate', '>=', range.start)
		.where('startDate', '<=', range.end)
		.groupBy('tradeCode')
		.execute();
}

/**
 * Committed companies with no opening (open or filled) starting in the school year: the ones the
 * secretariat calls. A company that joined after the year ended is not counted against it.
 */
export function listFollowUp(db: Kysely<DB>, schoolYear: string): Promise<FollowUpRow[]> {
	const { start, end } = schoolYearRange(schoolYear);
	return db
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
}

/** Companies in the alliance now (the overview's total; per trade a company may count twice). */
export async function countCommitments(db: Kysely<DB>): Promise<number> {
	const row = await db
		.selectFrom('allianceCommitment')
		.select((eb) => eb.fn.countAll<string>().as('n'))
		.executeTakeFirstOrThrow();
	return Number(row.n);
}
