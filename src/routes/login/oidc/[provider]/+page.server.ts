import { error, redirect } from '@sveltejs/kit';
import { safeRedirectPath } from '$lib/platform/http/safe-redirect';
import { readForm } from '$lib/platform/server';
import { setOidcAttemptCookie, startOidcLogin } from '$lib/auth/server';
import type { Actions, PageServerLoad } from './$types';

// GET starts a login (or, with ?invitation=<token>, accepting an invitation); a POST from the
// profile page starts linking the provider to the logged-in account. Both end at the provider.

export const load: PageServerLoad = async ({ locals, params, url, cookies, getClientAddress }) => {
	const invitationToken = url.searchParams.get('invitation');
	const result = await startOidcLogin(locals.db, {
		providerId: params.provider,
		origin: url.origin,
		purpose: invitationToken === null ? 'login' : 'invitation',
		userId: locals.user?.id ?? null,
		invitationToken,
		next: safeRedirectPath(url.searchParams.get('next')),
		ip: getClientAddress()
	});
	if (!result.ok) error(result.status, result.message);
	setOidcAttemptCookie(cookies, url, result.value.attemptId);
	redirect(303, result.value.location);
};

export const actions: Actions = {
	default: async ({ locals, params, url, cookies, request, getClientAddress }) => {
		await readForm(request);
		if (!locals.user) redirect(303, '/login?next=/profil');
		const result = await startOidcLogin(locals.db, {
			providerId: params.provider,
			origin: url.origin,
			purpose: 'link',
			userId: locals.user.id,
			invitationToken: null,
			next: '/profil',
			ip: getClientAddress()
		});
		if (!result.ok) error(result.status, result.message);
		setOidcAttemptCookie(cookies, url, result.value.attemptId);
		redirect(303, result.value.location);
	}
};
