// The filters of the wheel, the calendar and their JSON endpoint, kept in the URL so that a view
// can be shared and bookmarked. Pure: parsing never throws; unknown or malformed values are dropped.

export const PILLARS = [
	'laerepladsalliance',
	'skole_virksomhed',
	'rekruttering',
	'faelles'
] as const;
export type PillarFilter = (typeof PILLARS)[number];

export interface ActivityFilters {
	pillar?: PillarFilter;
	categoryIds: string[];
	municipalityId?: string;
	schoolId?: string;
	companyId?: string;
	trade?: string;
	q?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TRADE = /^[a-z0-9-]{1,60}$/;
const MAX_CATEGORIES = 50;
const MAX_QUERY = 200;

function uuidParam(params: URLSearchParams, name: string): string | undefined {
	const value = params.get(name);
	return value && UUID.test(value) ? value.toLowerCase() : undefined;
}

export function parseFilters(params: URLSearchParams): ActivityFilters {
	const pillar = params.get('pillar');
	const trade = params.get('trade');
	const q = params.get('q')?.trim().slice(0, MAX_QUERY);
	return {
		pillar: PILLARS.find((p) => p === pillar),
		categoryIds: [...new Set(params.getAll('category').filter((c) => UUID.test(c)))]
			.slice(0, MAX_CATEGORIES)
			.map((c) => c.toLowerCase()),
		municipalityId: uuidParam(params, 'municipality'),
		schoolId: uuidParam(params, 'school'),
		companyId: uuidParam(params, 'company'),
		trade: trade && TRADE.test(trade) ? trade : undefined,
		q: q || undefined
	};
}

/** The query string for filters, in a stable order, without empty values. */
export function filtersToParams(filters: ActivityFilters): URLSearchParams {
	const params = new URLSearchParams();
	if (filters.pillar) params.set('pillar', filters.pillar);
	for (const id of filters.categoryIds) params.append('category', id);
	if (filters.municipalityId) params.set('municipality', filters.municipalityId);
	if (filters.schoolId) params.set('school', filters.schoolId);
	if (filters.companyId) params.set('company', filters.companyId);
	if (filters.trade) params.set('trade', filters.trade);
	if (filters.q) params.set('q', filters.q);
	return params;
}
