import { SESSION_COOKIE } from './session';

/** The options this module sets on a cookie. */
interface CookieOptions {
	path: string;
	secure: boolean;
	httpOnly?: boolean;
	sameSite?: 'lax';
	expires?: Date;
	maxAge?: number;
}

/** What is used here of a request's cookies (SvelteKit's `event.cookies` is one). */
export interface CookieJar {
	set(name: string, value: string, options: CookieOptions): void;
	delete(name: string, options: CookieOptions): void;
}

/**
 * Secure everywhere but plain-HTTP development on this machine (browsers drop Secure cookies
 * there). Stated here rather than left to SvelteKit's default so one test can hold it.
 */
export function isSecureCookieOrigin(url: URL): boolean {
	const local = url.hostname === 'localhost' || url.hostname === '127.0.0.1';
	return url.protocol === 'https:' || !local;
}

export function sessionCookieOptions(url: URL, expiresAt: Date) {
	return {
		httpOnly: true,
		sameSite: 'lax' as const,
		secure: isSecureCookieOrigin(url),
		path: '/',
		expires: expiresAt
	};
}

// HttpOnly (scripts cannot read it), SameSite=Lax (no cross-site posts carry it), Secure.
export function setSessionCookie(
	cookies: CookieJar,
	url: URL,
	token: string,
	expiresAt: Date
): void {
	cookies.set(SESSION_COOKIE, token, sessionCookieOptions(url, expiresAt));
}

export function deleteSessionCookie(cookies: CookieJar, url: URL): void {
	cookies.delete(SESSION_COOKIE, { path: '/', secure: isSecureCookieOrigin(url) });
}

/** The id of an OpenID Connect login under way: only for the /login/oidc routes, ten minutes. */
export const OIDC_ATTEMPT_COOKIE = 'oidc_attempt';

export function setOidcAttemptCookie(cookies: CookieJar, url: URL, attemptId: string): void {
	cookies.set(OIDC_ATTEMPT_COOKIE, attemptId, {
		httpOnly: true,
		// Lax: the provider sends the browser back with a top-level GET, which carries it.
		sameSite: 'lax',
		secure: isSecureCookieOrigin(url),
		path: '/login/oidc',
		maxAge: 10 * 60
	});
}

export function deleteOidcAttemptCookie(cookies: CookieJar, url: URL): void {
	cookies.delete(OIDC_ATTEMPT_COOKIE, { path: '/login/oidc', secure: isSecureCookieOrigin(url) });
}
