import type { ActorMembership } from '$lib/auth';
import type { Visibility } from '$lib/platform/server/db/schema';

/**
 * The part of an Actor the visibility rules look at. Every Actor is one; so is a feed's audience,
 * which is an organisation's members with no person behind it.
 */
export interface RightsUser {
	isSecretariat: boolean;
	memberships: readonly Pick<ActorMembership, 'organisationId' | 'role'>[];
}

/** The part of an activity the rules look at. */
export interface ActivityAccess {
	ownerId: string;
	visibility: Visibility;
}

function isMemberOf(user: RightsUser, organisationId: string): boolean {
	return user.memberships.some((m) => m.organisationId === organisationId);
}

function isAdminOf(user: RightsUser, organisationId: string): boolean {
	return user.memberships.some((m) => m.organisationId === organisationId && m.role === 'admin');
}

/** True when the user belongs to the alliance: the secretariat or a member of any organisation. */
function isAllianceUser(user: RightsUser | null): user is RightsUser {
	return user !== null && (user.isSecretariat || user.memberships.length > 0);
}

/**
 * public: everyone; alliance: anyone in the alliance; private: the secretariat and members of the
 * owner or of a participating organisation. Mirrored in SQL by visibilityFilter (activity-queries).
 */
export function canViewActivity(
	user: RightsUser | null,
	activity: ActivityAccess,
	participantOrgIds: readonly string[]
): boolean {
	if (activity.visibility === 'public') return true;
	if (!isAllianceUser(user)) return false;
	if (user.isSecretariat || activity.visibility === 'alliance') return true;
	return isMemberOf(user, activity.ownerId) || participantOrgIds.some((id) => isMemberOf(user, id));
}

/**
 * Any member of the owner organisation may edit, cancel and move: planning is daily work that a
 * school coordinator (often a plain member) does, and every change bumps the calendar sequence.
 * Participating organisations may not edit: the owner answers for the activity.
 */
export function canEditActivity(user: RightsUser | null, activity: ActivityAccess): boolean {
	if (user === null) return false;
	return user.isSecretariat || isMemberOf(user, activity.ownerId);
}

export function canCancelActivity(user: RightsUser | null, activity: ActivityAccess): boolean {
	return canEditActivity(user, activity);
}

/** Moving in the calendar is an edit of the dates. */
export function canMoveActivity(user: RightsUser | null, activity: ActivityAccess): boolean {
	return canEditActivity(user, activity);
}

/** Deleting cannot be undone (cancelling can be seen in history), so only an owner admin may. */
export function canDeleteActivity(user: RightsUser | null, activity: ActivityAccess): boolean {
	if (user === null) return false;
	return user.isSecretariat || isAdminOf(user, activity.ownerId);
}

export function canCreateActivityFor(user: RightsUser | null, ownerOrgId: string): boolean {
	if (user === null) return false;
	return user.isSecretariat || isMemberOf(user, ownerOrgId);
}

/** Whether the user may create activities at all (for showing the "new" button). */
export function canCreateActivities(user: RightsUser | null): boolean {
	return user !== null && (user.isSecretariat || user.memberships.length > 0);
}
