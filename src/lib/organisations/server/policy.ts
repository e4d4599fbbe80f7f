import type { Role } from '$lib/platform/server/db/schema';
import type { SessionUser } from '$lib/auth/server';

/** Who is acting: the logged-in user, or null for a visitor. */
export type Actor = Pick<SessionUser, 'id' | 'isSecretariat' | 'memberships'> | null;
/** The organisation acted on; only its id matters for these rules. */
export type OrganisationRef = { id: string };

export function roleIn(user: Actor, org: OrganisationRef): Role | null {
	return user?.memberships.find((ms) => ms.organisationId === org.id)?.role ?? null;
}

function isSecretariat(user: Actor): boolean {
	return user?.isSecretariat === true;
}

function isAdminOf(user: Actor, org: OrganisationRef): boolean {
	return roleIn(user, org) === 'admin';
}

/** Contact details (e-mail, phone) and the member list are for the organisation's own people. */
export function canViewOrganisationPrivate(user: Actor, org: OrganisationRef): boolean {
	return isSecretariat(user) || roleIn(user, org) !== null;
}

export function canViewMembers(user: Actor, org: OrganisationRef): boolean {
	return canViewOrganisationPrivate(user, org);
}

export function canEditOrganisation(user: Actor, org: OrganisationRef): boolean {
	return isSecretariat(user) || isAdminOf(user, org);
}

export function canManageMembers(user: Actor, org: OrganisationRef): boolean {
	return isSecretariat(user) || isAdminOf(user, org);
}

/** The secretariat invites new partners, so only it creates organisations. */
export function canCreateOrganisation(user: Actor): boolean {
	return isSecretariat(user);
}

export function canInviteWithRole(user: Actor, org: OrganisationRef, role: Role): boolean {
	if (role !== 'admin' && role !== 'member') return false;
	return canManageMembers(user, org);
}

/** Whether the actor may change roles at all; the last-admin rule is enforced in membership.ts. */
export function canChangeMemberRole(user: Actor, org: OrganisationRef): boolean {
	return canManageMembers(user, org);
}

/** Whether the actor may remove members at all; the last-admin rule is enforced in membership.ts. */
export function canRemoveMember(user: Actor, org: OrganisationRef): boolean {
	return canManageMembers(user, org);
}

/** The kind shapes other data (schools point at municipalities): only the secretariat changes it. */
export function canChangeOrganisationKind(user: Actor): boolean {
	return isSecretariat(user);
}
