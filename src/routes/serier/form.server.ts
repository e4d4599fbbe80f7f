import { error, fail } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { getLocale } from '$lib/paraglide/runtime';
import { formatDateRangeWithWeeks } from '$lib/platform/dates/format';
import { formValues, parseForm, readForm } from '$lib/platform/server';
import { type ActivityFailure, previewSeries } from '$lib/activities/server';
import type { Actor } from '$lib/auth';
import { SERIES_ARRAY_FIELDS, seriesSchema } from '$lib/activities';

export const STATUS = { invalid: 400, forbidden: 403, not_found: 404 } as const;

export const locale = (): 'da' | 'en' => (getLocale() === 'en' ? 'en' : 'da');

/** The posted series form, or the failure that sends it back filled in. */
export async function readSeriesForm(request: Request) {
	const form = await readForm(request);
	if (!form) error(400, m.form_fix_errors());
	return { form, parsed: parseForm(seriesSchema, form, { arrayFields: SERIES_ARRAY_FIELDS }) };
}

export function seriesRefused(form: FormData, failure: ActivityFailure) {
	if (failure.reason === 'not_found') error(404, m.series_err_not_found());
	// The recurrence messages (e.g. more than 500 dates) say more than the generic one.
	return fail(STATUS[failure.reason], {
		errors: failure.errors ?? {},
		values: formValues(form),
		message: failure.message as string
	});
}

/** ?/preview: the dates with 'uge N', nothing written; the form stays filled in. */
export async function previewAction(db: App.Locals['db'], request: Request, user: Actor) {
	const { form, parsed } = await readSeriesForm(request);
	if (!parsed.ok) return parsed.failure;
	const result = await previewSeries(db, user, parsed.data);
	if (!result.ok) return seriesRefused(form, result);
	return {
		values: formValues(form),
		preview: result.value.map((o) => formatDateRangeWithWeeks(o.start, o.end, locale()))
	};
}
