import { error, fail } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import {
	bodyTooLarge,
	discardBody,
	MULTIPART_SLACK,
	parseForm,
	refused,
	requireForm,
	requireUser
} from '$lib/platform/server';
import {
	adjustPupil,
	deletePupil,
	joinPlaces,
	publishRound,
	roundPage,
	runRound,
	savePupil,
	uploadWishes
} from '$lib/allocation/server';
import {
	adjustSchema,
	deletePupilSchema,
	joinSchema,
	MAX_CSV_BYTES,
	pupilSchema
} from '$lib/allocation';
import type { Actions, PageServerLoad } from './$types';

// /praktikfordeling/[id]: one round as the user may see it (see roundPage), and its actions.

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requireUser(locals, url);
	const page = await roundPage(locals.db, user, params.id);
	if (!page) error(404, m.allocation_err_not_found());
	return page;
};

type Event = Parameters<Actions[string]>[0];

async function start(event: Event) {
	const user = requireUser(event.locals, event.url);
	const form = await requireForm(event.request);
	return { user, form };
}

export const actions: Actions = {
	join: async (event) => {
		const { user, form } = await start(event);
		const parsed = parseForm(joinSchema, form, { arrayFields: ['offerIds'] });
		if (!parsed.ok) return parsed.failure;
		const places = parsed.data.offerIds.map((offerId) => ({
			offerId,
			minAgeGroup: String(form.get(`age-${offerId}`) ?? 'under13')
		}));
		const result = await joinPlaces(event.locals.db, user, event.params.id, places);
		if (!result.ok) return refused(form, result);
		return { saved: true };
	},
	run: async (event) => {
		const { user, form } = await start(event);
		const result = await runRound(event.locals.db, user, event.params.id);
		if (!result.ok) return refused(form, result);
		return { saved: true };
	},
	adjust: async (event) => {
		const { user, form } = await start(event);
		const parsed = parseForm(adjustSchema, form);
		if (!parsed.ok) return parsed.failure;
		const result = await adjustPupil(event.locals.db, user, {
			roundId: event.params.id,
			...parsed.data
		});
		if (!result.ok) return refused(form, result);
		return { saved: true };
	},
	publish: async (event) => {
		const { user, form } = await start(event);
		const result = await publishRound(event.locals.db, user, event.params.id);
		if (!result.ok) return refused(form, result);
		return { saved: true };
	},
	upload: async (event) => {
		// A file over 10 MB is refused before its body is read, with the same Danish message.
		requireUser(event.locals, event.url);
		if (bodyTooLarge(event.request, MAX_CSV_BYTES + MULTIPART_SLACK)) {
			await discardBody(event.request);
			const message = m.allocation_csv_too_big();
			return fail(413, { message, errors: { file: message }, values: {} });
		}
		const { user, form } = await start(event);
		const schoolId = String(form.get('schoolId') ?? '');
		const file = form.get('file');
		const result = await uploadWishes(event.locals.db, user, {
			roundId: event.params.id,
			schoolId,
			file: file instanceof File ? file : null
		});
		if (!result.ok) {
			if (result.status === 404) error(404, result.message);
			return fail(result.status, {
				message: result.message,
				errors: result.errors ?? {},
				values: { schoolId }
			});
		}
		return { saved: true, count: result.value.saved };
	},
	pupil: async (event) => {
		const { user, form } = await start(event);
		const parsed = parseForm(pupilSchema, form, { arrayFields: ['wishes'] });
		if (!parsed.ok) return parsed.failure;
		const v = parsed.data;
		const result = await savePupil(event.locals.db, user, {
			roundId: event.params.id,
			schoolId: v.schoolId,
			cells: [v.classLabel, v.pseudonym, v.firstName, v.grade, v.ageGroup, v.ownPlace, ...v.wishes]
		});
		if (!result.ok) return refused(form, result);
		return { saved: true };
	},
	deletePupil: async (event) => {
		const { user, form } = await start(event);
		const parsed = parseForm(deletePupilSchema, form);
		if (!parsed.ok) return parsed.failure;
		const result = await deletePupil(event.locals.db, user, {
			roundId: event.params.id,
			...parsed.data
		});
		if (!result.ok) return refused(form, result);
		return { saved: true };
	}
};
