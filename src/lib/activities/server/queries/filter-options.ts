import type { Kysely } from 'kysely';
import type { DB, Pillar } from '$lib/platform/server/db/schema';

// The choices offered by the activity filter form (wheel and calendar). Read-only, and only public
// catalogue data: names of categories, organisations and trades, never anything private.

export interface CategoryOption {
	id: string;
	nameDa: string;
	nameEn: string;
	pillar: Pillar;
	colour: string;
}

export interface OrganisationOption {
	id: string;
	name: string;
}

export interface SchoolOption extends OrganisationOption {
	municipalityId: string | null;
}

export interface TradeOption {
	code: string;
	nameDa: string;
	nameEn: string;
}

export interface FilterOptions {
	categories: CategoryOption[];
	municipalities: OrganisationOption[];
	schools: SchoolOption[];
	companies: OrganisationOption[];
	trades: TradeOption[];
}

function organisationsOfKind(db: Kysely<DB>, kind: 'municipality' | 'company') {
	return db
		.selectFrom('organisation')
		.select(['id', 'name'])
		.where('kind', '=', kind)
		.orderBy('name')
		.execute();
}

export async function listFilterOptions(db: Kysely<DB>): Promise<FilterOptions> {
	// Sequential on purpose: PGlite serialises queries anyway, and a pool of one would queue them.
	const categories = await db
		.selectFrom('category')
		.select(['id', 'nameDa', 'nameEn', 'pillar', 'colour'])
		.orderBy('ring')
		.orderBy('sort')
		.orderBy('nameDa')
		.execute();
	const municipalities = await organisationsOfKind(db, 'municipality');
	const schools = await db
		.selectFrom('organisation')
		.select(['id', 'name', 'municipalityId'])
		.where('kind', '=', 'school')
		.orderBy('name')
		.execute();
	const companies = await organisationsOfKind(db, 'company');
	const trades = await db
		.selectFrom('trade')
		.select(['code', 'nameDa', 'nameEn'])
		.orderBy('sort')
		.orderBy('nameDa')
		.execute();
	return { categories, municipalities, schools, companies, trades };
}
