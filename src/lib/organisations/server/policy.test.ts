import { describe, expect, it } from 'vitest';
import type { Role } from '$lib/platform/server/db/schema';
import {
	canChangeMemberRole,
	canChangeOrganisationKind,
	canCreateOrganisation,
	canEditOrganisation,
	canInviteWithRole,
	canManageMembers,
	canRemoveMember,
	canViewMembers,
	canViewOrganisationPrivate,
	type Actor
} from './policy';

const orgA = { id: '00000000-0000-4000-8000-00000000000a' };
const orgB = { id: '00000000-0000-4000-8000-00000000000b' };

function actor(isSecretariat: boolean, memberships: [{ id: string }, Role][] = []): Actor {
	return {
		id: crypto.randomUUID(),
		isSecretariat,
		memberships: memberships.map(([org, role]) => ({
			organisationId: org.id,
			role,
			name: 'Org',
			slug: 'org',
			kind: 'company',
			municipalityId: null
		}))
	};
}

const roles = {
	secretariat: actor(true),
	'admin of A': actor(false, [[orgA, 'admin']]),
	'member of A': actor(false, [[orgA, 'member']]),
	'admin of B': actor(false, [[orgB, 'admin']]),
	'member of B': actor(false, [[orgB, 'member']]),
	'logged out': null
} satisfies Record<string, Actor>;
type RoleName = keyof typeof roles;

const actions = {
	'view private': (u: Actor) => canViewOrganisationPrivate(u, orgA),
	'view members': (u: Actor) => canViewMembers(u, orgA),
	edit: (u: Actor) => canEditOrganisation(u, orgA),
	'manage members': (u: Actor) => canManageMembers(u, orgA),
	'invite admin': (u: Actor) => canInviteWithRole(u, orgA, 'admin'),
	'invite member': (u: Actor) => canInviteWithRole(u, orgA, 'member'),
	'change role': (u: Actor) => canChangeMemberRole(u, orgA),
	'remove member': (u: Actor) => canRemoveMember(u, orgA),
	'create organisation': (u: Actor) => canCreateOrganisation(u),
	'change kind': (u: Actor) => canChangeOrganisationKind(u)
} satisfies Record<string, (u: Actor) => boolean>;
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
			expect(canInviteWithRole(roles.secretariat, orgA, 'owner' as Role)).toBe(false);
		});
	});

	describe('roleIn', () => {
		it('follows the membership of the organisation asked about, not another one', () => {
			const both = actor(false, [
				[orgA, 'member'],
				[orgB, 'admin']
			]);
			expect(canEditOrganisation(both, orgB)).toBe(true);
			expect(canEditOrganisation(both, orgA)).toBe(false);
			expect(canViewOrganisationPrivate(both, orgA)).toBe(true);
		});
	});
});
