import { text } from '@sveltejs/kit';
import type { Locale } from '$lib/dates/weeks';
import { getLocale } from '$lib/paraglide/runtime';
import {
	exportFilename,
	loadWheelExport,
	renderWheelPng,
	renderWheelSvg
} from '$lib/server/wheel-export';
import type { RequestHandler } from './$types';

const PLAIN = { 'content-type': 'text/plain; charset=utf-8' };

const DEFAULT_WIDTH = 2400;

/** ?width= in pixels, kept within what is useful and cheap enough to render. */
function widthParam(value: string | null): number {
	const width = Number(value);
	if (!value || !Number.isInteger(width)) return DEFAULT_WIDTH;
	return Math.min(Math.max(width, 400), 6000);
}

export const GET: RequestHandler = async ({ url, locals }) => {
	const locale: Locale = getLocale() === 'en' ? 'en' : 'da';
	const result = await loadWheelExport(locals.db, locals.user, url.searchParams, { locale });
	if (!result.ok) return text(result.message, { status: 400, headers: PLAIN });
	const svg = renderWheelSvg(result.wheel, { locale, hrefBase: url.origin });
	const png = renderWheelPng(svg, { width: widthParam(url.searchParams.get('width')) });
	return new Response(new Uint8Array(png), {
		headers: {
			'content-type': 'image/png',
			'content-disposition': `attachment; filename="${exportFilename(result.wheel.year, 'png')}"`,
			'cache-control': 'private, no-store'
		}
	});
};
