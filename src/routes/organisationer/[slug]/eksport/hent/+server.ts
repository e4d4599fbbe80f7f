import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import {
	exportOrganisationData,
	isExportTable,
	exportCsv,
	exportFilename,
	exportJson
} from '$lib/organisations/server';
import { canExportOrganisation } from '$lib/school-year/server';
import { organisationOr404 } from '../../../access.server';
import type { RequestHandler } from './$types';
import { requireUser } from '$lib/platform/server';

/** ?format=json (everything) or ?format=csv&table=bookingsMade (one table for Excel). */
export const GET: RequestHandler = async ({ params, locals, url }) => {
	const user = requireUser(locals, url);
	const { db, organisation } = await organisationOr404(locals.db, params.slug, (org) =>
		canExportOrganisation(user, org)
	);
	const format = url.searchParams.get('format') ?? 'json';
	const table = url.searchParams.get('table');
	const csvTable = format === 'csv' && table !== null && isExportTable(table) ? table : null;
	if (format !== 'json' && !csvTable) error(404, m.error_not_found());
	const data = await exportOrganisationData(db, user, organisation.id);
	if (!data) error(404, m.error_not_found());
	const body = csvTable ? exportCsv(data, csvTable) : exportJson(data);
	return new Response(body, {
		headers: {
			'content-type': csvTable ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
			'content-disposition': `attachment; filename="${exportFilename(data, csvTable)}"`,
			// Personal data: never kept by a browser or proxy cache.
			'cache-control': 'private, no-store'
		}
	});
};
