import type { Kysely } from 'kysely';
import type { Locale } from '$lib/platform/dates/weeks';
import type { DB } from '$lib/platform/server/db/schema';
import { refuse, success, type Result } from '$lib/platform/server/http/result';
import {
	findMunicipalityBySlug,
	loadWheel,
	resolveSchoolYear,
	type MunicipalityRef,
	type WheelData
} from './wheel';

export interface EmbedData extends WheelData {
	municipality: MunicipalityRef | null;
	view: 'wheel' | 'list';
}

const SLUG = /^[a-z0-9-]{1,80}$/;

/**
 * The public wheel for another site's iframe: never the session's user, so what a logged-in
 * visitor sees there is exactly what everyone sees. An unknown municipality is a 404, a
 * malformed year a 400.
 */
export async function loadEmbed(
	db: Kysely<DB>,
	params: URLSearchParams,
	options: { municipalitySlug?: string; locale: Locale; now: Date }
): Promise<Result<EmbedData>> {
	let municipality: MunicipalityRef | null = null;
	if (options.municipalitySlug !== undefined) {
		municipality = SLUG.test(options.municipalitySlug)
			? await findMunicipalityBySlug(db, options.municipalitySlug)
			: null;
		if (!municipality) return refuse(404, 'Kommunen findes ikke');
	}
	const year = resolveSchoolYear(params.get('year'), options.now);
	if (!year.ok) return year;
	const wheel = await loadWheel(db, null, {
		year: year.value,
		filters: { categoryIds: [], municipalityId: municipality?.id },
		holidayMunicipalityId: municipality?.id ?? null,
		publicOnly: true,
		locale: options.locale
	});
	return success({
		...wheel,
		municipality,
		view: params.get('view') === 'list' ? 'list' : 'wheel'
	});
}
