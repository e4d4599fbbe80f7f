import type { Kysely, Transaction } from 'kysely';
import type { Category, DB, OrganisationKind } from '$lib/platform/server/db/schema';

// The catalogue an activity refers to: categories and organisations.

type Db = Kysely<DB> | Transaction<DB>;

export async function listCategories(db: Kysely<DB>): Promise<Category[]> {
	return db.selectFrom('category').selectAll().orderBy('sort').orderBy('nameDa').execute();
}

export interface OrganisationChoice {
	id: string;
	name: string;
	kind: OrganisationKind;
	municipalityId: string | null;
}

/** Every organisation, for the participant list and the secretariat's owner list. */
export async function listOrganisationChoices(db: Kysely<DB>): Promise<OrganisationChoice[]> {
	return db
		.selectFrom('organisation')
		.select(['id', 'name', 'kind', 'municipalityId'])
		.orderBy('name')
		.execute();
}

export async function categoryExists(db: Db, id: string): Promise<boolean> {
	const row = await db.selectFrom('category').select('id').where('id', '=', id).executeTakeFirst();
	return row !== undefined;
}

/** Whether every id in `ids` (no duplicates) is an organisation. */
export async function organisationsExist(db: Db, ids: readonly string[]): Promise<boolean> {
	if (ids.length === 0) return true;
	const found = await db
		.selectFrom('organisation')
		.select('id')
		.where('id', 'in', [...ids])
		.execute();
	return found.length === ids.length;
}
