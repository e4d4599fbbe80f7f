import { error } from '@sveltejs/kit';
import { requireUser } from '$lib/platform/server';
import { isEnglish, loadReport, type Report } from '$lib/reports/server';

/**
 * What the report's page, print layout and CSV share: visitors log in first; others get the
 * report or an error page (404 not a reader, 400 a malformed or unknown filter).
 */
export async function requireReport(locals: App.Locals, url: URL): Promise<Report> {
	const user = requireUser(locals, url);
	const result = await loadReport(locals.db, user, url.searchParams, { english: isEnglish() });
	if (!result.ok) error(result.status, result.message);
	return result.value;
}
