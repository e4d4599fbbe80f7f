import { error, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { parseForm, readForm } from '$lib/platform/server';
import {
	createSession,
	invalidateSession,
	setSessionCookie,
	findValidToken,
	resetPassword
} from '$lib/auth/server';
import { resetPasswordSchema } from '$lib/auth';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const token = await findValidToken(locals.db, 'reset', params.token);
	if (!token) error(404, m.auth_link_invalid());
	return {};
};

export const actions: Actions = {
	default: async ({ params, request, cookies, locals, url }) => {
		const form = (await readForm(request)) ?? new FormData();
		const parsed = parseForm(resetPasswordSchema, form);
		if (!parsed.ok) return parsed.failure;
		const db = locals.db;
		const result = await resetPassword(db, params.token, parsed.data.password);
		if (!result) error(404, m.auth_link_invalid());
		if (locals.session) await invalidateSession(db, locals.session.id);
		const { token, session } = await createSession(db, result.userId);
		setSessionCookie(cookies, url, token, session.expiresAt);
		redirect(303, '/');
	}
};
