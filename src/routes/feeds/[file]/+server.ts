import { getDb } from '$lib/server/db';
import { respondToFeedRequest } from '$lib/server/feed-serve';
import type { RequestHandler } from './$types';

// Calendar subscriptions: /feeds/<secret>.ics and /feeds/offentlig.ics (see feed-serve.ts).
const handler =
	(method: 'GET' | 'HEAD'): RequestHandler =>
	async ({ params, url, request }) =>
		respondToFeedRequest(await getDb(), {
			method,
			file: params.file,
			url,
			headers: request.headers
		});

export const GET = handler('GET');
export const HEAD = handler('HEAD');
