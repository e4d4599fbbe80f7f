import { error } from '@sveltejs/kit';
import { canReadOutbox, isOutboxPageEnabled, listOutbox, requireUser } from '$lib/platform/server';
import type { PageServerLoad } from './$types';

// Only for development and demos, and only for the secretariat: the mails hold reset and
// invitation links, so whoever reads them can take over the accounts they were sent to.
export const load: PageServerLoad = async ({ locals, setHeaders, url }) => {
	if (!isOutboxPageEnabled()) error(404);
	if (!canReadOutbox(requireUser(locals, url))) error(404);
	setHeaders({ 'cache-control': 'no-store' });
	return { messages: await listOutbox(locals.db, 100) };
};
