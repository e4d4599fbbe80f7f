import { hasForbiddenCharacters } from '$lib/platform/input-text';

/**
 * The forms' input rule applied to a URL's query string: true when a name or a value holds a
 * control character or a lone surrogate (PostgreSQL cannot even store NUL, so a search for
 * "?q=%00" used to reach the database and fail there with a 500).
 */
export function queryBreaksInputRule(url: URL): boolean {
	for (const [key, value] of url.searchParams) {
		if (hasForbiddenCharacters(key) || hasForbiddenCharacters(value)) return true;
	}
	return false;
}
