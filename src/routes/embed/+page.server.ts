import { error } from '@sveltejs/kit';
import type { Locale } from '$lib/platform/dates/weeks';
import { getLocale } from '$lib/paraglide/runtime';
import { loadEmbed } from '$lib/wheel/server';
import { packWheelItems } from '$lib/wheel';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const locale: Locale = getLocale() === 'en' ? 'en' : 'da';
	const now = new Date();
	const result = await loadEmbed(locals.db, url.searchParams, { locale, now });
	if (!result.ok) error(result.status, result.message);
	const { activities, ...data } = result.value;
	return { ...data, packed: packWheelItems(activities), lang: locale, now, origin: url.origin };
};
