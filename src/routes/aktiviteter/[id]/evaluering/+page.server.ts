import { error, fail, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import {
	BLOCK_MESSAGES,
	deleteEvaluation,
	evaluationsInContext,
	loadEvaluationContext,
	saveEvaluation,
	type EvaluationResult,
	evaluatingOrganisationIds,
	evaluationBlock,
	isInvolved
} from '$lib/evaluations/server';
import { parseForm, formValues, readForm, requireUser } from '$lib/platform/server';
import { evaluationSchema } from '$lib/evaluations';
import type { Actions, PageServerLoad } from './$types';

async function requireContext(db: App.Locals['db'], user: App.Locals['user'], id: string) {
	const context = await loadEvaluationContext(db, user, id, new Date());
	if (!context) error(404, m.activity_err_not_found());
	return context;
}

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const user = requireUser(locals, url);
	const context = await requireContext(locals.db, user, params.id);
	const evaluations = await evaluationsInContext(locals.db, user, context);
	const allowed = evaluatingOrganisationIds(user, context.rights);
	const choices = context.organisations.filter((o) => allowed.includes(o.id));
	const evaluated = new Set(evaluations.map((e) => e.organisationId));
	const asked = url.searchParams.get('organisation');
	// Without a choice, the first of the user's organisations that still owes an evaluation.
	const selected =
		choices.find((o) => o.id === asked) ?? choices.find((o) => !evaluated.has(o.id)) ?? choices[0];
	const existing = evaluations.find((e) => e.organisationId === selected?.id);
	const block = evaluationBlock(context.rights);
	return {
		activity: context.activity,
		choices,
		evaluations,
		values: {
			organisationId: selected?.id ?? '',
			participants: existing ? String(existing.participants) : '',
			rating: existing ? String(existing.rating) : '',
			comment: existing?.comment ?? ''
		},
		notice: block
			? BLOCK_MESSAGES[block]()
			: choices.length === 0 && !isInvolved(user, context.rights)
				? m.evaluation_not_involved()
				: null,
		saved: url.searchParams.has('gemt'),
		deleted: url.searchParams.has('slettet')
	};
};

const STATUS = { forbidden: 403, closed: 409, invalid: 400 } as const;

/** 404 for what the user may not see; other refusals come back with the form filled in. */
function refused(result: Exclude<EvaluationResult<unknown>, { ok: true }>, form: FormData) {
	if (result.reason === 'not_found') error(404, result.message);
	return fail(STATUS[result.reason], {
		message: result.message,
		errors: result.errors ?? {},
		values: formValues(form)
	});
}

async function formOf(request: Request) {
	const form = await readForm(request);
	if (!form) error(400, m.form_fix_errors());
	return form;
}

export const actions: Actions = {
	save: async ({ request, locals, params, url }) => {
		const user = requireUser(locals, url);
		const form = await formOf(request);
		await requireContext(locals.db, user, params.id);
		const parsed = parseForm(evaluationSchema, form);
		if (!parsed.ok) return parsed.failure;
		const result = await saveEvaluation(locals.db, user, params.id, parsed.data);
		if (!result.ok) return refused(result, form);
		const organisation = encodeURIComponent(parsed.data.organisationId);
		redirect(303, `/aktiviteter/${params.id}/evaluering?gemt&organisation=${organisation}`);
	},
	delete: async ({ request, locals, params, url }) => {
		const user = requireUser(locals, url);
		const form = await formOf(request);
		const evaluationId = String(form.get('evaluationId') ?? '');
		const result = await deleteEvaluation(locals.db, user, params.id, evaluationId);
		if (!result.ok) return refused(result, form);
		redirect(303, `/aktiviteter/${params.id}/evaluering?slettet`);
	}
};
