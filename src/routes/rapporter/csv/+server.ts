import { reportCsvResponse } from '$lib/reports/server';
import { requireReport } from '../report.server';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, url }) =>
	reportCsvResponse(await requireReport(locals, url));
