import { describe, expect, it } from 'vitest';
import {
	createOrganisation,
	updateOrganisation
} from '../../src/lib/organisations/server/organisation';
import {
	changeMemberRole,
	createOrganisationWithAdmin,
	inviteMember,
	removeMember
} from '../../src/lib/organisations/server/membership';
import { acceptInvitation } from '../../src/lib/auth/server/invitation';
import {
	createSchoolHoliday,
	deleteSchoolHoliday,
	updateSchoolHoliday
} from '../../src/lib/activities/server/school-holiday';
import { getOrCreateFeedToken, rotateFeedToken } from '../../src/lib/feeds/server/token';
import { organisationSchema } from '../../src/lib/organisations/schema';
import { sessionUser, useOrganisationWorld } from './organisation.fixtures';
import { auditCount, auditEvents, onlyNewEvent } from './audit-fixtures';

const ORIGIN = 'https://aarshjul.example.dk';
const organisation = (values: Record<string, unknown>) => organisationSchema([]).parse(values);

describe('audit of organisations, members, holidays and feeds (real database)', () => {
	const world = useOrganisationWorld();

	describe('organisations', () => {
		it('records creation and editing by the acting user, for the organisation itself', async () => {
			const created = await createOrganisation(
				world.db,
				organisation({ name: 'Delta Smedje', kind: 'company' }),
				world.secretariat.id
			);
			if (!created.ok) throw new Error('expected ok');
			const id = created.value.id;
			await updateOrganisation(
				world.db,
				id,
				organisation({ name: 'Delta Smedje A/S', kind: 'company' }),
				world.secretariat.id
			);
			expect(await auditEvents(world.db)).toEqual([
				expect.objectContaining({
					actorId: world.secretariat.id,
					organisationId: id,
					action: 'create',
					entityType: 'organisation',
					entityId: id,
					summary: 'Delta Smedje'
				}),
				expect.objectContaining({ action: 'update', entityId: id, summary: 'Delta Smedje A/S' })
			]);
		});

		it('records the organisation and its first admin invitation together', async () => {
			const result = await createOrganisationWithAdmin(
				world.db,
				organisation({ name: 'Delta Smedje', kind: 'company' }),
				{ email: 'chef@delta.dk', invitedBy: world.secretariat, origin: ORIGIN }
			);
			if (!result.ok) throw new Error('expected ok');
			const events = await auditEvents(world.db);
			expect(events.map((e) => [e.entityType, e.action, e.organisationId, e.actorId])).toEqual([
				['organisation', 'create', result.value.id, world.secretariat.id],
				['invitation', 'create', result.value.id, world.secretariat.id]
			]);
			expect(events[1].summary).toBe('chef@delta.dk inviteret som administrator');
		});

		it('writes nothing when the input is refused', async () => {
			// A company is no municipality: the domain refuses it as the school's municipality.
			const school = organisation({
				name: 'Skole',
				kind: 'school',
				municipalityId: world.orgB.id
			});
			expect((await createOrganisation(world.db, school, world.secretariat.id)).ok).toBe(false);
			const update = await updateOrganisation(world.db, world.orgA.id, school, world.adminA.id);
			expect(update?.ok).toBe(false);
			expect(await auditCount(world.db)).toBe(0);
		});
	});

	describe('memberships', () => {
		it('records an invitation without its token, and the acceptance by the new member', async () => {
			const invited = await inviteMember(world.db, {
				organisation: world.orgA,
				email: 'Ny@Example.dk',
				role: 'member',
				invitedBy: world.adminA,
				origin: ORIGIN
			});
			if (!invited.ok) throw new Error('expected ok');
			const token = invited.value.link.split('/invitation/')[1];
			const accepted = await acceptInvitation(world.db, token, {
				name: 'Nina Ny',
				password: 'et-langt-kodeord-2026'
			});
			const events = await auditEvents(world.db);
			expect(events).toEqual([
				{
					actorId: world.adminA.id,
					actorName: 'Anna Admin',
					organisationId: world.orgA.id,
					action: 'create',
					entityType: 'invitation',
					entityId: 'ny@example.dk',
					summary: 'ny@example.dk inviteret som medlem'
				},
				{
					actorId: accepted!.userId,
					actorName: 'Nina Ny',
					organisationId: world.orgA.id,
					action: 'create',
					entityType: 'membership',
					entityId: accepted!.userId,
					summary: 'Nina Ny – medlem'
				}
			]);
			expect(JSON.stringify(events)).not.toContain(token);
		});

		it('records a role change and a removal', async () => {
			await changeMemberRole(world.db, world.orgA.id, world.memberA.id, 'admin', world.adminA.id);
			expect(await onlyNewEvent(world.db, 0)).toMatchObject({
				actorId: world.adminA.id,
				organisationId: world.orgA.id,
				action: 'update',
				entityType: 'membership',
				entityId: world.memberA.id,
				summary: 'Morten Medlem – administrator'
			});
			await removeMember(world.db, world.orgA.id, world.memberA.id, world.adminA.id);
			expect(await onlyNewEvent(world.db, 1)).toMatchObject({
				action: 'delete',
				entityId: world.memberA.id,
				summary: 'Morten Medlem – administrator'
			});
		});

		it('writes nothing when the last admin would go or the e-mail is a member', async () => {
			const demote = await changeMemberRole(
				world.db,
				world.orgA.id,
				world.adminA.id,
				'member',
				world.adminA.id
			);
			expect(demote?.ok).toBe(false);
			const remove = await removeMember(world.db, world.orgA.id, world.adminA.id, null);
			expect(remove?.ok).toBe(false);
			const again = await inviteMember(world.db, {
				organisation: world.orgA,
				email: 'medlem.a@example.dk',
				role: 'member',
				invitedBy: world.adminA,
				origin: ORIGIN
			});
			expect(again.ok).toBe(false);
			expect(await acceptInvitation(world.db, 'x'.repeat(32), null)).toBeNull();
			expect(await auditCount(world.db)).toBe(0);
		});
	});

	describe('school holidays', () => {
		it('records create, edit and delete for the municipality', async () => {
			const secretariat = await sessionUser(world.db, world.secretariat.id);
			const holiday = { name: 'Efterårsferie', startDate: '2027-10-18', endDate: '2027-10-22' };
			const created = await createSchoolHoliday(world.db, secretariat, world.horsens.id, holiday);
			if (!created.ok) throw new Error('expected ok');
			const id = created.value.id;
			await updateSchoolHoliday(world.db, secretariat, id, { ...holiday, name: 'Høstferie' });
			await deleteSchoolHoliday(world.db, secretariat, id);
			const events = await auditEvents(world.db);
			expect(events.map((e) => [e.action, e.entityType, e.entityId, e.organisationId])).toEqual([
				['create', 'school_holiday', id, world.horsens.id],
				['update', 'school_holiday', id, world.horsens.id],
				['delete', 'school_holiday', id, world.horsens.id]
			]);
			expect(events[0].summary).toBe('Efterårsferie 18.–22. okt. 2027');
			expect(events.every((e) => e.actorId === world.secretariat.id)).toBe(true);
		});

		it('writes nothing for someone outside the municipality', async () => {
			const outsider = await sessionUser(world.db, world.adminA.id);
			const holiday = { name: 'Ferie', startDate: '2027-10-18', endDate: '2027-10-22' };
			const refused = await createSchoolHoliday(world.db, outsider, world.horsens.id, holiday);
			expect(refused.ok).toBe(false);
			expect(await auditCount(world.db)).toBe(0);
		});
	});

	describe('feed addresses', () => {
		it('records making and rotating an address, never the token', async () => {
			const subject = { scope: 'company' as const, organisationId: world.orgA.id };
			const made = await getOrCreateFeedToken(world.db, subject, world.adminA.id);
			// Asking again returns the live address: nothing new is made or logged.
			await getOrCreateFeedToken(world.db, subject, world.adminA.id);
			const rotated = await rotateFeedToken(world.db, subject, world.adminA.id);
			const events = await auditEvents(world.db);
			expect(events.map((e) => [e.action, e.entityType, e.entityId, e.organisationId])).toEqual([
				['create', 'feed', made.feed.id, world.orgA.id],
				['update', 'feed', rotated.feed.id, world.orgA.id]
			]);
			const text = JSON.stringify(events);
			expect(text).not.toContain(made.token!);
			expect(text).not.toContain(rotated.token);
		});

		it('records a personal feed with no organisation', async () => {
			const made = await getOrCreateFeedToken(
				world.db,
				{ scope: 'user', userId: world.memberA.id },
				world.memberA.id
			);
			expect(await auditEvents(world.db)).toEqual([
				expect.objectContaining({ entityId: made.feed.id, organisationId: null })
			]);
		});
	});
});
