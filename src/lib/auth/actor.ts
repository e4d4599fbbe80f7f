import type { OrganisationKind, Role } from '$lib/organisations';

/** One organisation the actor belongs to, and in which role. */
export interface ActorMembership {
	organisationId: string;
	role: Role;
	name: string;
	slug: string;
	kind: OrganisationKind;
	municipalityId: string | null;
}

/**
 * Who acts: the one type every domain's policy and domain code take for "the user" (the logged-in
 * session user is one). The rules look at the secretariat flag and the memberships; the id, name
 * and e-mail say who did it in the audit log and in mails.
 */
export interface Actor {
	id: string;
	email: string;
	name: string;
	isSecretariat: boolean;
	memberships: readonly ActorMembership[];
}
