import { reportCsvResponse, requireReport } from '$lib/server/report-page';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, url }) =>
	reportCsvResponse(await requireReport(locals, url));
