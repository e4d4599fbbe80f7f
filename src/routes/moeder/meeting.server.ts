import { error, fail } from '@sveltejs/kit';
import type { z } from 'zod';
import { m } from '$lib/paraglide/messages.js';
import { MEETING_ARRAY_FIELDS, MEETING_TEXT_MAX } from '$lib/meetings';
import type { ActivityFailure } from '$lib/activities/server';
import type { Actor } from '$lib/auth';
import { findMeeting, type MeetingDetail } from '$lib/meetings/server';
import { formValues, parseForm, requireUser, type ParseResult } from '$lib/platform/server';
import type { SessionUser } from '$lib/auth/server';

// Shared by the pages under /moeder: 404 for meetings the user may not read, refusals.

/** The meeting, or a 404 when it does not exist or the user may not read it. */
export async function requireMeeting(
	db: App.Locals['db'],
	user: SessionUser,
	id: string
): Promise<MeetingDetail> {
	const meeting = await findMeeting(db, user, id);
	if (!meeting) error(404, m.meeting_err_not_found());
	return meeting;
}

/** A page that changes a meeting: 404 when unreadable, 403 when readable but not the user's to change. */
export async function requireMeetingEditor(
	locals: App.Locals,
	url: URL,
	id: string,
	allowed: (user: Actor | null) => boolean
) {
	const user = requireUser(locals, url);
	const meeting = await requireMeeting(locals.db, user, id);
	if (!allowed(user)) error(403, m.meeting_err_forbidden());
	return { user, meeting };
}

/**
 * What was typed, for the form to come back filled in. Agenda and minutes are refilled up to
 * their own (larger) limit, so long minutes are not cut at the general field limit.
 */
function typedValues(form: FormData) {
	const values = formValues(form);
	for (const key of ['agenda', 'minutes']) {
		const text = form.get(key);
		if (typeof text === 'string') values[key] = text.slice(0, MEETING_TEXT_MAX + 100);
	}
	return values;
}

/** One schema per form; a failure refills agenda and minutes whole (see typedValues). */
export function parseMeetingForm<S extends z.ZodType>(
	schema: S,
	form: FormData
): ParseResult<z.output<S>> {
	const parsed = parseForm(schema, form, { arrayFields: MEETING_ARRAY_FIELDS });
	if (parsed.ok) return parsed;
	return { ok: false, failure: fail(400, { ...parsed.failure.data, values: typedValues(form) }) };
}

const STATUS = { invalid: 400, forbidden: 403 } as const;

/** A domain refusal as the form's failure; "not found" is the 404 page. */
export function meetingRefused(form: FormData, refusal: ActivityFailure) {
	if (refusal.reason === 'not_found') error(404, refusal.message);
	return fail(STATUS[refusal.reason], {
		message: refusal.reason === 'invalid' ? m.form_fix_errors() : refusal.message,
		errors: refusal.errors ?? {},
		values: typedValues(form)
	});
}
