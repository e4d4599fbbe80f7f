import type { Actor, ActorMembership } from '../../src/lib/auth/actor';

/**
 * An actor for policy tests: the secretariat flag and the memberships the rule looks at, the rest
 * filled in. `member({ organisationId, role, kind })` gives one membership with the same defaults.
 */
export function actor(
	memberships: readonly Partial<ActorMembership>[] = [],
	overrides: Partial<Omit<Actor, 'memberships'>> = {}
): Actor {
	return {
		id: 'actor-1',
		email: 'actor@example.dk',
		name: 'Test Actor',
		isSecretariat: false,
		...overrides,
		memberships: memberships.map(member)
	};
}

/** The secretariat, member of no organisation. */
export const secretariat: Actor = actor([], { isSecretariat: true });

export function member(fields: Partial<ActorMembership>): ActorMembership {
	return {
		organisationId: 'org-1',
		role: 'member',
		name: 'Organisation',
		slug: 'organisation',
		kind: 'school',
		municipalityId: null,
		...fields
	};
}
