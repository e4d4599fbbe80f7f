import type { Kysely } from 'kysely';
import type { DirectoryFilter } from '$lib/organisations/schema';
import type { DB, Organisation, OrganisationKind, Trade } from '$lib/platform/server/db/schema';
import {
	findOrganisationRow,
	listDirectoryRows,
	listOrganisationTrades
} from './queries/organisations';

export {
	findMunicipality,
	listMunicipalities,
	listTrades,
	type MunicipalityRef
} from './queries/organisations';
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
	const rows = await listOrganisationTrades(db, ids);
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
	const rows = await listDirectoryRows(db, filter);
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
	const row = await findOrganisationRow(db, column, value);
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
