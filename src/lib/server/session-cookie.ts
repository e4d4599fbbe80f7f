import type { Cookies } from '@sveltejs/kit';
import { SESSION_COOKIE } from './session';

// HttpOnly and SameSite=Lax. SvelteKit makes cookies Secure except on http://localhost.
export function setSessionCookie(cookies: Cookies, token: string, expiresAt: Date): void {
	cookies.set(SESSION_COOKIE, token, {
		httpOnly: true,
		sameSite: 'lax',
		path: '/',
		expires: expiresAt
	});
}

export function deleteSessionCookie(cookies: Cookies): void {
	cookies.delete(SESSION_COOKIE, { path: '/' });
}
