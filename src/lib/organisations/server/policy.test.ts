import { describe, expect, it } from 'vitest';
import type { Role } from '$lib/platform/server/db/schema';
import * as rules from './policy';
import type { Actor } from '$lib/auth';
import { actor, secretariat } from '../../../../tests/helpers/actor';

const orgA = { id: '00000000-0000-4000-8000-00000000000a' };
const orgB = { id: '00000000-0000-4000-8000-00000000000b' };

/** A member of each organisation in the given role. */
const memberOf = (...memberships: [{ id: string }, Role][]) =>
	actor(memberships.map(([org, role]) => ({ organisationId: org.id, role, kind: 'company' })));

const roles = {
	secretariat,
	'admin of A': memberOf([orgA, 'admin']),
	'member of A': memberOf([orgA, 'member']),
	'admin of B': memberOf([orgB, 'admin']),
	'member of B': memberOf([orgB, 'member']),
	'logged out': null
} satisfies Record<string, Actor | null>;
type RoleName = keyof typeof roles;

const actions = {
	'view private': (u: Actor | null) => rules.canViewOrganisationPrivate(u, orgA),
	'view members': (u: Actor | null) => rules.canViewMembers(u, orgA),
	edit: (u: Actor | null) => rules.canEditOrganisation(u, orgA),
	'manage members': (u: Actor | null) => rules.canManageMembers(u, orgA),
	'invite admin': (u: Actor | null) => rules.canInviteWithRole(u, orgA, 'admin'),
	'invite member': (u: Actor | null) => rules.canInviteWithRole(u, orgA, 'member'),
	'change role': (u: Actor | null) => rules.canChangeMemberRole(u, orgA),
	'remove member': (u: Actor | null) => rules.canRemoveMember(u, orgA),
	'create organisation': (u: Actor | null) => rules.canCreateOrganisation(u),
	'change kind': (u: Actor | null) => rules.canChangeOrganisationKind(u)
} satisfies Record<string, (u: Actor | null) => boolean>;
type ActionName = keyof typeof actions;

// Every role × every action on organisation A. Y = allowed, · = refused.
// prettier-ignore
const TABLE: [RoleName, string][] = [
	//                                         view  members edit  manage inv-admin inv-member role  remove create kind
	['secretariat',                           'Y     Y       Y     Y      Y         Y          Y     Y      Y      Y'],
	['admin of A',                            'Y     Y       Y     Y      Y         Y          Y     Y      ·      ·'],
	['member of A',                           'Y     Y       ·     ·      ·         ·          ·     ·      ·      ·'],
	['admin of B',                            '·     ·       ·     ·      ·         ·          ·     ·      ·      ·'],
	['member of B',                           '·     ·       ·     ·      ·         ·          ·     ·      ·      ·'],
	['logged out',                            '·     ·       ·     ·      ·         ·          ·     ·      ·      ·']
];

const actionNames = Object.keys(actions) as ActionName[];
const rows = TABLE.flatMap(([role, line]) => {
	const cells = line.trim().split(/\s+/);
	if (cells.length !== actionNames.length) throw new Error(`row ${role} has ${cells.length} cells`);
	return actionNames.map((action, i) => ({ role, action, expected: cells[i] === 'Y' }));
});

describe('rights', () => {
	describe('authorization table on organisation A', () => {
		it.each(rows)('$role → $action: $expected', ({ role, action, expected }) => {
			expect(actions[action](roles[role])).toBe(expected);
		});
	});

	describe('canInviteWithRole', () => {
		it('refuses a role that does not exist, even for the secretariat', () => {
			expect(rules.canInviteWithRole(roles.secretariat, orgA, 'owner' as Role)).toBe(false);
		});
	});

	describe('roleIn', () => {
		it('follows the membership of the organisation asked about, not another one', () => {
			const both = memberOf([orgA, 'member'], [orgB, 'admin']);
			expect(rules.canEditOrganisation(both, orgB)).toBe(true);
			expect(rules.canEditOrganisation(both, orgA)).toBe(false);
			expect(rules.canViewOrganisationPrivate(both, orgA)).toBe(true);
		});
	});
});
