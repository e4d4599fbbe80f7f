import { error, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { parseForm, refused, requireForm, requireUser } from '$lib/platform/server';
import {
	createOpening,
	findCommitmentPage,
	listTrades,
	canCreateOpening
} from '$lib/apprenticeship/server';
import { newOpeningSchema } from '$lib/apprenticeship';
import type { Actions, PageServerLoad } from './$types';

// /laerepladsalliance/opslag/ny?virksomhed=<id>: the company comes from the address, not the form.

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireUser(locals, url);
	const db = locals.db;
	const page = await findCommitmentPage(db, user, url.searchParams.get('virksomhed') ?? '');
	if (!page || !canCreateOpening(user, page.company)) {
		error(404, m.alliance_err_company_not_found());
	}
	if (!page.commitment) error(409, m.alliance_err_not_joined_openings());
	const committed = page.commitment.trades;
	return {
		company: page.company,
		trades: (await listTrades(db)).filter((t) => committed.includes(t.code)),
		values: {
			tradeCode: committed.length === 1 ? committed[0] : '',
			positions: '1',
			startDate: '',
			contactName: page.commitment.contactName,
			contactEmail: page.commitment.contactEmail,
			description: '',
			status: 'open'
		} as Record<string, string>
	};
};

export const actions: Actions = {
	default: async ({ locals, url, request }) => {
		const user = requireUser(locals, url);
		const form = await requireForm(request);
		const organisationId = url.searchParams.get('virksomhed') ?? '';
		form.set('organisationId', organisationId);
		const parsed = parseForm(newOpeningSchema, form);
		if (!parsed.ok) {
			if (parsed.failure.data.errors.organisationId) error(404, m.alliance_err_company_not_found());
			return parsed.failure;
		}
		const result = await createOpening(locals.db, user, parsed.data);
		if (!result.ok) return refused(form, result);
		redirect(303, `/laerepladsalliance/tilsagn/${organisationId}?oprettet`);
	}
};
