import { json } from '@sveltejs/kit';
import { checkDatabase } from '$lib/platform/server';
import type { RequestHandler } from './$types';

// For load balancers: 200 when the database answers, 503 when it does not.
export const GET: RequestHandler = async () => {
	const health = await checkDatabase();
	return json(health, {
		status: health.database === 'ok' ? 200 : 503,
		headers: { 'cache-control': 'no-store' }
	});
};
