import { sql, type Kysely } from 'kysely';
import type { DirectoryFilter } from '$lib/organisations/schema';
import type { DB, NewOrganisation, Organisation, Trade } from '$lib/platform/server/db/schema';

// The SQL of organisations: the directory, one organisation, municipalities, trades, and the
// profile writes (profile.ts decides what is valid).

/** The trades of these organisations, one row per organisation and trade, in the trades' order. */
export function listOrganisationTrades(db: Kysely<DB>, ids: string[]) {
	return db
		.selectFrom('organisationTrade')
		.innerJoin('trade', 'trade.code', 'organisationTrade.tradeCode')
		.select(['organisationTrade.organisationId', 'trade.code', 'trade.nameDa', 'trade.nameEn'])
		.where('organisationTrade.organisationId', 'in', ids)
		.orderBy('trade.sort')
		.execute();
}

/** The directory's rows (no contact details), by name. */
export function listDirectoryRows(db: Kysely<DB>, filter: DirectoryFilter) {
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
	return query.execute();
}

/** The organisation with its municipality's name. */
export function findOrganisationRow(db: Kysely<DB>, column: 'o.id' | 'o.slug', value: string) {
	return db
		.selectFrom('organisation as o')
		.leftJoin('organisation as mun', 'mun.id', 'o.municipalityId')
		.selectAll('o')
		.select('mun.name as municipalityName')
		.where(column, '=', value)
		.executeTakeFirst();
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

/** How many of these trade codes exist. */
export async function countKnownTrades(db: Kysely<DB>, codes: string[]): Promise<number> {
	const known = await db.selectFrom('trade').select('code').where('code', 'in', codes).execute();
	return known.length;
}

/** Another organisation (not `selfId`) with this CVR number, if any. */
export async function isCvrTaken(
	db: Kysely<DB>,
	cvr: string,
	selfId: string | null
): Promise<boolean> {
	let other = db.selectFrom('organisation').select('id').where('cvr', '=', cvr);
	if (selfId) other = other.where('id', '<>', selfId);
	return (await other.executeTakeFirst()) !== undefined;
}

/**
 * The slugs taken by `base` or `base-…`, after taking the transaction-wide lock that serialises
 * slug choice: two simultaneous creations of one name cannot collide.
 */
export async function lockSlugsLike(db: Kysely<DB>, base: string): Promise<Set<string>> {
	await sql`select pg_advisory_xact_lock(hashtext('organisation.slug'))`.execute(db);
	const rows = await db
		.selectFrom('organisation')
		.select('slug')
		.where((eb) => eb.or([eb('slug', '=', base), eb('slug', 'like', `${base}-%`)]))
		.execute();
	return new Set(rows.map((r) => r.slug));
}

export async function replaceOrganisationTrades(
	db: Kysely<DB>,
	organisationId: string,
	codes: string[]
): Promise<void> {
	await db.deleteFrom('organisationTrade').where('organisationId', '=', organisationId).execute();
	if (codes.length === 0) return;
	await db
		.insertInto('organisationTrade')
		.values(codes.map((tradeCode) => ({ organisationId, tradeCode })))
		.execute();
}

export function insertOrganisation(db: Kysely<DB>, values: NewOrganisation): Promise<Organisation> {
	return db.insertInto('organisation').values(values).returningAll().executeTakeFirstOrThrow();
}

export function lockOrganisation(db: Kysely<DB>, id: string) {
	return db
		.selectFrom('organisation')
		.select(['id', 'kind'])
		.where('id', '=', id)
		.forUpdate()
		.executeTakeFirst();
}

/** Whether any organisation (a school) names this one as its municipality. */
export async function hasDependants(db: Kysely<DB>, municipalityId: string): Promise<boolean> {
	const row = await db
		.selectFrom('organisation')
		.select('id')
		.where('municipalityId', '=', municipalityId)
		.executeTakeFirst();
	return row !== undefined;
}

export function updateOrganisationRow(
	db: Kysely<DB>,
	id: string,
	values: Omit<NewOrganisation, 'slug'>
): Promise<Organisation> {
	return db
		.updateTable('organisation')
		.set({ ...values, updatedAt: new Date() })
		.where('id', '=', id)
		.returningAll()
		.executeTakeFirstOrThrow();
}
