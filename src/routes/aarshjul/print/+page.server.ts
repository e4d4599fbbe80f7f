import { error } from '@sveltejs/kit';
import type { Locale } from '$lib/platform/dates/weeks';
import { getLocale } from '$lib/paraglide/runtime';
import { loadWheelExport } from '$lib/wheel/server';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, locals }) => {
	const locale: Locale = getLocale() === 'en' ? 'en' : 'da';
	const result = await loadWheelExport(locals.db, locals.user, url.searchParams, { locale });
	if (!result.ok) error(result.status, result.message);
	return { ...result.value, lang: locale, query: url.searchParams.toString() };
};
