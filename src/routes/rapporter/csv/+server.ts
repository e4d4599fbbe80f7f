import { reportCsvResponse, requireReport } from '$lib/reports/server';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, url }) =>
	reportCsvResponse(await requireReport(locals, url));
