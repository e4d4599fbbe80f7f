import type { Kysely } from 'kysely';
import type { Actor } from '$lib/auth';
import type { DB } from '$lib/platform/server/db/schema';
import { OFFERING_KINDS } from './policy';
import { listOrganisationsOfKinds } from './queries/organisations';

export interface OwnerOption {
	id: string;
	name: string;
}

/** Organisations the user may publish offers for: their own offering ones, or all for the secretariat. */
export async function listOfferOwners(db: Kysely<DB>, user: Actor | null): Promise<OwnerOption[]> {
	if (!user) return [];
	const ids = user.isSecretariat ? null : user.memberships.map((ms) => ms.organisationId);
	if (ids?.length === 0) return [];
	return listOrganisationsOfKinds(db, OFFERING_KINDS, ids);
}
