import { describe, expect, it } from 'vitest';
import {
	canCancelActivity,
	canCreateActivities,
	canCreateActivityFor,
	canDeleteActivity,
	canEditActivity,
	canMoveActivity,
	canViewActivity,
	type ActivityAccess,
	type RightsUser
} from './policy';

const OWNER = 'org-owner';
const PARTICIPANT = 'org-participant';
const OTHER = 'org-other';

const users: Record<string, RightsUser | null> = {
	secretariat: { isSecretariat: true, memberships: [] },
	ownerAdmin: { isSecretariat: false, memberships: [{ organisationId: OWNER, role: 'admin' }] },
	ownerMember: { isSecretariat: false, memberships: [{ organisationId: OWNER, role: 'member' }] },
	participantMember: {
		isSecretariat: false,
		memberships: [{ organisationId: PARTICIPANT, role: 'member' }]
	},
	otherAdmin: { isSecretariat: false, memberships: [{ organisationId: OTHER, role: 'admin' }] },
	noOrganisation: { isSecretariat: false, memberships: [] },
	anonymous: null
};

const of = (visibility: ActivityAccess['visibility']): ActivityAccess => ({
	ownerId: OWNER,
	visibility
});
const participants = [PARTICIPANT];

type Row = [string, boolean, boolean, boolean, boolean, boolean, boolean, boolean, boolean];
// role, view public, view alliance, view private, edit, cancel, delete, move, create for owner
const TABLE: Row[] = [
	['secretariat', true, true, true, true, true, true, true, true],
	['ownerAdmin', true, true, true, true, true, true, true, true],
	['ownerMember', true, true, true, true, true, false, true, true],
	['participantMember', true, true, true, false, false, false, false, false],
	['otherAdmin', true, true, false, false, false, false, false, false],
	['noOrganisation', true, false, false, false, false, false, false, false],
	['anonymous', true, false, false, false, false, false, false, false]
];

describe('activity-rights', () => {
	describe.each(TABLE)(
		'%s',
		(role, viewPublic, viewAlliance, viewPrivate, edit, cancel, del, move, create) => {
			const user = users[role];
			it('views public, alliance and private activities as the table says', () => {
				expect(canViewActivity(user, of('public'), participants)).toBe(viewPublic);
				expect(canViewActivity(user, of('alliance'), participants)).toBe(viewAlliance);
				expect(canViewActivity(user, of('private'), participants)).toBe(viewPrivate);
			});
			it('edits, cancels, deletes and moves as the table says', () => {
				expect(canEditActivity(user, of('private'))).toBe(edit);
				expect(canCancelActivity(user, of('private'))).toBe(cancel);
				expect(canDeleteActivity(user, of('private'))).toBe(del);
				expect(canMoveActivity(user, of('private'))).toBe(move);
			});
			it('creates activities for the owner organisation as the table says', () => {
				expect(canCreateActivityFor(user, OWNER)).toBe(create);
			});
		}
	);

	describe('canViewActivity', () => {
		it('refuses a private activity to a member of an organisation that does not take part', () => {
			expect(canViewActivity(users.participantMember, of('private'), [])).toBe(false);
		});
	});

	describe('canCreateActivities', () => {
		it('allows the secretariat and members, not users without an organisation', () => {
			expect(canCreateActivities(users.secretariat)).toBe(true);
			expect(canCreateActivities(users.ownerMember)).toBe(true);
			expect(canCreateActivities(users.noOrganisation)).toBe(false);
			expect(canCreateActivities(null)).toBe(false);
		});
	});

	describe('canCreateActivityFor', () => {
		it('refuses an organisation the user does not belong to', () => {
			expect(canCreateActivityFor(users.ownerAdmin, OTHER)).toBe(false);
		});
	});
});
