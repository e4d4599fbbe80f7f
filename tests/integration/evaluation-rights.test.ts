import { describe, expect, it } from 'vitest';
import {
	canDeleteEvaluation,
	canEvaluateActivity,
	canRecordEvaluation,
	canViewEvaluation,
	evaluatingOrganisationIds,
	hasActivityEnded,
	type EvaluatedActivity
} from '../../src/lib/evaluations/server/policy';
import type { Actor } from '../../src/lib/auth/actor';
import { actor, secretariat } from '../helpers/actor';

const OWNER = 'org-owner';
const PARTICIPANT = 'org-participant';
const OTHER = 'org-other';
const MUNICIPALITY = 'org-municipality';

const member = (organisationId: string, kind: 'school' | 'municipality' = 'school') =>
	actor([{ organisationId, role: 'member', kind }]);
const USERS: Record<string, Actor | null> = {
	ownerMember: member(OWNER),
	participantMember: member(PARTICIPANT),
	otherMember: member(OTHER),
	municipalityMember: member(MUNICIPALITY, 'municipality'),
	secretariat,
	anonymous: null
};

const activity = (over: Partial<EvaluatedActivity> = {}): EvaluatedActivity => ({
	ownerId: OWNER,
	status: 'planned',
	categorySlug: 'erhvervspraktik',
	involvedIds: [OWNER, PARTICIPANT],
	ended: true,
	...over
});
const ENDED = activity();
const NOT_ENDED = activity({ ended: false });
const CANCELLED = activity({ status: 'cancelled' });
const MEETING = activity({ categorySlug: 'alliancemoede' });
/** The participant is a school of the municipality. */
const PARTICIPANT_EVALUATION = { organisationId: PARTICIPANT, municipalityId: MUNICIPALITY };
const OWNER_EVALUATION = { organisationId: OWNER, municipalityId: null };

type Row = [string, record: boolean, viewOwn: boolean, viewOwner: boolean, del: boolean];
// user, may record for their own (or, for the secretariat, the participant's) organisation,
// may view the participant's evaluation, may view the owner's, may delete the participant's.
const TABLE: Row[] = [
	['ownerMember', true, true, true, false],
	['participantMember', true, true, true, true],
	['otherMember', false, false, false, false],
	['municipalityMember', false, true, false, false],
	['secretariat', true, true, true, true],
	['anonymous', false, false, false, false]
];

const orgOf = (name: string) =>
	({ ownerMember: OWNER, participantMember: PARTICIPANT, otherMember: OTHER })[name] ??
	(name === 'municipalityMember' ? MUNICIPALITY : PARTICIPANT);

describe('evaluation-rights', () => {
	describe.each(TABLE)('%s', (name, record, viewParticipant, viewOwner, del) => {
		const user = USERS[name];
		it(`${record ? 'may' : 'may not'} record an evaluation of an ended activity`, () => {
			expect(canRecordEvaluation(user, ENDED, orgOf(name))).toBe(record);
			expect(canEvaluateActivity(user, ENDED)).toBe(record);
		});
		it('may not record before the activity has ended, after a cancellation or for a meeting', () => {
			for (const blocked of [NOT_ENDED, CANCELLED, MEETING]) {
				expect(canRecordEvaluation(user, blocked, orgOf(name))).toBe(false);
				expect(canEvaluateActivity(user, blocked)).toBe(false);
			}
		});
		it(`${viewParticipant ? 'sees' : 'does not see'} the participant's evaluation`, () => {
			expect(canViewEvaluation(user, ENDED, PARTICIPANT_EVALUATION)).toBe(viewParticipant);
			expect(canViewEvaluation(user, CANCELLED, PARTICIPANT_EVALUATION)).toBe(viewParticipant);
		});
		it(`${viewOwner ? 'sees' : 'does not see'} the owner's evaluation`, () => {
			expect(canViewEvaluation(user, ENDED, OWNER_EVALUATION)).toBe(viewOwner);
		});
		it(`${del ? 'may' : 'may not'} delete the participant's evaluation`, () => {
			expect(canDeleteEvaluation(user, PARTICIPANT_EVALUATION)).toBe(del);
		});
	});

	describe('evaluatingOrganisationIds', () => {
		it('offers a member only their own organisations that take part', () => {
			const both = actor([
				{ organisationId: OWNER, role: 'member' },
				{ organisationId: OTHER, role: 'admin' },
				{ organisationId: PARTICIPANT, role: 'member' }
			]);
			expect(evaluatingOrganisationIds(both, ENDED)).toEqual([OWNER, PARTICIPANT]);
		});
		it('lets the secretariat record for every organisation taking part', () => {
			expect(evaluatingOrganisationIds(USERS.secretariat, ENDED)).toEqual([OWNER, PARTICIPANT]);
		});
		it('refuses the owner recording for the participant', () => {
			expect(canRecordEvaluation(USERS.ownerMember, ENDED, PARTICIPANT)).toBe(false);
		});
	});

	describe('hasActivityEnded', () => {
		const winter = new Date('2026-11-27T12:00:00Z'); // 13:00 CET
		const summer = new Date('2027-06-10T10:30:00Z'); // 12:30 CEST
		it('ends an all-day activity at midnight after its last day, Copenhagen time', () => {
			expect(hasActivityEnded({ endDate: '2026-11-27', endTime: null }, winter)).toBe(false);
			expect(hasActivityEnded({ endDate: '2026-11-26', endTime: null }, winter)).toBe(true);
			// 23:30 UTC on the 26th is already 00:30 on the 27th in Copenhagen.
			const lateNight = new Date('2026-11-26T23:30:00Z');
			expect(hasActivityEnded({ endDate: '2026-11-26', endTime: null }, lateNight)).toBe(true);
		});
		it('ends a timed activity at its end time in winter and in summer time', () => {
			expect(hasActivityEnded({ endDate: '2026-11-27', endTime: '12:59:00' }, winter)).toBe(true);
			expect(hasActivityEnded({ endDate: '2026-11-27', endTime: '13:01:00' }, winter)).toBe(false);
			expect(hasActivityEnded({ endDate: '2027-06-10', endTime: '12:00:00' }, summer)).toBe(true);
			expect(hasActivityEnded({ endDate: '2027-06-10', endTime: '13:00:00' }, summer)).toBe(false);
		});
	});
});
