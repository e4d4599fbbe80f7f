import { error, fail, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { parseForm, readForm, type FormFailure } from '$lib/platform/server';
import {
	createSession,
	invalidateSession,
	setSessionCookie,
	acceptInvitation,
	findInvitation,
	oidcProviders
} from '$lib/auth/server';
import { acceptInvitationSchema } from '$lib/auth';
import type { Actions, PageServerLoad } from './$types';

/** Whether the browser is logged in as the invited address (the only one who may accept it). */
const isInvitee = (user: App.Locals['user'], email: string) =>
	!!user && user.email.trim().toLowerCase() === email;

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const invitation = await findInvitation(locals.db, params.token);
	if (!invitation?.role) error(404, m.auth_link_invalid());
	return {
		organisationName: invitation.organisationName,
		role: invitation.role,
		email: invitation.email,
		hasAccount: invitation.hasAccount,
		isInvitee: isInvitee(locals.user, invitation.email),
		loggedInAs: locals.user?.email ?? null,
		// Back here after logging in, to accept as that account.
		loginHref: `/login?next=${encodeURIComponent(url.pathname)}`,
		// Accepting with an outside login links it to the (new or logged-in) account.
		providers: oidcProviders().map((p) => ({
			name: p.displayName,
			href: `/login/oidc/${p.id}?invitation=${encodeURIComponent(params.token)}`
		}))
	};
};

export const actions: Actions = {
	default: async ({ params, request, cookies, locals, url }) => {
		const db = locals.db;
		const invitation = await findInvitation(db, params.token);
		if (!invitation) error(404, m.auth_link_invalid());
		// An existing account is only ever entered with its own login: the link is no password.
		// It keeps its session and simply gains the membership.
		if (invitation.hasAccount) {
			if (!locals.user || !isInvitee(locals.user, invitation.email)) {
				const message = m.auth_invitation_login_required({ email: invitation.email });
				const failure: FormFailure = { message, errors: {}, values: {} };
				return fail(403, failure);
			}
			const result = await acceptInvitation(db, params.token, { userId: locals.user.id });
			if (!result) error(404, m.auth_link_invalid());
			redirect(303, '/');
		}
		const form = (await readForm(request)) ?? new FormData();
		const parsed = parseForm(acceptInvitationSchema, form);
		if (!parsed.ok) return parsed.failure;
		const details = { name: parsed.data.name, password: parsed.data.password };
		const result = await acceptInvitation(db, params.token, details);
		if (!result) error(404, m.auth_link_invalid());
		// A new account: whoever was logged in on this browser gives way to the invited person.
		if (locals.session) await invalidateSession(db, locals.session.id);
		const { token, session } = await createSession(db, result.userId);
		setSessionCookie(cookies, url, token, session.expiresAt);
		redirect(303, '/');
	}
};
