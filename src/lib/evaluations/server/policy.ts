import { DateTime } from 'luxon';
import { ZONE } from '$lib/platform/dates/iso';
import type { Actor } from '$lib/auth';
import type { ActivityStatus } from '$lib/platform/server/db/schema';

// Pure rules for evaluations; one function per rule so one table test covers them all.

/** The part of an activity the rules look at. */
export interface EvaluatedActivity {
	ownerId: string;
	status: ActivityStatus;
	categorySlug: string;
	/** The owner and every participating organisation (schools with a live booking included). */
	involvedIds: readonly string[];
	/** Whether it was over at the time asked about (see hasActivityEnded). */
	ended: boolean;
}

/** The evaluating organisation, and the municipality it belongs to when it is a school. */
export interface EvaluationParty {
	organisationId: string;
	municipalityId: string | null;
}

/** Meetings have agenda and minutes instead (issue 6); counting them would flood the list. */
export const NOT_EVALUATED_CATEGORIES: readonly string[] = ['alliancemoede'];

export type EvaluationBlock = 'cancelled' | 'not_ended' | 'meeting';

/**
 * True when the activity is over: after its end time (timed) or after its last day (all-day),
 * read as Copenhagen wall-clock time, so it holds across the DST changes and on a UTC server.
 */
export function hasActivityEnded(
	activity: { endDate: string; endTime: string | null },
	now: Date
): boolean {
	const end = activity.endTime
		? DateTime.fromISO(`${activity.endDate}T${activity.endTime}`, { zone: ZONE })
		: DateTime.fromISO(activity.endDate, { zone: ZONE }).plus({ days: 1 });
	if (!end.isValid) throw new Error(`Not a valid activity end: ${activity.endDate}`);
	return end.toMillis() <= now.getTime();
}

/** The rules' view of an activity as loaded for its page (findActivityForUser). */
export function evaluatedActivityOf(
	activity: {
		ownerId: string;
		status: ActivityStatus;
		categorySlug: string;
		endDate: string;
		endTime: string | null;
		participants: readonly { id: string }[];
	},
	now: Date
): EvaluatedActivity {
	return {
		ownerId: activity.ownerId,
		status: activity.status,
		categorySlug: activity.categorySlug,
		involvedIds: [activity.ownerId, ...activity.participants.map((p) => p.id)],
		ended: hasActivityEnded(activity, now)
	};
}

/** Why the activity cannot be evaluated at all (by anyone), or null when it can. */
export function evaluationBlock(activity: EvaluatedActivity): EvaluationBlock | null {
	if (activity.status === 'cancelled') return 'cancelled';
	if (NOT_EVALUATED_CATEGORIES.includes(activity.categorySlug)) return 'meeting';
	if (!activity.ended) return 'not_ended';
	return null;
}

function isMemberOf(user: Actor, organisationId: string): boolean {
	return user.memberships.some((m) => m.organisationId === organisationId);
}

/**
 * The organisations the user may record an evaluation for: their own organisations that take
 * part. The secretariat collects evaluations from partners, so it may record for any of them.
 */
export function evaluatingOrganisationIds(
	user: Actor | null,
	activity: EvaluatedActivity
): string[] {
	if (user === null || evaluationBlock(activity) !== null) return [];
	if (user.isSecretariat) return [...activity.involvedIds];
	return activity.involvedIds.filter((id) => isMemberOf(user, id));
}

/** Whether to offer "Evaluér" at all. */
export function canEvaluateActivity(user: Actor | null, activity: EvaluatedActivity): boolean {
	return evaluatingOrganisationIds(user, activity).length > 0;
}

export function canRecordEvaluation(
	user: Actor | null,
	activity: EvaluatedActivity,
	organisationId: string
): boolean {
	return evaluatingOrganisationIds(user, activity).includes(organisationId);
}

/** Whether the user takes part in the activity through one of their organisations. */
export function isInvolved(user: Actor | null, activity: EvaluatedActivity): boolean {
	return user !== null && activity.involvedIds.some((id) => isMemberOf(user, id));
}

/**
 * The secretariat and everyone taking part see all evaluations of the activity; a municipality
 * sees what its own schools wrote (it answers for them), nothing else.
 */
export function canViewEvaluation(
	user: Actor | null,
	activity: EvaluatedActivity,
	party: EvaluationParty
): boolean {
	if (user === null) return false;
	if (user.isSecretariat || isInvolved(user, activity)) return true;
	return (
		party.municipalityId !== null &&
		user.memberships.some(
			(m) => m.organisationId === party.municipalityId && m.kind === 'municipality'
		)
	);
}

/**
 * The evaluating organisation's own members (any member may record, so any may withdraw) and the
 * secretariat. Allowed after a cancellation too, so a mistaken evaluation can be cleaned up.
 */
export function canDeleteEvaluation(user: Actor | null, party: EvaluationParty): boolean {
	if (user === null) return false;
	return user.isSecretariat || isMemberOf(user, party.organisationId);
}
