import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import {
	findOrganisationBySlug,
	canEditOrganisation,
	canViewOrganisationPrivate
} from '$lib/organisations/server';
import { canExportOrganisation } from '$lib/school-year/server';
import { canViewOrganisationAudit } from '$lib/audit/server';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals, url }) => {
	const organisation = await findOrganisationBySlug(locals.db, params.slug);
	if (!organisation) error(404, m.error_not_found());
	const { id, slug, name, kind, municipalityName, trades, description, address, website } =
		organisation;
	// Contact details leave the server only for the organisation's own people and the secretariat.
	const contact = canViewOrganisationPrivate(locals.user, organisation)
		? { contactEmail: organisation.contactEmail, phone: organisation.phone }
		: null;
	return {
		organisation: { id, slug, name, kind, municipalityName, trades, description, address, website },
		contact,
		canEdit: canEditOrganisation(locals.user, organisation),
		canExport: canExportOrganisation(locals.user, organisation),
		canViewLog: canViewOrganisationAudit(locals.user, organisation.id),
		created: url.searchParams.has('oprettet'),
		invited: url.searchParams.has('inviteret'),
		saved: url.searchParams.has('gemt')
	};
};
