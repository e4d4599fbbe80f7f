import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { buildActivityIcs } from '$lib/server/feed-activity';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, params, url }) => {
	const ics = await buildActivityIcs(await getDb(), locals.user, params.id, url.origin);
	if (!ics) error(404, 'Siden findes ikke');
	return new Response(ics.body, {
		headers: {
			'content-type': 'text/calendar; charset=utf-8',
			'content-disposition': `attachment; filename="${ics.filename}"`,
			'cache-control': 'private, no-cache'
		}
	});
};
