import { staticHeaders } from '../entry/static-headers.js';

/** Routes another site may show in an iframe (the public, read-only wheel). */
export function isFramable(pathname: string): boolean {
	return pathname === '/embed' || pathname.startsWith('/embed/');
}

/**
 * Adds the headers SvelteKit's CSP config does not cover. frame-ancestors goes in a policy of
 * its own so that it can differ per route; browsers enforce every CSP header they get.
 */
export function securityHeaders(pathname: string, headers: Headers): void {
	for (const [name, value] of staticHeaders(process.env.ORIGIN)) headers.set(name, value);
	headers.set('permissions-policy', 'camera=(), microphone=(), geolocation=()');
	if (isFramable(pathname)) {
		headers.append('content-security-policy', 'frame-ancestors *');
	} else {
		headers.append('content-security-policy', "frame-ancestors 'none'");
		headers.set('x-frame-options', 'DENY');
	}
}
