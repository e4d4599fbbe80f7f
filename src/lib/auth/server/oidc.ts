import type { Kysely } from 'kysely';
import * as client from 'openid-client';
import { m } from '$lib/paraglide/messages.js';
import type { DB, OidcPurpose } from '$lib/platform/server/db/schema';
import { generateSecureRandomString, hashSecret } from '$lib/platform/server/random';
import { findOidcProvider, type OidcProvider } from './oidc-config';
import { LOGIN_PER_IP, consumeToken, loginIpKey, refundToken } from './throttle';
import { findValidToken } from './user-token';
import { insertAttempt, takeAttempt, findUserProviderLink } from './queries/oidc';
import { resolveIdentity, type IdentityClaims } from './oidc-identity';

// OpenID Connect login with openid-client (certified): authorization code with PKCE, state and
// nonce; the ID token's signature (the provider's JWKS), issuer, audience, expiry and nonce are
// checked by the library. What a login under way must match is kept in the database
// (oidc_attempt), keyed by a random id in the browser's cookie, and used once.

export const ATTEMPT_LIFETIME_MS = 10 * 60 * 1000;
const DISCOVERY_TTL_MS = 60 * 60 * 1000;

export type OidcStatus = 400 | 403 | 404 | 409 | 429 | 502;
export interface OidcRefusal {
	ok: false;
	status: OidcStatus;
	message: string;
}
export type OidcResult<T> = { ok: true; value: T } | OidcRefusal;

const refuse = (status: OidcStatus, message: string): OidcRefusal => ({
	ok: false,
	status,
	message
});

// The provider's metadata and keys, fetched at the first use and kept for an hour per process.
const configurations = new Map<string, { at: number; config: Promise<client.Configuration> }>();

function configurationOf(provider: OidcProvider, now: number): Promise<client.Configuration> {
	const { clientId, clientSecret } = provider;
	const key = JSON.stringify([provider.issuer.href, clientId, clientSecret, provider.clientAuth]);
	const cached = configurations.get(key);
	if (cached && now - cached.at < DISCOVERY_TTL_MS) return cached.config;
	// Non-repudiation: the ID token from the token endpoint is verified against the JWKS too.
	const execute = [client.enableNonRepudiationChecks];
	if (provider.allowInsecure) execute.unshift(client.allowInsecureRequests);
	const auth =
		provider.clientAuth === 'basic'
			? client.ClientSecretBasic(clientSecret)
			: client.ClientSecretPost(clientSecret);
	const config = client.discovery(provider.issuer, clientId, clientSecret, auth, {
		execute,
		timeout: 10
	});
	const entry = { at: now, config };
	configurations.set(key, entry);
	config.catch(() => {
		if (configurations.get(key) === entry) configurations.delete(key);
	});
	return config;
}

/** A network failure or timeout talking to the provider, as opposed to a refused answer. */
function isUnreachable(e: unknown): boolean {
	if (e instanceof TypeError) return true;
	if (e instanceof DOMException) return e.name === 'TimeoutError' || e.name === 'AbortError';
	return e instanceof client.ClientError && e.code === 'OAUTH_RESPONSE_IS_NOT_CONFORM';
}

function describeFailure(e: unknown): string {
	if (!(e instanceof Error)) return String(e);
	const code = (e as { code?: unknown; error?: unknown }).code ?? (e as { error?: unknown }).error;
	return `${e.name}${typeof code === 'string' ? ` ${code}` : ''}: ${e.message}`;
}

export const callbackPath = (providerId: string) => `/login/oidc/${providerId}/callback`;

function throttled(retryAfterSeconds: number): OidcRefusal {
	const minutes = String(Math.max(1, Math.ceil(retryAfterSeconds / 60)));
	return refuse(429, m.oidc_throttled({ minutes }));
}

export interface StartInput {
	providerId: string;
	/** The app's own origin: the callback is `${origin}/login/oidc/<id>/callback`. */
	origin: string;
	purpose: OidcPurpose;
	/** The logged-in user (required to link). */
	userId: string | null;
	invitationToken: string | null;
	next: string;
	ip: string;
	now?: Date;
}

