import type { Kysely } from 'kysely';
import type { DB } from '$lib/platform/server/db/schema';
import { pillarLabel } from '$lib/activities/labels';
import type { Actor } from '$lib/auth';
import {
	listCategories,
	listOrganisationChoices,
	type OrganisationChoice
} from './queries/catalogue';

/** The organisations the user may create activities for (all of them for the secretariat). */
function ownerChoices(
	user: Actor,
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
	user: Actor,
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
