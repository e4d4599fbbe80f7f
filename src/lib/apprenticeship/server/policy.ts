import type { Actor } from '$lib/auth';
import type { OpeningStatus, OrganisationKind } from '$lib/platform/server/db/schema';

// Pure rules for the lærepladsalliance; one function per rule so one table test covers them all.

/** The organisation a commitment or an opening belongs to. */
export interface AllianceCompany {
	id: string;
	kind: OrganisationKind;
}

/**
 * Those who follow up on the alliance: Learnmark, the partner organisations and the municipalities
 * (besides the secretariat). Schools, companies and the museum do not see other companies' figures.
 */
const FOLLOW_UP_KINDS: readonly OrganisationKind[] = [
	'vocational_school',
	'partner',
	'municipality'
];

function isMemberOf(user: Actor, organisationId: string): boolean {
	return user.memberships.some((m) => m.organisationId === organisationId);
}

function isAdminOf(user: Actor, organisationId: string): boolean {
	return user.memberships.some((m) => m.organisationId === organisationId && m.role === 'admin');
}

/** Only companies train apprentices in the alliance's sense; a school or a partner cannot join. */
function isAllianceCompanyKind(kind: OrganisationKind): boolean {
	return kind === 'company';
}

/**
 * Joining binds the company (it promises apprenticeships), so its admin decides; the secretariat
 * may register a company that signed up on paper.
 */
export function canJoinAlliance(user: Actor | null, company: AllianceCompany) {
	if (user === null || !isAllianceCompanyKind(company.kind)) return false;
	return user.isSecretariat || isAdminOf(user, company.id);
}

export function canUpdateCommitment(user: Actor | null, company: AllianceCompany) {
	return canJoinAlliance(user, company);
}

export function canLeaveAlliance(user: Actor | null, company: AllianceCompany) {
	return canJoinAlliance(user, company);
}

/** The company's own people (and the secretariat) see its commitment and all its openings. */
export function canViewCommitment(user: Actor | null, company: AllianceCompany) {
	if (user === null || !isAllianceCompanyKind(company.kind)) return false;
	return user.isSecretariat || isMemberOf(user, company.id) || canViewOverview(user);
}

/**
 * Publishing an opening is daily work (like offers), so any member of a committed company may;
 * whether the company has a commitment is checked against the database in apprenticeship.ts.
 */
export function canCreateOpening(user: Actor | null, company: AllianceCompany) {
	if (user === null || !isAllianceCompanyKind(company.kind)) return false;
	return user.isSecretariat || isMemberOf(user, company.id);
}

/** Editing, marking filled and deleting: the owning company's members and the secretariat. */
export function canEditOpening(user: Actor | null, opening: { organisationId: string }): boolean {
	if (user === null) return false;
	return user.isSecretariat || isMemberOf(user, opening.organisationId);
}

export function canMarkOpeningFilled(user: Actor | null, opening: { organisationId: string }) {
	return canEditOpening(user, opening);
}

export function canDeleteOpening(user: Actor | null, opening: { organisationId: string }) {
	return canEditOpening(user, opening);
}

/**
 * Open openings are job adverts for young people, their parents and the schools: public, like
 * the public wheel. A filled one names no apprentice, but is only the alliance's business.
 */
export function canViewOpening(
	user: Actor | null,
	opening: { organisationId: string; status: OpeningStatus }
): boolean {
	if (opening.status === 'open') return true;
	return canEditOpening(user, opening) || canViewOverview(user);
}

/** The figures per trade: the secretariat, Learnmark, the partners and the municipalities. */
export function canViewOverview(user: Actor | null): boolean {
	if (user === null) return false;
	return user.isSecretariat || user.memberships.some((m) => FOLLOW_UP_KINDS.includes(m.kind));
}

/** The follow-up list names companies and their contacts: the same people as the overview. */
export function canViewFollowUp(user: Actor | null): boolean {
	return canViewOverview(user);
}

/** The companies the user may act for on the commitment page (the secretariat picks any). */
export function ownCompanyIds(user: Actor | null): string[] {
	if (user === null) return [];
	return user.memberships.filter((m) => m.kind === 'company').map((m) => m.organisationId);
}
