import type { Kysely } from 'kysely';
import type { DirectoryFilter } from '$lib/organisations/schema';
import type { DB, Organisation, OrganisationKind, Trade } from '$lib/platform/server/db/schema';

export {
	createOrganisation,
	inTransaction,
	slugify,
	updateOrganisation,
	type Outcome
} from './profile';

export type TradeName = Pick<Trade, 'code' | 'nameDa' | 'nameEn'>;

export interface DirectoryEntry {
	id: string;
	slug: string;
	name: string;
	kind: OrganisationKind;
	municipalityName: string | null;
	trades: TradeName[];
}

export interface OrganisationDetails extends Organisation {
	municipalityName: string | null;
	trades: TradeName[];
}

async function tradesOf(db: Kysely<DB>, ids: string[]): Promise<Map<string, TradeName[]>> {
	const byOrg = new Map<string, TradeName[]>();
	if (ids.length === 0) return byOrg;
	const rows = await db
		.selectFrom('organisationTrade')
		.innerJoin('trade', 'trade.code', 'organisationTrade.tradeCode')
		.select(['organisationTrade.organisationId', 'trade.code', 'trade.nameDa', 'trade.nameEn'])
		.where('organisationTrade.organisationId', 'in', ids)
		.orderBy('trade.sort')
		.execute();
	for (const { organisationId, ...trade } of rows) {
		byOrg.set(organisationId, [...(byOrg.get(organisationId) ?? []), trade]);
	}
	return byOrg;
}

/** The public directory: no contact details, only what anyone may see. */
export async function listDirectory(
	db: Kysely<DB>,
	filter: DirectoryFilter = {}
): Promise<DirectoryEntry[]> {
	let query = db
		.selectFrom('organisation as o')
		.leftJoin('organisation as mun', 'mun.id', 'o.municipalityId')
		.select(['o.id', 'o.slug', 'o.name', 'o.kind', 'mun.name as municipalityName'])
		.orderBy('o.name');
	if (filter.q) {
		const pattern = `%${filter.q.replace(/[\\%_]/g, '\\$&')}%`;
		query = query.where((eb) =>
			eb.or([eb('o.name', 'ilike', pattern), eb('o.description', 'ilike', pattern)])
		);
	}
	if (filter.kind) query = query.where('o.kind', '=', filter.kind);
	if (filter.municipalityId) {
		const id = filter.municipalityId;
		query = query.where((eb) => eb.or([eb('o.municipalityId', '=', id), eb('o.id', '=', id)]));
	}
	if (filter.trade) {
		const code = filter.trade;
		query = query.where(({ exists, selectFrom }) =>
			exists(
				selectFrom('organisationTrade as ot')
					.select('ot.tradeCode')
					.whereRef('ot.organisationId', '=', 'o.id')
					.where('ot.tradeCode', '=', code)
			)
		);
	}
	const rows = await query.execute();
	const trades = await tradesOf(
		db,
		rows.map((r) => r.id)
	);
	return rows.map((r) => ({ ...r, trades: trades.get(r.id) ?? [] }));
}

async function findOrganisation(
	db: Kysely<DB>,
	column: 'o.id' | 'o.slug',
	value: string
): Promise<OrganisationDetails | null> {
	const row = await db
		.selectFrom('organisation as o')
		.leftJoin('organisation as mun', 'mun.id', 'o.municipalityId')
		.selectAll('o')
		.select('mun.name as municipalityName')
		.where(column, '=', value)
		.executeTakeFirst();
	if (!row) return null;
	const trades = await tradesOf(db, [row.id]);
	return { ...row, trades: trades.get(row.id) ?? [] };
}

export function findOrganisationBySlug(db: Kysely<DB>, slug: string) {
	return findOrganisation(db, 'o.slug', slug);
}

export function findOrganisationById(db: Kysely<DB>, id: string) {
	if (!/^[0-9a-f-]{36}$/i.test(id)) return Promise.resolve(null);
	return findOrganisation(db, 'o.id', id);
}

export interface MunicipalityRef {
	id: string;
	name: string;
	slug: string;
}

/** The municipalities, by name: for selects, the holiday picker and the embed. */
export function listMunicipalities(db: Kysely<DB>): Promise<MunicipalityRef[]> {
	return db
		.selectFrom('organisation')
		.select(['id', 'name', 'slug'])
		.where('kind', '=', 'municipality')
		.orderBy('name')
		.execute();
}

/** One municipality by its slug or id (null when missing or not a municipality). */
export async function findMunicipality(
	db: Kysely<DB>,
	by: { slug: string } | { id: string }
): Promise<MunicipalityRef | null> {
	const row = await db
		.selectFrom('organisation')
		.select(['id', 'name', 'slug'])
		.where('kind', '=', 'municipality')
		.where('slug' in by ? 'slug' : 'id', '=', 'slug' in by ? by.slug : by.id)
		.executeTakeFirst();
	return row ?? null;
}

export function listTrades(db: Kysely<DB>): Promise<Trade[]> {
	return db.selectFrom('trade').selectAll().orderBy('sort').orderBy('code').execute();
}
