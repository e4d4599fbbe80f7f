import { error, fail, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import {
	cancelActivity,
	deleteActivity,
	findActivityForUser,
	canCancelActivity,
	canDeleteActivity,
	canEditActivity
} from '$lib/activities/server';
import { readForm, requireUser } from '$lib/platform/server';
import { canEvaluateActivity, evaluatedActivityOf } from '$lib/evaluations/server';
import { readableMeetingId } from '$lib/meetings/server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const activity = await findActivityForUser(locals.db, locals.user, params.id);
	if (!activity) error(404, m.error_not_found());
	const canDelete = canDeleteActivity(locals.user, activity);
	return {
		activity,
		canEdit: canEditActivity(locals.user, activity),
		canCancel: canCancelActivity(locals.user, activity) && activity.status !== 'cancelled',
		canDelete,
		canEvaluate: canEvaluateActivity(locals.user, evaluatedActivityOf(activity, new Date())),
		// ?slet shows the confirmation step, so deleting needs two clicks even without JavaScript.
		confirmDelete: canDelete && url.searchParams.has('slet'),
		// Only when the user may read the meeting's agenda and minutes (others would get a 404).
		meetingId: await readableMeetingId(locals.db, locals.user, activity.id)
	};
};

const STATUS = { forbidden: 403, invalid: 400 } as const;

export const actions: Actions = {
	cancel: async ({ locals, params, url }) => {
		const user = requireUser(locals, url);
		const result = await cancelActivity(locals.db, user, params.id);
		if (!result.ok) {
			if (result.reason === 'not_found') error(404, m.error_not_found());
			return fail(STATUS[result.reason], { message: result.message });
		}
		redirect(303, `/aktiviteter/${params.id}`);
	},
	delete: async ({ locals, params, url, request }) => {
		const user = requireUser(locals, url);
		const form = await readForm(request);
		if (form?.get('confirm') !== 'ja') return fail(400, { confirmDelete: true });
		const result = await deleteActivity(locals.db, user, params.id);
		if (!result.ok) {
			if (result.reason === 'not_found') error(404, m.error_not_found());
			return fail(STATUS[result.reason], { message: result.message });
		}
		redirect(303, '/aarshjul');
	}
};
