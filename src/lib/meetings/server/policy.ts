import type { Actor } from '$lib/auth';

/** The part of a meeting the rules look at. */
export interface MeetingAccess {
	ownerId: string;
	/** Organisations invited to the meeting (meeting_organisation.invited). */
	invitedOrgIds: readonly string[];
}

function isSecretariat(user: Actor | null): user is Actor {
	return user?.isSecretariat === true;
}

/**
 * The partners at the table read what was said there; the organisation that called the meeting
 * does too. Everyone else gets a 404, even when the activity itself is visible on the wheel.
 */
function isInvitedOrOwner(user: Actor, meeting: MeetingAccess): boolean {
	return user.memberships.some(
		(ms) =>
			ms.organisationId === meeting.ownerId || meeting.invitedOrgIds.includes(ms.organisationId)
	);
}

export function canReadAgenda(user: Actor | null, meeting: MeetingAccess): boolean {
	if (user === null) return false;
	return isSecretariat(user) || isInvitedOrOwner(user, meeting);
}

// The secretariat runs the alliance's meetings: it calls them, keeps the agenda and the
// attendance, and writes the minutes. The partners read.

export function canCreateMeeting(user: Actor | null): boolean {
	return isSecretariat(user);
}

export function canEditAgenda(user: Actor | null): boolean {
	return isSecretariat(user);
}

export function canRecordAttendance(user: Actor | null): boolean {
	return isSecretariat(user);
}

export function canWriteMinutes(user: Actor | null): boolean {
	return isSecretariat(user);
}

export function canPlanNextMeeting(user: Actor | null): boolean {
	return isSecretariat(user);
}
