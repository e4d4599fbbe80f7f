import { text } from '@sveltejs/kit';
import type { Locale } from '$lib/platform/dates/weeks';
import { m } from '$lib/paraglide/messages.js';
import { getLocale } from '$lib/paraglide/runtime';
import {
	resolveSchoolYear,
	exportFilename,
	loadWheelExport,
	renderWheelSvg,
	pngCacheKey,
	pngWidth,
	renderPngCached,
	wheelDataVersion
} from '$lib/wheel/server';
import type { RequestHandler } from './$types';

const PLAIN = { 'content-type': 'text/plain; charset=utf-8' };
/** The today hand moves with the clock; to ten minutes (a twentieth of a pixel) it is the same. */
const HAND_STEP_MS = 10 * 60 * 1000;

export const GET: RequestHandler = async ({ url, locals }) => {
	const locale: Locale = getLocale() === 'en' ? 'en' : 'da';
	const now = new Date(Math.floor(Date.now() / HAND_STEP_MS) * HAND_STEP_MS);
	const year = resolveSchoolYear(url.searchParams.get('year'), now);
	if (!year.ok) return text(year.message, { status: year.status, headers: PLAIN });
	const width = pngWidth(url.searchParams.get('width'));
	const query = [...url.searchParams].filter(([name]) => name !== 'width').sort();
	const viewer = locals.user
		? { secretariat: locals.user.isSecretariat, memberships: locals.user.memberships }
		: null;
	const key = pngCacheKey([
		await wheelDataVersion(locals.db),
		viewer,
		locale,
		url.origin,
		now.getTime(),
		query,
		width
	]);
	const rendered = await renderPngCached(key, width, async () => {
		const result = await loadWheelExport(locals.db, locals.user, url.searchParams, { locale, now });
		if (!result.ok)
			throw new Error(`wheel export refused after its year was checked: ${result.message}`);
		return renderWheelSvg(result.value, { locale, hrefBase: url.origin });
	});
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
			'content-disposition': `attachment; filename="${exportFilename(year.value, 'png')}"`,
			'cache-control': 'private, no-store'
		}
	});
};
