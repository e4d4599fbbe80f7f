import { redirect } from '@sveltejs/kit';
import { safeRedirectPath } from '$lib/platform/http/safe-redirect';
import { readForm } from '$lib/platform/server';
import { deleteSessionCookie, logOutSession } from '$lib/auth/server';
import type { Actions, PageServerLoad } from './$types';

// Logging out changes state, so only a POST does it; a GET (a prefetch, a link) just goes home.
export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
	default: async ({ request, locals, cookies, url }) => {
		// A session from an outside login also ends at the provider when it offers RP-initiated
		// logout; the provider sends the browser back to the front page.
		const providerLogout = locals.session
			? await logOutSession(locals.db, locals.session.id, `${url.origin}/`)
			: null;
		deleteSessionCookie(cookies, url);
		// An invitation for another account logs out on the way to logging in as that account.
		const form = await readForm(request);
		const next = safeRedirectPath(form?.get('next'));
		redirect(303, providerLogout && next === '/' ? providerLogout : next);
	}
};
