import { error, redirect } from '@sveltejs/kit';
import { safeRedirectPath } from '$lib/platform/http/safe-redirect';
import {
	OIDC_ATTEMPT_COOKIE,
	createOidcSession,
	deleteOidcAttemptCookie,
	finishOidcLogin,
	invalidateSession,
	setSessionCookie
} from '$lib/auth/server';
import type { PageServerLoad } from './$types';

// The provider sends the browser back here with ?code&state (or ?error). Whatever happens, the
// login under way is used up; a failure is a Danish 4xx page (502 when the provider is down).
export const load: PageServerLoad = async ({ locals, params, url, cookies, getClientAddress }) => {
	const db = locals.db;
	const attemptId = cookies.get(OIDC_ATTEMPT_COOKIE);
	deleteOidcAttemptCookie(cookies, url);
	const result = await finishOidcLogin(db, {
		providerId: params.provider,
		callbackUrl: url,
		attemptId,
		currentUserId: locals.user?.id ?? null,
		ip: getClientAddress()
	});
	if (!result.ok) error(result.status, result.message);
	const outcome = result.value;
	if (outcome.kind === 'linked') redirect(303, `/profil?tilknyttet=${params.provider}`);
	// A new session, as after a password login; whoever was logged in here gives way.
	if (locals.session) await invalidateSession(db, locals.session.id);
	const { token, session } = await createOidcSession(
		db,
		outcome.userId,
		outcome.providerId,
		outcome.idToken
	);
	setSessionCookie(cookies, url, token, session.expiresAt);
	redirect(303, safeRedirectPath(outcome.next));
};
