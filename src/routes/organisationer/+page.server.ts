import {
	listDirectory,
	listMunicipalities,
	listTrades,
	canCreateOrganisation
} from '$lib/organisations/server';
import { directoryFilterSchema } from '$lib/organisations';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, locals }) => {
	const params = url.searchParams;
	const filter = directoryFilterSchema.parse({
		q: params.get('q') || undefined,
		kind: params.get('kind') || undefined,
		municipalityId: params.get('municipality') || undefined,
		trade: params.get('trade') || undefined
	});
	const db = locals.db;
	const organisations = await listDirectory(db, filter);
	const municipalities = await listMunicipalities(db);
	const trades = await listTrades(db);
	return {
		organisations,
		municipalities,
		trades,
		filter,
		canCreate: canCreateOrganisation(locals.user)
	};
};
