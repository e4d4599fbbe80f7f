import type { Kysely } from 'kysely';
import type { Category, DB, OrganisationKind } from '$lib/platform/server/db/schema';
import { pillarLabel } from '$lib/activities/labels';
import type { RightsUser } from './policy';

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

/** The organisations the user may create activities for (all of them for the secretariat). */
function ownerChoices(
	user: RightsUser,
	organisations: readonly OrganisationChoice[]
): OrganisationChoice[] {
	if (user.isSecretariat) return [...organisations];
	const mine = new Set(user.memberships.map((m) => m.organisationId));
	return organisations.filter((o) => mine.has(o.id));
}

export interface ActivityFormOptions {
	categories: { id: string; name: string; pillarLabel: string }[];
	owners: OrganisationChoice[];
	organisations: OrganisationChoice[];
}

/** What the create and edit forms offer, with names in the request's language. */
export async function loadActivityFormOptions(
	db: Kysely<DB>,
	user: RightsUser,
	locale: 'da' | 'en'
): Promise<ActivityFormOptions> {
	const categories = await listCategories(db);
	const organisations = await listOrganisationChoices(db);
	return {
		categories: categories.map((c) => ({
			id: c.id,
			name: locale === 'en' ? c.nameEn : c.nameDa,
			pillarLabel: pillarLabel(c.pillar)
		})),
		owners: ownerChoices(user, organisations),
		organisations
	};
}
