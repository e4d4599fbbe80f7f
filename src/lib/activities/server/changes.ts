import type { Kysely } from 'kysely';
import { m } from '$lib/paraglide/messages.js';
import { addDays, diffDays, isIsoDate } from '$lib/platform/dates/iso';
import { formatDate } from '$lib/platform/dates/format';
import { FIRST_SCHOOL_YEAR, LAST_SCHOOL_YEAR, isWithinActivityRange } from '$lib/activities/schema';
import type { Activity, DB } from '$lib/platform/server/db/schema';
import type { Actor } from '$lib/auth';
import { canCancelActivity, canDeleteActivity, canMoveActivity } from './policy';
import {
	activityListQuery,
	deleteActivityRow,
	updateActivityRow,
	type ActivityListItem
} from './queries/activities';
import { changeActivity, failure, type ActivityResult, type ChangeRule } from './core';
import { auditActivity } from './audit';
import { summaries } from '$lib/audit/server';

const CANCEL: ChangeRule = { allowed: canCancelActivity, forbidden: m.activity_err_forbidden_edit };
const DELETE: ChangeRule = {
	allowed: canDeleteActivity,
	forbidden: m.activity_err_forbidden_delete
};
const MOVE: ChangeRule = { allowed: canMoveActivity, forbidden: m.activity_err_forbidden_edit };

/**
 * A changed schedule is a new version for calendar clients (iCalendar SEQUENCE), and an occurrence
 * changed on its own keeps the change when its series changes later.
 */
function newVersion(activity: Activity) {
	return {
		sequence: activity.sequence + 1,
		updatedAt: new Date(),
		detached: activity.detached || activity.seriesId !== null
	};
}

/** Cancelled activities stay on the wheel (struck through) and in feeds as STATUS:CANCELLED. */
export function cancelActivity(db: Kysely<DB>, user: Actor, id: string) {
	return changeActivity(db, user, id, CANCEL, async (trx, activity) => {
		if (activity.status !== 'cancelled') {
			await updateActivityRow(trx, id, { status: 'cancelled', ...newVersion(activity) });
			await auditActivity(trx, user, 'cancel', activity);
		}
		return { ok: true as const, value: { id } };
	});
}

export function deleteActivity(db: Kysely<DB>, user: Actor, id: string) {
	return changeActivity(db, user, id, DELETE, async (trx, activity) => {
		await deleteActivityRow(trx, id);
		await auditActivity(trx, user, 'delete', activity);
		return { ok: true as const, value: { id } };
	});
}

/**
 * Moves an activity to start on `newStartDate`, keeping its length in days and its times
 * (calendar drag & drop). Refused outside the planning range, like the form.
 */
export async function moveActivity(
	db: Kysely<DB>,
	user: Actor,
	id: string,
	newStartDate: string
): Promise<ActivityResult<ActivityListItem>> {
	return changeActivity(db, user, id, MOVE, async (trx, activity) => {
		if (!isIsoDate(newStartDate)) {
			const message = m.activity_val_date_missing();
			return failure('invalid', message, { startDate: message });
		}
		const newEndDate = addDays(newStartDate, diffDays(activity.startDate, activity.endDate));
		if (!isWithinActivityRange(newStartDate) || !isWithinActivityRange(newEndDate)) {
			const message = m.activity_err_move_range({
				first: FIRST_SCHOOL_YEAR,
				last: LAST_SCHOOL_YEAR
			});
			return failure('invalid', message, { startDate: message });
		}
		if (newStartDate !== activity.startDate) {
			await updateActivityRow(trx, id, {
				startDate: newStartDate,
				endDate: newEndDate,
				...newVersion(activity)
			});
			const summary = summaries.moved(activity.title, formatDate(newStartDate));
			await auditActivity(trx, user, 'update', activity, summary);
		}
		const moved = await activityListQuery(trx, user)
			.where('activity.id', '=', id)
			.executeTakeFirstOrThrow();
		return { ok: true as const, value: moved };
	});
}
