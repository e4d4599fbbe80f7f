import { PILLARS, type PillarFilter } from '$lib/activities/filters';

// The strict reading of the filter parameters for the JSON endpoint: a malformed value is a 400
// there, while the pages' parseFilters ($lib/filters) quietly drops it.

/** The filters listActivities understands; $lib/filters' ActivityFilters fits into it. */
export interface ActivityFilters {
	pillar?: PillarFilter;
	categoryIds?: string[];
	municipalityId?: string;
	schoolId?: string;
	companyId?: string;
	trade?: string;
	q?: string;
}

const MAX_QUERY_LENGTH = 200;
const MAX_CATEGORIES = 50;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TRADE = /^[a-z0-9_-]{1,50}$/;

export type FilterParseResult =
	{ ok: true; filters: ActivityFilters } | { ok: false; param: string };

/** Reads pillar, category (repeatable), municipality, school, company, trade and q; empty = no filter. */
export function parseActivityFilters(params: URLSearchParams): FilterParseResult {
	const filters: ActivityFilters = {};
	const one = (name: string) => params.get(name)?.trim() || undefined;

	const pillar = one('pillar');
	if (pillar !== undefined) {
		if (!(PILLARS as readonly string[]).includes(pillar)) return { ok: false, param: 'pillar' };
		filters.pillar = pillar as PillarFilter;
	}
	const categories = params
		.getAll('category')
		.map((v) => v.trim())
		.filter(Boolean);
	if (categories.length > MAX_CATEGORIES || categories.some((id) => !UUID.test(id))) {
		return { ok: false, param: 'category' };
	}
	if (categories.length) filters.categoryIds = [...new Set(categories.map((c) => c.toLowerCase()))];

	const orgParams = [
		['municipality', 'municipalityId'],
		['school', 'schoolId'],
		['company', 'companyId']
	] as const;
	for (const [param, key] of orgParams) {
		const value = one(param);
		if (value === undefined) continue;
		if (!UUID.test(value)) return { ok: false, param };
		filters[key] = value.toLowerCase();
	}
	const trade = one('trade');
	if (trade !== undefined) {
		if (!TRADE.test(trade)) return { ok: false, param: 'trade' };
		filters.trade = trade;
	}
	const q = one('q');
	if (q !== undefined) {
		if (q.length > MAX_QUERY_LENGTH) return { ok: false, param: 'q' };
		filters.q = q;
	}
	return { ok: true, filters };
}
