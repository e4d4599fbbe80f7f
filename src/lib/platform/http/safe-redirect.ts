// Any origin works as the base: only the path, query and fragment of the result are kept. What
// matters is that the value is parsed the way a browser parses a Location header, which drops
// TAB, CR and LF anywhere and reads '\' as '/' — so '/\t/evil.example' is '//evil.example'.
const BASE = 'https://aarshjul.invalid';

/**
 * The one way to read a `next`/`redirectTo` value: a same-origin path ('/x?y#z') or `fallback`.
 * The result is re-serialised by the URL parser, so it holds no control characters or non-ASCII
 * (a redirect header with either would be a 500) and cannot start with '//' (another host).
 */
export function safeRedirectPath(value: unknown, fallback = '/'): string {
	if (typeof value !== 'string' || value.length > 2000) return fallback;
	// Only relative paths are asked for; an absolute URL, even to this site, is not a `next`.
	if (!/^[/\\]/.test(value.replace(/[\t\n\r]/g, ''))) return fallback;
	let url: URL;
	try {
		url = new URL(value, BASE);
	} catch {
		return fallback;
	}
	if (url.origin !== BASE) return fallback;
	const path = url.pathname + url.search + url.hash;
	// '/.//evil.example' parses to the path '//evil.example', which a browser reads as a host.
	if (!path.startsWith('/') || path.startsWith('//')) return fallback;
	return path;
}
