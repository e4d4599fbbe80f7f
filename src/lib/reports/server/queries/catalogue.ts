import type { Kysely } from 'kysely';
import type { DB } from '$lib/platform/server/db/schema';

// The names the report prints and filters by: municipalities, trades, categories, and which
// municipality each school belongs to.

export function listMunicipalities(db: Kysely<DB>) {
	return db
		.selectFrom('organisation')
		.select(['id', 'slug', 'name'])
		.where('kind', '=', 'municipality')
		.orderBy('name')
		.execute();
}

export function listTrades(db: Kysely<DB>) {
	return db
		.selectFrom('trade')
		.select(['code', 'nameDa', 'nameEn'])
		.orderBy('sort')
		.orderBy('nameDa')
		.execute();
}

export function listCategories(db: Kysely<DB>) {
	return db
		.selectFrom('category')
		.select(['id', 'nameDa', 'nameEn'])
		.orderBy('ring')
		.orderBy('sort')
		.execute();
}

/** Each school's municipality (null when it has none), by school id. */
export async function schoolMunicipalities(db: Kysely<DB>): Promise<Map<string, string | null>> {
	const schools = await db
		.selectFrom('organisation')
		.select(['id', 'municipalityId'])
		.where('kind', '=', 'school')
		.execute();
	return new Map(schools.map((s) => [s.id, s.municipalityId]));
}
