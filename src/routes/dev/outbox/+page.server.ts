import { error } from '@sveltejs/kit';
import { dev } from '$app/environment';
import { demoDataWanted } from '$lib/server/startup';
import { listOutbox } from '$lib/server/mail';
import type { PageServerLoad } from './$types';

// Only for development and demos: with real SMTP the mails (and their links) stay private, and a
// production installation without demo data never shows anyone else's reset link.
export const load: PageServerLoad = async ({ locals, setHeaders }) => {
	if (process.env.SMTP_URL || !demoDataWanted(process.env, !dev)) error(404);
	setHeaders({ 'cache-control': 'no-store' });
	return { messages: await listOutbox(locals.db, 100) };
};
