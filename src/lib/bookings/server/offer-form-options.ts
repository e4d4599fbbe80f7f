import type { Kysely } from 'kysely';
import type { DB } from '$lib/platform/server/db/schema';
import { OFFERING_KINDS, type OfferUser } from './policy';

export interface OwnerOption {
	id: string;
	name: string;
}

/** Organisations the user may publish offers for: their own offering ones, or all for the secretariat. */
export async function listOfferOwners(
	db: Kysely<DB>,
	user: OfferUser | null
): Promise<OwnerOption[]> {
	if (!user) return [];
	let query = db
		.selectFrom('organisation')
		.select(['id', 'name'])
		.where('kind', 'in', [...OFFERING_KINDS])
		.orderBy('name');
	if (!user.isSecretariat) {
		const ids = user.memberships.map((ms) => ms.organisationId);
		if (ids.length === 0) return [];
		query = query.where('id', 'in', ids);
	}
	return query.execute();
}
