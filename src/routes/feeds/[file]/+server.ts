import { respondToFeedRequest } from '$lib/feeds/server';
import type { RequestHandler } from './$types';

// Calendar subscriptions: /feeds/<secret>.ics and /feeds/offentlig.ics (see feed-serve.ts).
const handler =
	(method: 'GET' | 'HEAD'): RequestHandler =>
	async ({ locals, params, url, request }) =>
		respondToFeedRequest(locals.db, {
			method,
			file: params.file,
			url,
			headers: request.headers
		});

export const GET = handler('GET');
export const HEAD = handler('HEAD');
