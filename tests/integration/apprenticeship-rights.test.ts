import { describe, expect, it } from 'vitest';
import {
	canCreateOpening,
	canDeleteOpening,
	canEditOpening,
	canJoinAlliance,
	canLeaveAlliance,
	canMarkOpeningFilled,
	canUpdateCommitment,
	canViewCommitment,
	canViewFollowUp,
	canViewOpening,
	canViewOverview
} from '../../src/lib/apprenticeship/server/policy';
import type { Actor } from '../../src/lib/auth/actor';
import type { OrganisationKind, Role } from '../../src/lib/platform/server/db/schema';
import { actor, secretariat } from '../helpers/actor';

// Pure rules, so the table needs no database: Alfa is the company acted on.
const ALFA = { id: 'alfa', kind: 'company' as const };
const OPEN = { organisationId: 'alfa', status: 'open' as const };
const FILLED = { organisationId: 'alfa', status: 'filled' as const };

const as = (organisationId: string, kind: OrganisationKind, role: Role) =>
	actor([{ organisationId, kind, role }]);
const USERS: Record<string, Actor | null> = {
	secretariat,
	companyAdmin: as('alfa', 'company', 'admin'),
	companyMember: as('alfa', 'company', 'member'),
	otherCompany: as('beta', 'company', 'admin'),
	school: as('byskolen', 'school', 'admin'),
	municipality: as('horsens', 'municipality', 'admin'),
	vocationalSchool: as('learnmark', 'vocational_school', 'member'),
	partner: as('metal', 'partner', 'member'),
	museum: as('museet', 'museum', 'admin'),
	anonymous: null
};

type Rule = (user: Actor | null) => boolean;
const ACTIONS: Record<string, Rule> = {
	join: (u) => canJoinAlliance(u, ALFA),
	updateCommitment: (u) => canUpdateCommitment(u, ALFA),
	leave: (u) => canLeaveAlliance(u, ALFA),
	viewCommitment: (u) => canViewCommitment(u, ALFA),
	createOpening: (u) => canCreateOpening(u, ALFA),
	editOpening: (u) => canEditOpening(u, OPEN),
	markFilled: (u) => canMarkOpeningFilled(u, OPEN),
	deleteOpening: (u) => canDeleteOpening(u, OPEN),
	viewOpenOpening: (u) => canViewOpening(u, OPEN),
	viewFilledOpening: (u) => canViewOpening(u, FILLED),
	viewOverview: (u) => canViewOverview(u),
	viewFollowUp: (u) => canViewFollowUp(u)
};

// Columns in the order of ACTIONS; 1 = allowed.
// prettier-ignore
const EXPECTED: Record<string, number[]> = {
	//                join upd leave viewC create edit fill del open filled overview follow
	secretariat:      [1,   1,  1,    1,    1,     1,   1,   1,  1,   1,     1,       1],
	companyAdmin:     [1,   1,  1,    1,    1,     1,   1,   1,  1,   1,     0,       0],
	companyMember:    [0,   0,  0,    1,    1,     1,   1,   1,  1,   1,     0,       0],
	otherCompany:     [0,   0,  0,    0,    0,     0,   0,   0,  1,   0,     0,       0],
	school:           [0,   0,  0,    0,    0,     0,   0,   0,  1,   0,     0,       0],
	municipality:     [0,   0,  0,    1,    0,     0,   0,   0,  1,   1,     1,       1],
	vocationalSchool: [0,   0,  0,    1,    0,     0,   0,   0,  1,   1,     1,       1],
	partner:          [0,   0,  0,    1,    0,     0,   0,   0,  1,   1,     1,       1],
	museum:           [0,   0,  0,    0,    0,     0,   0,   0,  1,   0,     0,       0],
	anonymous:        [0,   0,  0,    0,    0,     0,   0,   0,  1,   0,     0,       0]
};

describe('apprenticeship-rights', () => {
	const actions = Object.keys(ACTIONS);
	for (const [role, row] of Object.entries(EXPECTED)) {
		describe(role, () => {
			actions.forEach((action, i) => {
				it(`${row[i] ? 'may' : 'may not'} ${action}`, () => {
					expect(ACTIONS[action](USERS[role])).toBe(row[i] === 1);
				});
			});
		});
	}

	describe('canJoinAlliance', () => {
		it('refuses organisations that are not companies, even for the secretariat', () => {
			const secretariat = USERS.secretariat;
			for (const kind of ['school', 'vocational_school', 'museum', 'partner'] as const) {
				expect(canJoinAlliance(secretariat, { id: 'x', kind })).toBe(false);
				expect(canCreateOpening(secretariat, { id: 'x', kind })).toBe(false);
			}
			expect(
				canJoinAlliance(as('learnmark', 'vocational_school', 'admin'), {
					id: 'learnmark',
					kind: 'vocational_school'
				})
			).toBe(false);
		});
	});
});
