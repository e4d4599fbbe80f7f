import type { Actor } from '$lib/auth';
import type { OrganisationKind } from '$lib/platform/server/db/schema';

// Who may do what in a praktikfordeling; one function per rule so one table test covers them.

/** The round's owner: null for the secretariat, or the municipality that opened it. */
export interface RoundOwner {
	municipalityId: string | null;
}

function memberOf(user: Actor, organisationId: string, kind?: OrganisationKind) {
	return user.memberships.some(
		(m) => m.organisationId === organisationId && (kind === undefined || m.kind === kind)
	);
}

/** The secretariat opens rounds for all schools; a municipality only for its own schools. */
export function canOpenRound(user: Actor | null, municipalityId: string | null): boolean {
	if (user === null) return false;
	if (user.isSecretariat) return true;
	return municipalityId !== null && memberOf(user, municipalityId, 'municipality');
}

/** Joining places, running, moving, locking and publishing: the round's owner. */
export function canManageRound(user: Actor | null, round: RoundOwner): boolean {
	return canOpenRound(user, round.municipalityId);
}

/** A school enters and changes only its own pupils (and only in a round that covers it). */
export function canEditPupils(
	user: Actor | null,
	round: RoundOwner,
	school: { id: string; municipalityId: string | null }
): boolean {
	if (user === null) return false;
	if (round.municipalityId !== null && school.municipalityId !== round.municipalityId) return false;
	return memberOf(user, school.id, 'school');
}

/** The schools whose pupils (and wishes) the user sees: its own; the owner sees all. */
export function ownSchoolIds(user: Actor | null): string[] {
	if (user === null) return [];
	return user.memberships.filter((m) => m.kind === 'school').map((m) => m.organisationId);
}

/** Companies see the pupils placed with them once the round is published, never any wishes. */
export function ownCompanyIds(user: Actor | null): string[] {
	if (user === null) return [];
	return user.memberships.filter((m) => m.kind === 'company').map((m) => m.organisationId);
}

/** Municipalities see their schools' totals (not pupils, not wishes). */
export function ownMunicipalityIds(user: Actor | null): string[] {
	if (user === null) return [];
	return user.memberships.filter((m) => m.kind === 'municipality').map((m) => m.organisationId);
}

/** Any logged-in member of the alliance sees that a round exists and its dates. */
export function canViewRound(user: Actor | null): boolean {
	return user !== null;
}

/**
 * Whose erhvervspraktik duty the user sees school by school: the secretariat every school (null),
 * a municipality its schools, a school itself. Companies and other partners: none.
 */
export function dutyScope(
	user: Actor | null
): { schoolIds: string[]; municipalityIds: string[] } | null {
	if (user?.isSecretariat) return null;
	return { schoolIds: ownSchoolIds(user), municipalityIds: ownMunicipalityIds(user) };
}

export function canViewDuty(user: Actor | null): boolean {
	const scope = dutyScope(user);
	return (
		user !== null &&
		(scope === null || scope.schoolIds.length > 0 || scope.municipalityIds.length > 0)
	);
}

/** A school states its own number of pupils; so may the secretariat for any school. */
export function canStatePupils(user: Actor | null, schoolId: string): boolean {
	if (user === null) return false;
	return user.isSecretariat || memberOf(user, schoolId, 'school');
}