/**
 * Starts a login: stores state, nonce and PKCE verifier under a fresh attempt id and answers the
 * provider's authorization URL. The route puts `attemptId` in an HttpOnly cookie.
 */
export async function startOidcLogin(
	db: Kysely<DB>,
	input: StartInput
): Promise<OidcResult<{ location: string; attemptId: string }>> {
	const now = input.now ?? new Date();
	const provider = findOidcProvider(input.providerId);
	if (!provider) return refuse(404, m.error_not_found());
	const perIp = await consumeToken(db, loginIpKey(input.ip), LOGIN_PER_IP, now);
	if (!perIp.allowed) return throttled(perIp.retryAfterSeconds);

	let invitationId: string | null = null;
	if (input.purpose === 'link') {
		if (!input.userId) return refuse(403, m.oidc_wrong_account());
		if (await findUserProviderLink(db, input.userId, provider.id)) {
			return refuse(409, m.oidc_provider_taken({ provider: provider.displayName }));
		}
	}
	if (input.purpose === 'invitation') {
		const token = input.invitationToken ?? '';
		const invitation = token ? await findValidToken(db, 'invitation', token, now) : null;
		if (!invitation?.organisationId) return refuse(404, m.auth_link_invalid());
		invitationId = invitation.id;
	}

	let config: client.Configuration;
	try {
		config = await configurationOf(provider, now.getTime());
	} catch (e) {
		console.warn(`oidc ${provider.id}: discovery failed: ${describeFailure(e)}`);
		return refuse(502, m.oidc_unreachable({ provider: provider.displayName }));
	}
	const codeVerifier = client.randomPKCECodeVerifier();
	const state = client.randomState();
	const nonce = client.randomNonce();
	const attemptId = generateSecureRandomString();
	await insertAttempt(
		db,
		hashSecret(attemptId),
		{
			provider: provider.id,
			state,
			nonce,
			codeVerifier,
			purpose: input.purpose,
			userId: input.purpose === 'link' ? input.userId : null,
			invitationId,
			next: input.next
		},
		new Date(now.getTime() + ATTEMPT_LIFETIME_MS)
	);
	const url = client.buildAuthorizationUrl(config, {
		redirect_uri: input.origin + callbackPath(provider.id),
		scope: provider.scope,
		code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
		code_challenge_method: 'S256',
		state,
		nonce
	});
	return { ok: true, value: { location: url.href, attemptId } };
}

export type OidcOutcome =
	| {
			kind: 'session';
			userId: string;
			providerId: string;
			idToken: string;
			next: string;
	  }
	| { kind: 'linked'; userId: string; providerName: string };

export interface FinishInput {
	providerId: string;
	/** The URL the browser came back on, with the provider's query parameters. */
	callbackUrl: URL;
	attemptId: string | undefined;
	/** Who is logged in on this browser now. */
	currentUserId: string | null;
	ip: string;
	now?: Date;
}

/**
 * Finishes a login on the callback: the attempt is used up first (a replayed callback finds
 * nothing), the code is exchanged with the PKCE verifier, and the library checks state, nonce
 * and the ID token. Then the identity is matched to an account (oidc-identity.ts).
 */
