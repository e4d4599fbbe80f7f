// Plain JavaScript without imports: the server entry that adapter-node's output starts with
// (src/lib/platform/server/entry/index.js) gets a copy of this file next to it in build/, where no TypeScript
// and no $lib alias exist.

/**
 * Headers every response carries, the static files that adapter-node serves before any hook runs
 * included. Only headers whose value is the same on every route: X-Frame-Options and the CSP
 * differ per route (the embeddable wheel), so hooks.server.ts sets them on pages.
 * @param {string | undefined} origin the app's ORIGIN; HSTS only when it is https
 * @returns {[name: string, value: string][]}
 */
export function staticHeaders(origin) {
	/** @type {[string, string][]} */
	const headers = [
		['x-content-type-options', 'nosniff'],
		['referrer-policy', 'strict-origin-when-cross-origin'],
		['cross-origin-opener-policy', 'same-origin']
	];
	if ((origin ?? '').startsWith('https://')) {
		headers.push(['strict-transport-security', 'max-age=31536000; includeSubDomains']);
	}
	return headers;
}
