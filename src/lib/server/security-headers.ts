/** Routes another site may show in an iframe (the public, read-only wheel). */
export function isFramable(pathname: string): boolean {
	return pathname === '/embed' || pathname.startsWith('/embed/');
}

/**
 * Adds the headers SvelteKit's CSP config does not cover. frame-ancestors goes in a policy of
 * its own so that it can differ per route; browsers enforce every CSP header they get.
 */
export function securityHeaders(pathname: string, headers: Headers): void {
	headers.set('x-content-type-options', 'nosniff');
	headers.set('referrer-policy', 'strict-origin-when-cross-origin');
	headers.set('permissions-policy', 'camera=(), microphone=(), geolocation=()');
	headers.set('cross-origin-opener-policy', 'same-origin');
	if (isFramable(pathname)) {
		headers.append('content-security-policy', 'frame-ancestors *');
	} else {
		headers.append('content-security-policy', "frame-ancestors 'none'");
		headers.set('x-frame-options', 'DENY');
	}
	if ((process.env.ORIGIN ?? '').startsWith('https://')) {
		headers.set('strict-transport-security', 'max-age=31536000; includeSubDomains');
	}
}
