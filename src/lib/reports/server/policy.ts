import type { Actor } from '$lib/auth';
import type { OrganisationKind } from '$lib/platform/server/db/schema';

// Who reads the alliance's reports. The report is the basis of the half-yearly meeting, so the
// partners who carry the agreement read it; schools and companies take part in activities but
// are not parties to the agreement, and get "not found" (404) like any page that is not theirs.

/** The organisations that carry the agreement (the same doors the Alliancen hub opens). */
const REPORT_READER_KINDS: readonly OrganisationKind[] = [
	'municipality',
	'vocational_school',
	'museum',
	'partner'
];

export function canViewReports(user: Actor | null): boolean {
	if (user === null) return false;
	return user.isSecretariat || user.memberships.some((ms) => REPORT_READER_KINDS.includes(ms.kind));
}

// A municipality user sees every municipality's rows, not only its own schools. Decided so: the
// partners read one shared report at the meeting, its rows are aggregates (a school's name, counts
// and seats, never a pupil), and comparing municipalities is what the meeting uses it for.
