import { error, fail } from '@sveltejs/kit';
import { findOrganisationBySlug } from '$lib/organisations/server';
import { m } from '$lib/paraglide/messages.js';

/** 404 both for a missing slug and for one the user may not act on: existence is not revealed. */
export async function organisationOr404(
	db: App.Locals['db'],
	slug: string,
	allowed: (org: { id: string }) => boolean
) {
	const organisation = await findOrganisationBySlug(db, slug);
	if (!organisation || !allowed(organisation)) error(404, m.error_not_found());
	return { db, organisation };
}

/** A post that is not a form at all (wrong content type, broken body). */
export function unreadableForm() {
	return fail(400, { errors: {}, values: {}, message: m.form_fix_errors() });
}
