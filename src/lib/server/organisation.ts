import { sql, type Kysely, type Transaction } from 'kysely';
import { m } from '$lib/paraglide/messages.js';
import type { DirectoryFilter, OrganisationInput } from '$lib/validation/organisation';
import type { DB, Organisation, OrganisationKind, Trade } from './db/schema';
import type { FieldErrors } from './forms';

/** A domain answer that may carry field errors for the form that asked. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

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

/** Runs fn in the caller's transaction if there is one, else in a new one. */
export function inTransaction<T>(
	db: Kysely<DB>,
	fn: (trx: Kysely<DB> | Transaction<DB>) => Promise<T>
): Promise<T> {
	return db.isTransaction ? fn(db) : db.transaction().execute(fn);
}

/** Lowercase ASCII slug: æ→ae, ø→oe, å→aa, other accents dropped, the rest → '-'. */
export function slugify(text: string): string {
	const slug = text
		.toLowerCase()
		.replace(/æ/g, 'ae')
		.replace(/ø/g, 'oe')
		.replace(/å/g, 'aa')
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 80)
		.replace(/-+$/, '');
	return slug || 'organisation';
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

export function listMunicipalities(db: Kysely<DB>): Promise<{ id: string; name: string }[]> {
	return db
		.selectFrom('organisation')
		.select(['id', 'name'])
		.where('kind', '=', 'municipality')
		.orderBy('name')
		.execute();
}

export function listTrades(db: Kysely<DB>): Promise<Trade[]> {
	return db.selectFrom('trade').selectAll().orderBy('sort').orderBy('code').execute();
}

/** Checks that need the database: the municipality is one, and every trade exists. */
async function checkReferences(
	db: Kysely<DB>,
	input: OrganisationInput,
	selfId: string | null
): Promise<FieldErrors> {
	const errors: FieldErrors = {};
	if (input.municipalityId) {
		const municipality = await db
			.selectFrom('organisation')
			.select('id')
			.where('id', '=', input.municipalityId)
			.where('kind', '=', 'municipality')
			.executeTakeFirst();
		if (!municipality || municipality.id === selfId)
			errors.municipalityId = m.org_municipality_not_found();
	} else if (input.kind === 'school') {
		errors.municipalityId = m.org_school_needs_municipality();
	}
	if (input.trades.length > 0) {
		const known = await db
			.selectFrom('trade')
			.select('code')
			.where('code', 'in', input.trades)
			.execute();
		if (known.length !== input.trades.length) errors.trades = m.org_trade_unknown();
	}
	return errors;
}

function profile(input: OrganisationInput) {
	const { name, kind, municipalityId, description, address, website, contactEmail, phone } = input;
	return { name, kind, municipalityId, description, address, website, contactEmail, phone };
}

async function uniqueSlug(db: Kysely<DB>, name: string): Promise<string> {
	// Serialises slug choice so two simultaneous creations of one name cannot collide.
	await sql`select pg_advisory_xact_lock(hashtext('organisation.slug'))`.execute(db);
	const base = slugify(name);
	const taken = new Set(
		(
			await db
				.selectFrom('organisation')
				.select('slug')
				.where((eb) => eb.or([eb('slug', '=', base), eb('slug', 'like', `${base}-%`)]))
				.execute()
		).map((r) => r.slug)
	);
	if (!taken.has(base)) return base;
	for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

async function replaceTrades(db: Kysely<DB>, organisationId: string, codes: string[]) {
	await db.deleteFrom('organisationTrade').where('organisationId', '=', organisationId).execute();
	if (codes.length === 0) return;
	await db
		.insertInto('organisationTrade')
		.values(codes.map((tradeCode) => ({ organisationId, tradeCode })))
		.execute();
}

export function createOrganisation(
	db: Kysely<DB>,
	input: OrganisationInput
): Promise<Outcome<Organisation>> {
	return inTransaction(db, async (trx) => {
		const errors = await checkReferences(trx, input, null);
		if (Object.keys(errors).length > 0) return { ok: false, errors };
		const slug = await uniqueSlug(trx, input.name);
		const organisation = await trx
			.insertInto('organisation')
			.values({ ...profile(input), slug })
			.returningAll()
			.executeTakeFirstOrThrow();
		await replaceTrades(trx, organisation.id, input.trades);
		return { ok: true, value: organisation };
	});
}

/** Null when the organisation does not exist. The slug stays, so links keep working. */
export function updateOrganisation(
	db: Kysely<DB>,
	id: string,
	input: OrganisationInput
): Promise<Outcome<Organisation> | null> {
	return inTransaction(db, async (trx) => {
		const current = await trx
			.selectFrom('organisation')
			.select(['id', 'kind'])
			.where('id', '=', id)
			.forUpdate()
			.executeTakeFirst();
		if (!current) return null;
		const errors = await checkReferences(trx, input, id);
		if (current.kind === 'municipality' && input.kind !== 'municipality') {
			const dependant = await trx
				.selectFrom('organisation')
				.select('id')
				.where('municipalityId', '=', id)
				.executeTakeFirst();
			if (dependant) errors.kind = m.org_municipality_has_members();
		}
		if (Object.keys(errors).length > 0) return { ok: false, errors };
		const organisation = await trx
			.updateTable('organisation')
			.set({ ...profile(input), updatedAt: new Date() })
			.where('id', '=', id)
			.returningAll()
			.executeTakeFirstOrThrow();
		await replaceTrades(trx, id, input.trades);
		return { ok: true, value: organisation };
	});
}
