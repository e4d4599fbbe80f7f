import { error, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { parseForm, invalid, mailOrigin, readForm, requireUser } from '$lib/platform/server';
import {
	createOrganisationWithAdmin,
	listMunicipalities,
	listTrades,
	canCreateOrganisation
} from '$lib/organisations/server';
import { createOrganisationSchema } from '$lib/organisations';
import { unreadableForm } from '../access.server';
import type { Actions, PageServerLoad } from './$types';

function requireCreator(locals: App.Locals, url: URL) {
	const user = requireUser(locals, url);
	// Like every other page that is not yours: it does not exist.
	if (!canCreateOrganisation(user)) error(404, m.error_not_found());
	return user;
}

export const load: PageServerLoad = async ({ locals, url }) => {
	requireCreator(locals, url);
	const db = locals.db;
	return { municipalities: await listMunicipalities(db), trades: await listTrades(db) };
};

export const actions: Actions = {
	default: async ({ locals, url, request }) => {
		const user = requireCreator(locals, url);
		const form = await readForm(request);
		if (!form) return unreadableForm();
		const db = locals.db;
		const tradeCodes = (await listTrades(db)).map((t) => t.code);
		const parsed = parseForm(createOrganisationSchema(tradeCodes), form, {
			arrayFields: ['trades']
		});
		if (!parsed.ok) return parsed.failure;
		const { organisation, adminEmail } = parsed.data;
		const admin = adminEmail
			? { email: adminEmail, invitedBy: user, origin: mailOrigin(url) }
			: null;
		const result = await createOrganisationWithAdmin(db, organisation, admin, user.id);
		if (!result.ok) return invalid(form, result.errors);
		redirect(303, `/organisationer/${result.value.slug}?oprettet=1${admin ? '&inviteret=1' : ''}`);
	}
};
