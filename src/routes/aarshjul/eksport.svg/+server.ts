import { text } from '@sveltejs/kit';
import type { Locale } from '$lib/platform/dates/weeks';
import { getLocale } from '$lib/paraglide/runtime';
import { exportFilename, loadWheelExport, renderWheelSvg } from '$lib/wheel/server';
import type { RequestHandler } from './$types';

const PLAIN = { 'content-type': 'text/plain; charset=utf-8' };

export const GET: RequestHandler = async ({ url, locals }) => {
	const locale: Locale = getLocale() === 'en' ? 'en' : 'da';
	const result = await loadWheelExport(locals.db, locals.user, url.searchParams, { locale });
	if (!result.ok) return text(result.message, { status: result.status, headers: PLAIN });
	const svg = renderWheelSvg(result.value, { locale, hrefBase: url.origin });
	return new Response(svg, {
		headers: {
			'content-type': 'image/svg+xml; charset=utf-8',
			'content-disposition': `attachment; filename="${exportFilename(result.value.year, 'svg')}"`,
			'cache-control': 'private, no-store'
		}
	});
};
