import { redirect } from '@sveltejs/kit';
import { safeRedirectPath } from '$lib/platform/http/safe-redirect';
import { readForm } from '$lib/platform/server';
import { invalidateSession, deleteSessionCookie } from '$lib/auth/server';
import type { Actions, PageServerLoad } from './$types';

// Logging out changes state, so only a POST does it; a GET (a prefetch, a link) just goes home.
export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
	default: async ({ request, locals, cookies, url }) => {
		if (locals.session) await invalidateSession(locals.db, locals.session.id);
		deleteSessionCookie(cookies, url);
		// An invitation for another account logs out on the way to logging in as that account.
		const form = await readForm(request);
		redirect(303, safeRedirectPath(form?.get('next')));
	}
};
