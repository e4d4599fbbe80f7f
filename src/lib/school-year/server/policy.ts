import type { Actor } from '$lib/auth';
import { roleIn, type OrganisationRef } from '$lib/organisations/server';

// Rules of the personal-data work (closing a school year, exporting an organisation's data);
// one function per rule so one table test covers them.

/** Closing deletes personal data for the whole alliance, so only the secretariat may do it. */
export function canCloseSchoolYear(user: Actor | null): boolean {
	return user?.isSecretariat === true;
}

/**
 * The export holds the organisation's members and the pupils' and teachers' details of its
 * bookings: its admins (who answer for that data) and the secretariat, not every member.
 */
export function canExportOrganisation(user: Actor | null, org: OrganisationRef): boolean {
	return user?.isSecretariat === true || roleIn(user, org) === 'admin';
}
