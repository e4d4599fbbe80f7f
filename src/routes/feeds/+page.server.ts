import { error, fail, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { readForm } from '$lib/platform/server';
import { issueFeedAddress, loadFeedCards } from '$lib/feeds/server';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	if (!locals.user) redirect(303, `/login?next=${encodeURIComponent(url.pathname)}`);
	return { cards: await loadFeedCards(locals.db, locals.user, url.origin) };
};

async function issue({ locals, request, url }: RequestEvent, rotate: boolean) {
	if (!locals.user) redirect(303, `/login?next=${encodeURIComponent(url.pathname)}`);
	const form = await readForm(request);
	const key = String(form?.get('card') ?? '');
	if (rotate && form?.get('confirm') !== 'ja') {
		return fail(400, { key, message: m.feed_err_confirm() });
	}
	const result = await issueFeedAddress(locals.db, locals.user, key, url.origin, rotate);
	if (result.ok) return { key: result.key, links: result.links };
	if (result.reason === 'not_found') error(404, m.error_not_found());
	if (result.reason === 'forbidden') return fail(403, { key, message: m.feed_err_forbidden() });
	return fail(409, { key, message: m.feed_err_exists() });
}

export const actions: Actions = {
	create: (event) => issue(event, false),
	rotate: (event) => issue(event, true)
};
