import { copenhagenToday } from '$lib/dates/iso';
import { getDb } from '$lib/server/db';
import { loadDashboard } from '$lib/server/dashboard';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	if (!locals.user) return { dashboard: null };
	return { dashboard: await loadDashboard(await getDb(), locals.user, copenhagenToday()) };
};
