import { copenhagenToday } from '$lib/platform/dates/iso';
import { loadDashboard } from '$lib/dashboard/server';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	if (!locals.user) return { dashboard: null };
	return { dashboard: await loadDashboard(locals.db, locals.user, copenhagenToday()) };
};
