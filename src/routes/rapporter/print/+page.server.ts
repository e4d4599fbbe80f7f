import { reportPageData } from '$lib/reports/server';
import { requireReport } from '../report.server';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) =>
	reportPageData(await requireReport(locals, url));
