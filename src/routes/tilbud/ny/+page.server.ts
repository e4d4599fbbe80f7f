import { error, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { parseForm, refused, requireForm, requireUser } from '$lib/platform/server';
import { createOffer, canCreateOffers, listOfferOwners } from '$lib/bookings/server';
import { listFilterOptions } from '$lib/activities/server';
import { OFFER_ARRAY_FIELDS, offerSchema } from '$lib/bookings';
import type { Actions, PageServerLoad } from './$types';

function requireProvider(user: App.Locals['user']) {
	if (!canCreateOffers(user)) error(403, m.offers_err_no_provider());
}

/** The form always has a few week and date inputs; the empty ones are not choices. */
function withoutBlanks(form: FormData, names: readonly string[]): FormData {
	const cleaned = new FormData();
	for (const [key, value] of form) {
		if (names.includes(key) && typeof value === 'string' && value.trim() === '') continue;
		cleaned.append(key, value);
	}
	return cleaned;
}

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireUser(locals, url);
	requireProvider(user);
	const db = locals.db;
	const owners = await listOfferOwners(db, user);
	const { trades } = await listFilterOptions(db);
	return {
		owners,
		trades,
		values: {
			ownerId: owners.length === 1 ? owners[0].id : '',
			contactName: user.name,
			contactEmail: user.email,
			visibility: 'alliance'
		} as Record<string, string | string[]>
	};
};

export const actions: Actions = {
	default: async ({ locals, url, request }) => {
		const user = requireUser(locals, url);
		requireProvider(user);
		const form = await requireForm(request);
		const parsed = parseForm(offerSchema, withoutBlanks(form, ['weeks', 'dates']), {
			arrayFields: OFFER_ARRAY_FIELDS
		});
		if (!parsed.ok) return parsed.failure;
		const result = await createOffer(locals.db, user, parsed.data);
		if (!result.ok) return refused(form, result);
		const { offerIds, uuWeeks } = result.value;
		const uu = uuWeeks.length ? `&uu=${uuWeeks.join(',')}` : '';
		redirect(303, `/tilbud/${offerIds[0]}?oprettet=${offerIds.length}${uu}`);
	}
};
