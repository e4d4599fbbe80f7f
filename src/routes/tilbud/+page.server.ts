import { listOffers } from '$lib/server/offer';
import { canCreateOffers } from '$lib/server/offer-rights';
import { listFilterOptions } from '$lib/server/filter-options';
import { offerFiltersSchema } from '$lib/validation/offer';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const get = (key: string) => url.searchParams.get(key) || undefined;
	// Unknown or malformed parameters are dropped (the schema catches them), never an error page.
	const filters = offerFiltersSchema.parse({
		kind: get('kind'),
		trade: get('trade'),
		week: get('week'),
		municipalityId: get('municipality'),
		grade: get('grade'),
		onlyFree: get('free'),
		q: get('q')
	});
	const db = locals.db;
	const offers = await listOffers(db, locals.user, filters);
	const { trades, municipalities } = await listFilterOptions(db);
	return {
		offers,
		filters,
		trades,
		municipalities,
		canCreate: canCreateOffers(locals.user)
	};
};
