import { error, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { parseForm, invalid, readForm, requireUser } from '$lib/platform/server';
import {
	listMunicipalities,
	listTrades,
	updateOrganisation,
	canChangeOrganisationKind,
	canEditOrganisation
} from '$lib/organisations/server';
import { organisationSchema } from '$lib/organisations';
import { organisationOr404, unreadableForm } from '../../access.server';
import type { Actions, PageServerLoad } from './$types';

async function editable(locals: App.Locals, url: URL, slug: string) {
	const user = requireUser(locals, url);
	const found = await organisationOr404(locals.db, slug, (org) => canEditOrganisation(user, org));
	return { user, ...found };
}

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const { user, db, organisation } = await editable(locals, url, params.slug);
	const { name, slug, kind, municipalityId, description, address, website, contactEmail, phone } =
		organisation;
	const { cvr, pNumber } = organisation;
	return {
		organisation: { name, slug },
		values: {
			...{ name, kind, municipalityId, description, address, website, contactEmail, phone },
			...{ cvr, pNumber },
			trades: organisation.trades.map((t) => t.code)
		},
		municipalities: await listMunicipalities(db),
		trades: await listTrades(db),
		kindEditable: canChangeOrganisationKind(user)
	};
};

export const actions: Actions = {
	default: async ({ locals, url, params, request }) => {
		const { user, db, organisation } = await editable(locals, url, params.slug);
		const form = await readForm(request);
		if (!form) return unreadableForm();
		if (!canChangeOrganisationKind(user)) form.set('kind', organisation.kind);
		const tradeCodes = (await listTrades(db)).map((t) => t.code);
		const parsed = parseForm(organisationSchema(tradeCodes), form, { arrayFields: ['trades'] });
		if (!parsed.ok) return parsed.failure;
		const result = await updateOrganisation(db, organisation.id, parsed.data, user.id);
		if (!result) error(404, m.error_not_found());
		if (!result.ok) return invalid(form, result.errors);
		redirect(303, `/organisationer/${result.value.slug}?gemt=1`);
	}
};
