import { redirect } from '@sveltejs/kit';
import { parseForm, refused, requireForm, requireUser } from '$lib/platform/server';
import { canViewDuty, listRounds, openRound, roundOwnerChoices } from '$lib/allocation/server';
import { openRoundSchema } from '$lib/allocation';
import type { Actions, PageServerLoad } from './$types';

// /praktikfordeling: the rounds, and for the secretariat or a municipality a form to open one.

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireUser(locals, url);
	const owners = roundOwnerChoices(user);
	const names = new Map(user.memberships.map((m) => [m.organisationId, m.name]));
	return {
		rounds: await listRounds(locals.db, user),
		showDuty: canViewDuty(user),
		owners: owners.map((id) => ({ id: id ?? '', name: id ? (names.get(id) ?? id) : null }))
	};
};

export const actions: Actions = {
	default: async ({ locals, url, request }) => {
		const user = requireUser(locals, url);
		const form = await requireForm(request);
		const parsed = parseForm(openRoundSchema, form);
		if (!parsed.ok) return parsed.failure;
		const result = await openRound(locals.db, user, parsed.data);
		if (!result.ok) return refused(form, result);
		redirect(303, `/praktikfordeling/${result.value.id}`);
	}
};
