import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { buildActivityIcs } from '$lib/feeds/server';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, params, url }) => {
	const ics = await buildActivityIcs(locals.db, locals.user, params.id, url.origin);
	if (!ics) error(404, m.error_not_found());
	return new Response(ics.body, {
		headers: {
			'content-type': 'text/calendar; charset=utf-8',
			'content-disposition': `attachment; filename="${ics.filename}"`,
			'cache-control': 'private, no-cache'
		}
	});
};
