import { error, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { parseForm, readForm } from '$lib/server/forms';
import { createSession, invalidateSession } from '$lib/server/session';
import { setSessionCookie } from '$lib/server/session-cookie';
import { acceptInvitation, findInvitation } from '$lib/server/invitation';
import { acceptInvitationSchema } from '$lib/validation/auth';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const invitation = await findInvitation(locals.db, params.token);
	if (!invitation?.role) error(404, m.auth_link_invalid());
	return {
		organisationName: invitation.organisationName,
		role: invitation.role,
		email: invitation.email,
		hasAccount: invitation.hasAccount
	};
};

export const actions: Actions = {
	default: async ({ params, request, cookies, locals, url }) => {
		const db = locals.db;
		const invitation = await findInvitation(db, params.token);
		if (!invitation) error(404, m.auth_link_invalid());
		let details: { name: string; password: string } | null = null;
		// An existing account keeps its password, so it is not asked for one.
		if (!invitation.hasAccount) {
			const form = (await readForm(request)) ?? new FormData();
			const parsed = parseForm(acceptInvitationSchema, form);
			if (!parsed.ok) return parsed.failure;
			details = { name: parsed.data.name, password: parsed.data.password };
		}
		const result = await acceptInvitation(db, params.token, details);
		if (!result) error(404, m.auth_link_invalid());
		// Whoever was logged in on this browser gives way to the invited person.
		if (locals.session) await invalidateSession(db, locals.session.id);
		const { token, session } = await createSession(db, result.userId);
		setSessionCookie(cookies, url, token, session.expiresAt);
		redirect(303, '/');
	}
};
