import { filtersToParams, parseFilters } from '$lib/activities';
import type { Locale } from '$lib/platform/dates/weeks';
import { getLocale } from '$lib/paraglide/runtime';
import { listFilterOptions } from '$lib/activities/server';
import { error } from '@sveltejs/kit';
import { copenhagenToday } from '$lib/platform/dates/iso';
import { listMunicipalities, loadWheel, resolveSchoolYear } from '$lib/wheel/server';
import { packWheelItems, parseZoom } from '$lib/wheel';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, locals }) => {
	const params = url.searchParams;
	const filters = parseFilters(params);
	const view: 'wheel' | 'list' = params.get('view') === 'list' ? 'list' : 'wheel';
	const locale: Locale = getLocale() === 'en' ? 'en' : 'da';
	const db = locals.db;
	const options = await listFilterOptions(db);
	const municipalities = await listMunicipalities(db);
	// Without an explicit choice, the holidays of the municipality filtered on are the useful ones.
	const holidaysParam = params.get('holidays');
	const chosen = municipalities.find((mu) => mu.id === holidaysParam?.toLowerCase());
	const holidayMunicipalityId =
		holidaysParam !== null ? (chosen?.id ?? null) : (filters.municipalityId ?? null);
	const now = new Date();
	const resolved = resolveSchoolYear(params.get('year'), now);
	if (!resolved.ok) error(resolved.status, resolved.message);
	const year = resolved.value;
	const zoom = parseZoom(year, params.get('zoom'), params.get('fra'), copenhagenToday(now));
	if (!zoom.ok) error(400, zoom.message);
	const { activities, ...wheel } = await loadWheel(db, locals.user, {
		year,
		filters,
		holidayMunicipalityId,
		locale
	});
	return {
		...wheel,
		packed: packWheelItems(activities),
		filters,
		filterQuery: filtersToParams(filters).toString(),
		view,
		period: zoom.period,
		today: copenhagenToday(now),
		holidaysParam,
		holidayMunicipalityId,
		holidayMunicipality: municipalities.find((mu) => mu.id === holidayMunicipalityId)?.name ?? null,
		municipalities,
		options,
		now,
		lang: locale,
		origin: url.origin,
		canCreate: locals.user !== null
	};
};
