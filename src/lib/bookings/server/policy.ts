import type { Actor } from '$lib/auth';
import type { OrganisationKind } from '$lib/platform/server/db/schema';

// Pure rules for offers and bookings; one function per rule so one table test covers them all.

/** Organisations that publish places and slots; the secretariat may act for any of them. */
export const OFFERING_KINDS: readonly OrganisationKind[] = [
	'company',
	'museum',
	'vocational_school'
];

/** The school and provider behind a booking. */
export interface BookingParties {
	schoolId: string;
	schoolMunicipalityId: string | null;
	providerId: string;
}

function isMemberOf(user: Actor, organisationId: string): boolean {
	return user.memberships.some((m) => m.organisationId === organisationId);
}

function isMunicipalityOf(user: Actor, municipalityId: string | null): boolean {
	if (municipalityId === null) return false;
	return user.memberships.some(
		(m) => m.organisationId === municipalityId && m.kind === 'municipality'
	);
}

export function canCreateOfferFor(
	user: Actor | null,
	owner: { id: string; kind: OrganisationKind }
): boolean {
	if (user === null || !OFFERING_KINDS.includes(owner.kind)) return false;
	return user.isSecretariat || isMemberOf(user, owner.id);
}

/** Whether to show "new offer" at all. */
export function canCreateOffers(user: Actor | null): boolean {
	if (user === null) return false;
	return user.isSecretariat || user.memberships.some((m) => OFFERING_KINDS.includes(m.kind));
}

/** Like activities, any member of the owner may edit, close and cancel: it is daily work. */
export function canEditOffer(user: Actor | null, offer: { ownerId: string }): boolean {
	if (user === null) return false;
	return user.isSecretariat || isMemberOf(user, offer.ownerId);
}

/**
 * Any member of the school books (coordinators are often plain members, as for activities);
 * a municipality books on behalf of its own schools.
 */
export function canBookFor(
	user: Actor | null,
	school: { id: string; municipalityId: string | null }
): boolean {
	if (user === null) return false;
	return (
		user.isSecretariat ||
		isMemberOf(user, school.id) ||
		isMunicipalityOf(user, school.municipalityId)
	);
}

/** A school's bookings page: its members, the members of its municipality and the secretariat. */
export function canViewSchoolBookings(
	user: Actor,
	school: { id: string; municipalityId: string | null }
): boolean {
	return (
		user.isSecretariat ||
		isMemberOf(user, school.id) ||
		(school.municipalityId !== null && isMemberOf(user, school.municipalityId))
	);
}

/** A municipality's overview of its schools' bookings: its members and the secretariat. */
export function canViewMunicipalityBookings(user: Actor, municipalityId: string): boolean {
	return user.isSecretariat || isMemberOf(user, municipalityId);
}

/** Acting as the booking school (its members, its municipality) and/or as the provider. */
export function bookingSides(
	user: Actor | null,
	parties: BookingParties
): { school: boolean; provider: boolean } {
	if (user === null) return { school: false, provider: false };
	if (user.isSecretariat) return { school: true, provider: true };
	return {
		school: canBookFor(user, {
			id: parties.schoolId,
			municipalityId: parties.schoolMunicipalityId
		}),
		provider: isMemberOf(user, parties.providerId)
	};
}

/** Anyone else gets "not found": another school's booking is not even said to exist. */
export function canViewBooking(user: Actor | null, parties: BookingParties): boolean {
	const sides = bookingSides(user, parties);
	return sides.school || sides.provider;
}

export type ChecklistField = 'agreementSigned' | 'parentsConsent' | 'uuNotified';

/** The agreement is signed with the company, so both sides may register it; the rest is school work. */
export function canUpdateChecklist(
	user: Actor | null,
	parties: BookingParties,
	field: ChecklistField
): boolean {
	const sides = bookingSides(user, parties);
	return sides.school || (field === 'agreementSigned' && sides.provider);
}
