import type { Kysely } from 'kysely';
import type { DB } from '$lib/platform/server/db/schema';
import { createSession } from './session';
import { deleteExpiredAttempts, deleteSessionReturningOidc, setSessionOidc } from './queries/oidc';
import { providerLogoutUrl } from './oidc';

/** A session like a password login's, remembering the provider and its ID token for logout. */
export async function createOidcSession(
	db: Kysely<DB>,
	userId: string,
	providerId: string,
	idToken: string,
	now = new Date()
) {
	const created = await createSession(db, userId, now);
	await setSessionOidc(db, created.session.id, providerId, idToken);
	return created;
}

/**
 * Logs the session out and answers where the browser goes next: the provider's end-session
 * endpoint when the session came from a provider that offers RP-initiated logout, else null.
 */
export async function logOutSession(
	db: Kysely<DB>,
	sessionId: string,
	postLogoutRedirectUri: string
): Promise<string | null> {
	const ended = await deleteSessionReturningOidc(db, sessionId);
	if (!ended?.oidcProvider || !ended.oidcIdToken) return null;
	return providerLogoutUrl(ended.oidcProvider, ended.oidcIdToken, postLogoutRedirectUri);
}

export { deleteExpiredAttempts as deleteExpiredOidcAttempts };
