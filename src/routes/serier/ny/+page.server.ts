import { redirect } from '@sveltejs/kit';
import { copenhagenToday } from '$lib/platform/dates/iso';
import {
	currentSchoolYear,
	nextSchoolYear,
	schoolYearRange
} from '$lib/platform/dates/school-year';
import { loadActivityFormOptions, createSeries } from '$lib/activities/server';
import { locale, previewAction, readSeriesForm, seriesRefused } from '../form.server';
import { requireCreator } from '../../aktiviteter/creator.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireCreator(locals, url);
	const options = await loadActivityFormOptions(locals.db, user, locale());
	// A new series usually starts with the next school year.
	const next = schoolYearRange(nextSchoolYear(currentSchoolYear(copenhagenToday())));
	return {
		...options,
		locale: locale(),
		values: {
			ownerId: options.owners.length === 1 ? options.owners[0].id : '',
			allDay: 'on',
			visibility: 'alliance',
			ruleKind: 'yearlyIsoWeek',
			week: '6',
			fromWeekday: '1',
			toWeekday: '5',
			weekday: '1',
			interval: '2',
			n: '1',
			startsOn: next.start,
			endKind: 'until',
			until: next.end
		} as Record<string, string | string[]>
	};
};

export const actions: Actions = {
	preview: async ({ request, locals, url }) =>
		previewAction(locals.db, request, requireCreator(locals, url)),
	save: async ({ request, locals, url }) => {
		const user = requireCreator(locals, url);
		const { form, parsed } = await readSeriesForm(request);
		if (!parsed.ok) return parsed.failure;
		const result = await createSeries(locals.db, user, parsed.data);
		if (!result.ok) return seriesRefused(form, result);
		redirect(303, `/serier/${result.value.id}`);
	}
};
