import { error } from '@sveltejs/kit';
import { listOutbox } from '$lib/server/mail';
import type { PageServerLoad } from './$types';

// Only for development and demos: with real SMTP the mails (and their links) stay private.
export const load: PageServerLoad = async ({ locals, setHeaders }) => {
	if (process.env.SMTP_URL) error(404);
	setHeaders({ 'cache-control': 'no-store' });
	return { messages: await listOutbox(locals.db, 100) };
};
