import { describe, expect, it } from 'vitest';
import {
	changeMemberRole,
	createOrganisationWithAdmin,
	inviteMember,
	listMembers,
	removeMember
} from '../../src/lib/organisations/server/membership';
import { findValidToken } from '../../src/lib/auth/server/user-token';
import { organisationSchema } from '../../src/lib/organisations/schema';
import { addMember, makeUser, rowCounts, useOrganisationWorld } from './organisation.fixtures';

const ORIGIN = 'https://aarshjul.example.dk';

describe('membership', () => {
	const world = useOrganisationWorld();

	describe('listMembers', () => {
		it('lists the members of one organisation with name, e-mail and role', async () => {
			expect(await listMembers(world.db, world.orgA.id)).toEqual([
				{ userId: world.adminA.id, name: 'Anna Admin', email: 'admin.a@example.dk', role: 'admin' },
				{
					userId: world.memberA.id,
					name: 'Morten Medlem',
					email: 'medlem.a@example.dk',
					role: 'member'
				}
			]);
		});
	});

	describe('inviteMember', () => {
		it('creates an invitation token and a Danish mail in the outbox with the link', async () => {
			const result = await inviteMember(world.db, {
				organisation: world.orgA,
				email: ' Ny.Person@Example.DK ',
				role: 'member',
				invitedBy: world.adminA,
				origin: `${ORIGIN}/`
			});
			if (!result.ok) throw new Error(JSON.stringify(result.errors));
			const token = result.value.link.split('/invitation/')[1];
			expect(result.value.link).toBe(`${ORIGIN}/invitation/${token}`);

			const valid = await findValidToken(world.db, 'invitation', token);
			expect(valid).toMatchObject({
				email: 'ny.person@example.dk',
				organisationId: world.orgA.id,
				role: 'member'
			});
			const mails = await world.db.selectFrom('outbox').selectAll().execute();
			expect(mails).toHaveLength(1);
			expect(mails[0].toAddress).toBe('ny.person@example.dk');
			expect(mails[0].subject).toContain('Alfa Maskiner');
			expect(mails[0].bodyText).toContain(result.value.link);
			expect(mails[0].bodyText).toMatch(/medlem/);
		});

		it('refuses an e-mail that already belongs to a member, whatever its case', async () => {
			const before = await rowCounts(world.db);
			const result = await inviteMember(world.db, {
				organisation: world.orgA,
				email: 'MEDLEM.A@example.dk',
				role: 'admin',
				invitedBy: world.adminA,
				origin: ORIGIN
			});
			expect(result).toEqual({
				ok: false,
				errors: { email: expect.stringMatching(/allerede medlem/) }
			});
			expect(await rowCounts(world.db)).toEqual(before);
		});

		it('invites a member of another organisation', async () => {
			const result = await inviteMember(world.db, {
				organisation: world.orgA,
				email: 'admin.b@example.dk',
				role: 'member',
				invitedBy: world.secretariat,
				origin: ORIGIN
			});
			expect(result.ok).toBe(true);
		});
	});

	describe('changeMemberRole', () => {
		it('makes a member an admin, and an admin a member while another admin remains', async () => {
			const up = await changeMemberRole(world.db, world.orgA.id, world.memberA.id, 'admin');
			expect(up).toMatchObject({ ok: true, value: { role: 'admin' } });
			const down = await changeMemberRole(world.db, world.orgA.id, world.adminA.id, 'member');
			expect(down).toMatchObject({ ok: true, value: { role: 'member' } });
		});

		it('never demotes the last admin', async () => {
			const result = await changeMemberRole(world.db, world.orgA.id, world.adminA.id, 'member');
			expect(result).toEqual({
				ok: false,
				errors: { role: expect.stringMatching(/mindst én administrator/) }
			});
			const roles = (await listMembers(world.db, world.orgA.id)).map((ms) => ms.role);
			expect(roles).toEqual(['admin', 'member']);
		});

		it("reports not found for another organisation's member and changes nothing", async () => {
			const result = await changeMemberRole(world.db, world.orgA.id, world.adminB.id, 'member');
			expect(result).toBeNull();
			expect(await listMembers(world.db, world.orgB.id)).toMatchObject([{ role: 'admin' }]);
		});
	});

	describe('removeMember', () => {
		it('removes a member', async () => {
			expect(await removeMember(world.db, world.orgA.id, world.memberA.id)).toEqual({
				ok: true,
				value: true
			});
			expect(await listMembers(world.db, world.orgA.id)).toHaveLength(1);
		});

		it('never removes the last admin', async () => {
			const before = await rowCounts(world.db);
			const result = await removeMember(world.db, world.orgA.id, world.adminA.id);
			expect(result).toMatchObject({
				ok: false,
				errors: { userId: expect.stringMatching(/administrator/) }
			});
			expect(await rowCounts(world.db)).toEqual(before);
		});

		it('removes an admin when another admin remains', async () => {
			const second = await makeUser(world.db, 'to@example.dk');
			await addMember(world.db, second.id, world.orgA.id, 'admin');
			expect((await removeMember(world.db, world.orgA.id, world.adminA.id))?.ok).toBe(true);
		});

		it("reports not found for another organisation's member and removes nothing", async () => {
			const before = await rowCounts(world.db);
			expect(await removeMember(world.db, world.orgA.id, world.adminB.id)).toBeNull();
			expect(await removeMember(world.db, world.orgA.id, crypto.randomUUID())).toBeNull();
			expect(await rowCounts(world.db)).toEqual(before);
		});
	});

	describe('createOrganisationWithAdmin', () => {
		const input = organisationSchema([]).parse({ name: 'Delta Smedje', kind: 'company' });

		it('creates the organisation and invites its first admin', async () => {
			const result = await createOrganisationWithAdmin(world.db, input, {
				email: 'chef@delta.dk',
				invitedBy: world.secretariat,
				origin: ORIGIN
			});
			if (!result.ok) throw new Error('expected ok');
			const token = await world.db.selectFrom('userToken').selectAll().executeTakeFirstOrThrow();
			expect(token).toMatchObject({
				organisationId: result.value.id,
				role: 'admin',
				email: 'chef@delta.dk'
			});
			const mail = await world.db.selectFrom('outbox').selectAll().executeTakeFirstOrThrow();
			expect(mail.bodyText).toContain(`${ORIGIN}/invitation/`);
		});

		it('writes neither organisation nor invitation when the organisation is refused', async () => {
			const before = await rowCounts(world.db);
			const school = { ...input, kind: 'school' as const };
			const result = await createOrganisationWithAdmin(world.db, school, {
				email: 'chef@delta.dk',
				invitedBy: world.secretariat,
				origin: ORIGIN
			});
			expect(result.ok).toBe(false);
			expect(await rowCounts(world.db)).toEqual(before);
		});
	});
});
