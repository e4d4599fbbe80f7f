import { error, fail, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { formatDateRangeWithWeeks } from '$lib/platform/dates/format';
import { periodText, ruleText } from '$lib/activities';
import { readForm, requireUser } from '$lib/platform/server';
import {
	loadActivityFormOptions,
	deleteSeries,
	findSeriesForUser,
	updateSeries,
	seriesFormValues
} from '$lib/activities/server';
import { STATUS, locale, previewAction, readSeriesForm, seriesRefused } from '../form.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const db = locals.db;
	const series = await findSeriesForUser(db, locals.user, params.id);
	if (!series) error(404, m.series_err_not_found());
	const options =
		series.canEdit && locals.user ? await loadActivityFormOptions(db, locals.user, locale()) : null;
	return {
		locale: locale(),
		series: {
			id: series.id,
			title: series.title,
			ownerName: series.ownerName,
			category: locale() === 'en' ? series.categoryNameEn : series.categoryNameDa,
			rule: ruleText(series.rule, locale()),
			period: periodText(series, locale()),
			canEdit: series.canEdit,
			canDelete: series.canDelete
		},
		occurrences: series.occurrences.map((o) => ({
			id: o.id,
			title: o.title,
			when: formatDateRangeWithWeeks(o.startDate, o.endDate, locale()),
			cancelled: o.status === 'cancelled',
			detached: o.detached
		})),
		options,
		values: series.canEdit ? seriesFormValues(series) : null,
		// ?slet shows the confirmation step, so deleting needs two clicks even without JavaScript.
		confirmDelete: series.canDelete && url.searchParams.has('slet'),
		saved: url.searchParams.get('gemt')
	};
};

export const actions: Actions = {
	preview: async ({ request, locals, url, params }) => {
		const user = requireUser(locals, url);
		if (!(await findSeriesForUser(locals.db, user, params.id)))
			error(404, m.series_err_not_found());
		return previewAction(locals.db, request, user);
	},
	update: async ({ request, locals, url, params }) => {
		const user = requireUser(locals, url);
		const { form, parsed } = await readSeriesForm(request);
		if (!parsed.ok) {
			if (!(await findSeriesForUser(locals.db, user, params.id)))
				error(404, m.series_err_not_found());
			return parsed.failure;
		}
		const result = await updateSeries(locals.db, user, params.id, parsed.data);
		if (!result.ok) return seriesRefused(form, result);
		const { updated, inserted, deleted } = result.value;
		redirect(303, `/serier/${params.id}?gemt=${updated}-${inserted}-${deleted}`);
	},
	delete: async ({ request, locals, url, params }) => {
		const user = requireUser(locals, url);
		const form = await readForm(request);
		if (form?.get('confirm') !== 'ja') return fail(400, { confirmDelete: true });
		const result = await deleteSeries(locals.db, user, params.id);
		if (!result.ok) {
			if (result.reason === 'not_found') error(404, m.series_err_not_found());
			return fail(STATUS[result.reason], { message: result.message });
		}
		redirect(303, '/aarshjul');
	}
};