export async function finishOidcLogin(
	db: Kysely<DB>,
	input: FinishInput
): Promise<OidcResult<OidcOutcome>> {
	const now = input.now ?? new Date();
	const provider = findOidcProvider(input.providerId);
	if (!provider) return refuse(404, m.error_not_found());
	const perIp = await consumeToken(db, loginIpKey(input.ip), LOGIN_PER_IP, now);
	if (!perIp.allowed) return throttled(perIp.retryAfterSeconds);

	const attemptId = input.attemptId ?? '';
	const attempt = /^[a-z2-7]{32}$/.test(attemptId)
		? await takeAttempt(db, hashSecret(attemptId), now)
		: null;
	if (!attempt || attempt.provider !== provider.id) return refuse(400, m.oidc_attempt_missing());

	const name = provider.displayName;
	let config: client.Configuration;
	try {
		config = await configurationOf(provider, now.getTime());
	} catch (e) {
		console.warn(`oidc ${provider.id}: discovery failed: ${describeFailure(e)}`);
		return refuse(502, m.oidc_unreachable({ provider: name }));
	}
	// Only the path and the provider's parameters count: the origin is the app's own.
	const currentUrl = new URL(callbackPath(provider.id), input.callbackUrl);
	currentUrl.search = input.callbackUrl.search;
	let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
	try {
		tokens = await client.authorizationCodeGrant(config, currentUrl, {
			pkceCodeVerifier: attempt.codeVerifier,
			expectedState: attempt.state,
			expectedNonce: attempt.nonce,
			idTokenExpected: true
		});
	} catch (e) {
		console.warn(`oidc ${provider.id}: callback refused: ${describeFailure(e)}`);
		if (isUnreachable(e)) return refuse(502, m.oidc_unreachable({ provider: name }));
		return refuse(400, m.oidc_failed({ provider: name }));
	}
	const claims = tokens.claims();
	if (!claims || !tokens.id_token) return refuse(400, m.oidc_failed({ provider: name }));

	const result = await resolveIdentity(db, {
		provider,
		attempt,
		claims: readClaims(provider, claims),
		currentUserId: input.currentUserId,
		now
	});
	if (!result.ok) return result;
	// Only failures count against the address: a school's many teachers share one IP.
	await refundToken(db, loginIpKey(input.ip), LOGIN_PER_IP);
	await refundToken(db, loginIpKey(input.ip), LOGIN_PER_IP);
	if (result.value.kind === 'linked') {
		return { ok: true, value: { kind: 'linked', userId: result.value.userId, providerName: name } };
	}
	return {
		ok: true,
		value: {
			kind: 'session',
			userId: result.value.userId,
			providerId: provider.id,
			idToken: tokens.id_token,
			next: attempt.next
		}
	};
}

const EMAIL = /^[^\s@]{1,64}@[^\s@]+\.[^\s@]+$/;

function text(value: unknown, max: number): string | null {
	if (typeof value !== 'string') return null;
	const trimmed = value.trim();
	return trimmed === '' || trimmed.length > max ? null : trimmed;
}

/** The claims this app uses, by the names the provider's configuration gives them. */
export function readClaims(
	provider: OidcProvider,
	claims: Record<string, unknown>
): IdentityClaims {
	const email = text(claims[provider.claims.email], 254);
	const cvrValue = provider.claims.cvr ? claims[provider.claims.cvr] : undefined;
	const cvr =
		typeof cvrValue === 'string' || typeof cvrValue === 'number'
			? String(cvrValue).replace(/\s+/g, '')
			: '';
	const organisation = provider.claims.organisation ? claims[provider.claims.organisation] : null;
	return {
		subject: String(claims.sub),
		email: email && EMAIL.test(email) ? email.toLowerCase() : null,
		name: text(claims[provider.claims.name], 200),
		cvr: /^[0-9]{8}$/.test(cvr) ? cvr : null,
		organisation: text(organisation, 200)
	};
}

/**
 * Where logging out of the app also ends the provider's session: its end_session_endpoint with
 * the ID token as hint. Null when the provider has none or cannot be reached now.
 */
export async function providerLogoutUrl(
	providerId: string,
	idToken: string,
	postLogoutRedirectUri: string,
	now = new Date()
): Promise<string | null> {
	const provider = findOidcProvider(providerId);
	if (!provider) return null;
	try {
		const config = await configurationOf(provider, now.getTime());
		if (!config.serverMetadata().end_session_endpoint) return null;
		return client.buildEndSessionUrl(config, {
			id_token_hint: idToken,
			post_logout_redirect_uri: postLogoutRedirectUri
		}).href;
	} catch (e) {
		console.warn(`oidc ${providerId}: no provider logout: ${describeFailure(e)}`);
		return null;
	}
}
