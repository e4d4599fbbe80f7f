import { error, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { parseForm, refused, requireForm, requireUser } from '$lib/platform/server';
import {
	findCommitmentPage,
	joinAlliance,
	leaveAlliance,
	listCompanyOpenings,
	listTrades,
	updateCommitment,
	canCreateOpening,
	canEditOpening,
	canUpdateCommitment
} from '$lib/apprenticeship/server';
import { changeOpening, refusedChange } from '../../opening-change.server';
import { COMMITMENT_ARRAY_FIELDS, commitmentSchema } from '$lib/apprenticeship';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const user = requireUser(locals, url);
	const db = locals.db;
	const page = await findCommitmentPage(db, user, params.id);
	if (!page) error(404, m.alliance_err_company_not_found());
	const { company, commitment } = page;
	const source = commitment ?? {
		contactName: user.name,
		contactEmail: user.email,
		contactPhone: '',
		note: '',
		trades: company.trades
	};
	return {
		company,
		commitment,
		openings: await listCompanyOpenings(db, company.id),
		trades: await listTrades(db),
		canManage: canUpdateCommitment(user, company),
		canPublish: commitment !== null && canCreateOpening(user, company),
		canEditOpenings: canEditOpening(user, { organisationId: company.id }),
		values: {
			contactName: source.contactName,
			contactEmail: source.contactEmail,
			contactPhone: source.contactPhone,
			note: source.note,
			trades: source.trades
		} as Record<string, string | string[]>
	};
};

async function saveCommitment(event: RequestEvent, mode: 'join' | 'update') {
	const user = requireUser(event.locals, event.url);
	const form = await requireForm(event.request);
	const parsed = parseForm(commitmentSchema, form, { arrayFields: COMMITMENT_ARRAY_FIELDS });
	if (!parsed.ok) return parsed.failure;
	const save = mode === 'join' ? joinAlliance : updateCommitment;
	const result = await save(event.locals.db, user, event.params.id, parsed.data);
	if (!result.ok) return refused(form, result);
	redirect(
		303,
		`/laerepladsalliance/tilsagn/${event.params.id}?${mode === 'join' ? 'tilmeldt' : 'gemt'}`
	);
}

export const actions: Actions = {
	join: (event) => saveCommitment(event, 'join'),
	update: (event) => saveCommitment(event, 'update'),
	leave: async ({ locals, url, params }) => {
		const user = requireUser(locals, url);
		const result = await leaveAlliance(locals.db, user, params.id);
		if (!result.ok) return refusedChange(result);
		redirect(303, `/laerepladsalliance/tilsagn/${params.id}?udmeldt`);
	},
	fill: (event) => changeOpening(event, 'fill'),
	reopen: (event) => changeOpening(event, 'reopen')
};
