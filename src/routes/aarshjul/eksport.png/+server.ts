import { text } from '@sveltejs/kit';
import type { Locale } from '$lib/dates/weeks';
import { m } from '$lib/paraglide/messages.js';
import { getLocale } from '$lib/paraglide/runtime';
import { exportFilename, loadWheelExport, renderWheelSvg } from '$lib/server/wheel-export';
import { pngWidth, renderPngCached } from '$lib/server/wheel-png';
import type { RequestHandler } from './$types';

const PLAIN = { 'content-type': 'text/plain; charset=utf-8' };
/** The today hand moves with the clock; to ten minutes (a twentieth of a pixel) it is the same. */
const HAND_STEP_MS = 10 * 60 * 1000;

export const GET: RequestHandler = async ({ url, locals }) => {
	const locale: Locale = getLocale() === 'en' ? 'en' : 'da';
	const now = new Date(Math.floor(Date.now() / HAND_STEP_MS) * HAND_STEP_MS);
	const result = await loadWheelExport(locals.db, locals.user, url.searchParams, { locale, now });
	if (!result.ok) return text(result.message, { status: 400, headers: PLAIN });
	const svg = renderWheelSvg(result.wheel, { locale, hrefBase: url.origin });
	const rendered = await renderPngCached(svg, pngWidth(url.searchParams.get('width')));
	if (!rendered.ok) {
		return text(m.export_png_busy({ seconds: String(rendered.retryAfterSeconds) }), {
			status: 503,
			headers: {
				...PLAIN,
				'retry-after': String(rendered.retryAfterSeconds),
				'cache-control': 'no-store'
			}
		});
	}
	return new Response(rendered.png as Uint8Array<ArrayBuffer>, {
		headers: {
			'content-type': 'image/png',
			'content-disposition': `attachment; filename="${exportFilename(result.wheel.year, 'png')}"`,
			'cache-control': 'private, no-store'
		}
	});
};
