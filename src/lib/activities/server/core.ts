import type { Kysely, Transaction } from 'kysely';
import { m } from '$lib/paraglide/messages.js';
import type { Activity, DB } from '$lib/platform/server/db/schema';
import type { Actor } from '$lib/auth';
import { visibleActivitiesQuery } from './queries/activities';

export type FieldErrors = Record<string, string>;
export type ActivityFailureReason = 'not_found' | 'forbidden' | 'invalid';
export interface ActivityFailure {
	ok: false;
	reason: ActivityFailureReason;
	message: string;
	errors?: FieldErrors;
}
export type ActivityResult<T> = { ok: true; value: T } | ActivityFailure;

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function failure(
	reason: ActivityFailureReason,
	message: string,
	errors?: FieldErrors
): ActivityFailure {
	return { ok: false, reason, message, errors };
}

export const notFound = () => failure('not_found', m.activity_err_not_found());

/**
 * The activity row, locked for the rest of the transaction, when the user can see it and `allowed`
 * says yes. Not visible and missing look the same from outside.
 */
export async function loadForChange(
	trx: Transaction<DB>,
	user: Actor,
	id: string,
	allowed: (user: Actor, activity: Activity) => boolean,
	forbiddenMessage: string
): Promise<ActivityResult<Activity>> {
	if (!UUID.test(id)) return notFound();
	const activity = await visibleActivitiesQuery(trx, user)
		.selectAll('activity')
		.where('activity.id', '=', id)
		.forUpdate()
		.executeTakeFirst();
	if (!activity) return notFound();
	if (!allowed(user, activity)) return failure('forbidden', forbiddenMessage);
	return { ok: true, value: activity };
}

/** Who may make a change, and what a user who may not is told. */
export interface ChangeRule {
	allowed: (user: Actor, activity: Activity) => boolean;
	forbidden: () => string;
}

/**
 * One change of an activity in one transaction: the row is loaded and locked (see loadForChange),
 * then `change` writes it and says what comes back, or refuses.
 */
export function changeActivity<T>(
	db: Kysely<DB>,
	user: Actor,
	id: string,
	rule: ChangeRule,
	change: (trx: Transaction<DB>, activity: Activity) => Promise<ActivityResult<T>>
): Promise<ActivityResult<T>> {
	return db.transaction().execute(async (trx) => {
		const loaded = await loadForChange(trx, user, id, rule.allowed, rule.forbidden());
		if (!loaded.ok) return loaded;
		return change(trx, loaded.value);
	});
}
