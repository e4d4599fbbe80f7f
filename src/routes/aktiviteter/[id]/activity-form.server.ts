import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { getLocale } from '$lib/paraglide/runtime';
import { invalid, parseForm, readForm } from '$lib/platform/server';
import {
	activityFormValues,
	loadActivityFormOptions,
	type ActivityDetail,
	type ActivityResult
} from '$lib/activities/server';
import { ACTIVITY_ARRAY_FIELDS, activitySchema, type ActivityInput } from '$lib/activities';
import type { Actor } from '$lib/auth';

// The edit form of one activity, for the activity itself (rediger) and for one occurrence of a
// series (forekomst): the two differ in who may edit and in what saving does.

/** The user and the activity when the user may edit it; otherwise a 404 or 403 page. */
type Guard<Extra> = (
	locals: App.Locals,
	url: URL,
	id: string
) => Promise<{ user: Actor; activity: ActivityDetail } & Extra>;

type Update = (
	db: App.Locals['db'],
	user: Actor,
	id: string,
	input: ActivityInput
) => Promise<ActivityResult<{ id: string }>>;

const STATUS = { invalid: 400, forbidden: 403 } as const;

export async function loadActivityForm<Extra>(
	{ locals, url, params }: { locals: App.Locals; url: URL; params: { id: string } },
	guard: Guard<Extra>
) {
	const { user, activity, ...extra } = await guard(locals, url, params.id);
	const locale = getLocale() === 'en' ? 'en' : 'da';
	const options = await loadActivityFormOptions(locals.db, user, locale);
	return {
		...options,
		...extra,
		id: activity.id,
		title: activity.title,
		values: activityFormValues(activity)
	};
}

export async function saveActivityForm<Extra>(
	{
		request,
		locals,
		url,
		params
	}: Pick<RequestEvent<{ id: string }>, 'request' | 'locals' | 'url' | 'params'>,
	guard: Guard<Extra>,
	update: Update,
	notFound: () => string
) {
	const { user } = await guard(locals, url, params.id);
	const form = await readForm(request);
	if (!form) error(400, m.form_fix_errors());
	const parsed = parseForm(activitySchema, form, { arrayFields: ACTIVITY_ARRAY_FIELDS });
	if (!parsed.ok) return parsed.failure;
	const result = await update(locals.db, user, params.id, parsed.data);
	if (!result.ok) {
		if (result.reason === 'not_found') error(404, notFound());
		return invalid(form, result.errors ?? {}, STATUS[result.reason]);
	}
	redirect(303, `/aktiviteter/${params.id}`);
}
