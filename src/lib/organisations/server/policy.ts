import type { Actor } from '$lib/auth';
import type { Role } from '$lib/platform/server/db/schema';

// Every rule takes the acting user, or null for a visitor.

/** The organisation acted on; only its id matters for these rules. */
export type OrganisationRef = { id: string };

export function roleIn(user: Actor | null, org: OrganisationRef): Role | null {
	return user?.memberships.find((ms) => ms.organisationId === org.id)?.role ?? null;
}

function isSecretariat(user: Actor | null): boolean {
	return user?.isSecretariat === true;
}

function isAdminOf(user: Actor | null, org: OrganisationRef): boolean {
	return roleIn(user, org) === 'admin';
}

/** Contact details (e-mail, phone) and the member list are for the organisation's own people. */
export function canViewOrganisationPrivate(user: Actor | null, org: OrganisationRef): boolean {
	return isSecretariat(user) || roleIn(user, org) !== null;
}

export function canViewMembers(user: Actor | null, org: OrganisationRef): boolean {
	return canViewOrganisationPrivate(user, org);
}

export function canEditOrganisation(user: Actor | null, org: OrganisationRef): boolean {
	return isSecretariat(user) || isAdminOf(user, org);
}

export function canManageMembers(user: Actor | null, org: OrganisationRef): boolean {
	return isSecretariat(user) || isAdminOf(user, org);
}

/** The secretariat invites new partners, so only it creates organisations. */
export function canCreateOrganisation(user: Actor | null): boolean {
	return isSecretariat(user);
}

export function canInviteWithRole(user: Actor | null, org: OrganisationRef, role: Role): boolean {
	if (role !== 'admin' && role !== 'member') return false;
	return canManageMembers(user, org);
}

/** Whether the actor may change roles at all; the last-admin rule is enforced in membership.ts. */
export function canChangeMemberRole(user: Actor | null, org: OrganisationRef): boolean {
	return canManageMembers(user, org);
}

/** Whether the actor may remove members at all; the last-admin rule is enforced in membership.ts. */
export function canRemoveMember(user: Actor | null, org: OrganisationRef): boolean {
	return canManageMembers(user, org);
}

/** The kind shapes other data (schools point at municipalities): only the secretariat changes it. */
export function canChangeOrganisationKind(user: Actor | null): boolean {
	return isSecretariat(user);
}
