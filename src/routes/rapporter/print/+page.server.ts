import { reportPageData, requireReport } from '$lib/reports/server';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) =>
	reportPageData(await requireReport(locals, url));
