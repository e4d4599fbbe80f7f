import { listOffers, canCreateOffers } from '$lib/bookings/server';
import { listFilterOptions } from '$lib/activities/server';
import { offerFiltersSchema } from '$lib/bookings';
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
