import type { Kysely } from 'kysely';
import type { ActivityInput } from '$lib/activities/schema';
import type { DB } from '$lib/platform/server/db/schema';
import type { Actor } from '$lib/auth';
import { UUID, type ActivityResult } from './core';
import { cancelActivity, updateActivity } from './activity';
import { detachOccurrence, findSeriesIdOf } from './queries/activities';

// An occurrence edited or cancelled on its own is detached: a later change to the series leaves
// it alone.

/**
 * Edits one occurrence with the ordinary activity rules, then detaches it. Two transactions: the
 * activity module owns the first; if the second fails the edit stands and a series change may
 * overwrite it, which loses no more than the edit itself.
 */
export async function updateOccurrence(
	db: Kysely<DB>,
	user: Actor,
	activityId: string,
	input: ActivityInput
): Promise<ActivityResult<{ id: string }>> {
	const result = await updateActivity(db, user, activityId, input);
	if (result.ok) await detachOccurrence(db, activityId);
	return result;
}

/** Cancels one occurrence; the series no longer touches it (it stays cancelled). */
export async function cancelOccurrence(
	db: Kysely<DB>,
	user: Actor,
	activityId: string
): Promise<ActivityResult<{ id: string }>> {
	const result = await cancelActivity(db, user, activityId);
	if (result.ok) await detachOccurrence(db, activityId);
	return result;
}

/** The series an activity belongs to, for the link back from an occurrence. */
export async function seriesIdOf(db: Kysely<DB>, activityId: string): Promise<string | null> {
	if (!UUID.test(activityId)) return null;
	return findSeriesIdOf(db, activityId);
}
