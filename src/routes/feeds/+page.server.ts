import { error, fail } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { readForm, requireUser } from '$lib/platform/server';
import {
	issueFeedAddress,
	loadFeedCards,
	revokeMemberFeed,
	shownAddresses
} from '$lib/feeds/server';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireUser(locals, url);
	return { cards: await loadFeedCards(locals.db, user, url.origin) };
};

const choicesOf = (form: FormData | null) => ({
	upcomingOnly: form?.get('kommende') === '1',
	withoutCancelled: form?.get('uden-aflyste') === '1'
});

const shownIn = (form: FormData | null) =>
	(form?.getAll('shown') ?? []).filter((v): v is string => typeof v === 'string');

async function issue({ locals, request, url }: RequestEvent, rotate: boolean) {
	const user = requireUser(locals, url);
	const form = await readForm(request);
	const key = String(form?.get('card') ?? '');
	const shown = await shownAddresses(locals.db, user, url.origin, shownIn(form));
	if (rotate && form?.get('confirm') !== 'ja') {
		return fail(400, { key, message: m.feed_err_confirm(), shown });
	}
	const result = await issueFeedAddress(locals.db, user, key, url.origin, rotate, choicesOf(form));
	if (result.ok) {
		return { key: result.key, links: result.links, shown: { ...shown, [key]: result.links } };
	}
	if (result.reason === 'not_found') error(404, m.error_not_found());
	if (result.reason === 'forbidden') {
		return fail(403, { key, message: m.feed_err_forbidden(), shown });
	}
	return fail(409, { key, message: m.feed_err_exists(), shown });
}

export const actions: Actions = {
	create: (event) => issue(event, false),
	rotate: (event) => issue(event, true),
	/** Shows an address made on this page again with other choices (only upcoming, no cancelled). */
	choose: async ({ locals, request, url }) => {
		const user = requireUser(locals, url);
		const form = await readForm(request);
		const key = String(form?.get('card') ?? '');
		const shown = await shownAddresses(locals.db, user, url.origin, shownIn(form), {
			key,
			choices: choicesOf(form)
		});
		if (!shown[key]) return fail(409, { key, message: m.feed_err_gone(), shown });
		return { key, links: shown[key], shown };
	},
	/** An organisation admin ends a member's personal address. */
	revoke: async ({ locals, request, url }) => {
		const user = requireUser(locals, url);
		const form = await readForm(request);
		const key = String(form?.get('card') ?? '');
		const feedId = String(form?.get('feed') ?? '');
		const result = await revokeMemberFeed(locals.db, user, key, feedId);
		const shown = await shownAddresses(locals.db, user, url.origin, shownIn(form));
		if (result === 'forbidden') return fail(403, { key, message: m.feed_err_forbidden(), shown });
		if (result === 'not_found') {
			return fail(404, { key, message: m.feed_err_member_feed(), shown });
		}
		return { key, notice: m.feed_member_revoked(), shown };
	}
};
