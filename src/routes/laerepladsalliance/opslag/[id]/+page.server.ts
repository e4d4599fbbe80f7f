import { error, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { parseForm, refused, requireForm, requireUser } from '$lib/platform/server';
import {
	commitmentTrades,
	findOpeningForEdit,
	listTrades,
	updateOpening
} from '$lib/apprenticeship/server';
import { changeOpening } from '../../opening-change.server';
import { openingSchema } from '$lib/apprenticeship';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const user = requireUser(locals, url);
	const db = locals.db;
	const opening = await findOpeningForEdit(db, user, params.id);
	if (!opening) error(404, m.alliance_err_opening_not_found());
	// The stored trade stays choosable even if the commitment has since dropped it.
	const committed = [...(await commitmentTrades(db, opening.organisationId)), opening.tradeCode];
	return {
		opening,
		trades: (await listTrades(db)).filter((t) => committed.includes(t.code)),
		values: {
			tradeCode: opening.tradeCode,
			positions: String(opening.positions),
			startDate: opening.startDate,
			contactName: opening.contactName,
			contactEmail: opening.contactEmail,
			description: opening.description,
			status: opening.status
		} as Record<string, string>
	};
};

export const actions: Actions = {
	save: async ({ locals, params, url, request }) => {
		const user = requireUser(locals, url);
		const form = await requireForm(request);
		const parsed = parseForm(openingSchema, form);
		if (!parsed.ok) return parsed.failure;
		const result = await updateOpening(locals.db, user, params.id, parsed.data);
		if (!result.ok) return refused(form, result);
		redirect(303, `/laerepladsalliance/tilsagn/${result.value.organisationId}?opslag-gemt`);
	},
	fill: (event) => changeOpening(event, 'fill', event.params.id),
	reopen: (event) => changeOpening(event, 'reopen', event.params.id),
	delete: (event) => changeOpening(event, 'delete', event.params.id)
};
