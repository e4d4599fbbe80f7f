import type { Actor } from '$lib/auth';

// Who reads the audit log: the secretariat all of it; an organisation's admins that
// organisation's events. Members who are not admins, and visitors, do not read it at all.

function isAuditAdmin(user: Actor | null, organisationId: string): boolean {
	return !!user?.memberships.some(
		(ms) => ms.organisationId === organisationId && ms.role === 'admin'
	);
}

/** Whether the log page exists for this user at all. */
export function canViewAuditLog(user: Actor | null): boolean {
	return !!user && (user.isSecretariat || user.memberships.some((ms) => ms.role === 'admin'));
}

/** The log of every organisation at once (no organisation chosen). */
function canViewAllAudit(user: Actor | null): boolean {
	return user?.isSecretariat === true;
}

/** The log of one organisation: its events and those of bookings on its offers. */
export function canViewOrganisationAudit(user: Actor | null, organisationId: string): boolean {
	return canViewAllAudit(user) || isAuditAdmin(user, organisationId);
}

/** The organisations whose events this user reads: 'all', or the ones they administer. */
export function auditScopeOf(user: Actor | null): 'all' | string[] {
	if (canViewAllAudit(user)) return 'all';
	return (user?.memberships ?? [])
		.filter((ms) => ms.role === 'admin')
		.map((ms) => ms.organisationId);
}
