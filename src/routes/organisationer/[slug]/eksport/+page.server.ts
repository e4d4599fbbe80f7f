import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { EXPORT_TABLES, exportOrganisationData } from '$lib/organisations/server';
import { canExportOrganisation } from '$lib/school-year/server';
import { organisationOr404 } from '../../access.server';
import type { PageServerLoad } from './$types';
import { requireUser } from '$lib/platform/server';

export const load: PageServerLoad = async ({ params, locals, url }) => {
	const user = requireUser(locals, url);
	const { db, organisation } = await organisationOr404(locals.db, params.slug, (org) =>
		canExportOrganisation(user, org)
	);
	const data = await exportOrganisationData(db, user, organisation.id);
	if (!data) error(404, m.error_not_found());
	return {
		organisation: { slug: organisation.slug, name: organisation.name },
		tables: EXPORT_TABLES.map((table) => ({ table, rows: data.tables[table].length }))
	};
};
