import { beforeEach, describe, expect, it } from 'vitest';
import { listMembers } from '../../src/lib/organisations/server/membership';
import type { SessionUser } from '../../src/lib/auth/server/session';
import { actions, load } from '../../src/routes/organisationer/[slug]/medlemmer/+page.server';
import {
	fakeEvent,
	rowCounts,
	useOrganisationWorld,
	sessionUsersOf
} from './organisation.fixtures';

type Result = {
	status?: number;
	data?: { action: string; message: string; values: Record<string, unknown> };
	action?: string;
	done?: string;
};

describe('routes/organisationer/[slug]/medlemmer', () => {
	const world = useOrganisationWorld({ routes: true });
	let users: Awaited<ReturnType<typeof sessionUsersOf>>;
	const path = (action = '') => `/organisationer/${world.orgA.slug}/medlemmer${action}`;
	const call = (
		name: 'invite' | 'role' | 'remove',
		user: SessionUser | null,
		fields: Record<string, string>,
		slug = world.orgA.slug
	) =>
		actions[name](
			fakeEvent(`/organisationer/${slug}/medlemmer?/${name}`, user, { slug }, fields)
		) as Promise<Result>;

	beforeEach(async () => {
		users = await sessionUsersOf(world.db, world);
	});

	describe('load', () => {
		it('lists members for a member, without the right to manage them', async () => {
			const data = (await load(
				fakeEvent(path(), users.memberA, { slug: world.orgA.slug })
			)) as Record<string, unknown>;
			expect(data).toMatchObject({
				canManage: false,
				members: [{ name: 'Anna Admin' }, { name: 'Morten Medlem' }]
			});
		});

		it("answers 404 to another organisation's admin and redirects visitors to login", async () => {
			await expect(
				load(fakeEvent(path(), users.adminB, { slug: world.orgA.slug }))
			).rejects.toMatchObject({ status: 404 });
			await expect(load(fakeEvent(path(), null, { slug: world.orgA.slug }))).rejects.toMatchObject({
				status: 303,
				location: `/login?next=${encodeURIComponent(path())}`
			});
		});
	});

	describe('?/invite', () => {
		it('invites for an admin and queues the mail', async () => {
			const result = await call('invite', users.adminA, { email: 'ny@example.dk', role: 'member' });
			expect(result).toMatchObject({
				action: 'invite',
				done: expect.stringContaining('ny@example.dk')
			});
			expect(await rowCounts(world.db)).toMatchObject({ userToken: 1, outbox: 1 });
		});

		it('answers 404 to members and other organisations, and writes nothing', async () => {
			const before = await rowCounts(world.db);
			for (const user of [users.memberA, users.adminB]) {
				await expect(
					call('invite', user, { email: 'ny@example.dk', role: 'admin' })
				).rejects.toMatchObject({ status: 404 });
			}
			expect(await rowCounts(world.db)).toEqual(before);
		});

		it('answers 400 with the e-mail refilled when the person is already a member', async () => {
			const result = await call('invite', users.secretariat, {
				email: 'medlem.a@example.dk',
				role: 'admin'
			});
			expect(result.status).toBe(400);
			expect(result.data?.values).toMatchObject({ email: 'medlem.a@example.dk', role: 'admin' });
		});
	});

	describe('?/role', () => {
		it('changes a role for an admin', async () => {
			const result = await call('role', users.adminA, { userId: world.memberA.id, role: 'admin' });
			expect(result).toMatchObject({ action: 'role' });
			expect((await listMembers(world.db, world.orgA.id)).map((ms) => ms.role)).toEqual([
				'admin',
				'admin'
			]);
		});

		it('answers 400 with a Danish message when the last admin would be demoted', async () => {
			const result = await call('role', users.adminA, { userId: world.adminA.id, role: 'member' });
			expect(result.status).toBe(400);
			expect(result.data?.message).toMatch(/mindst én administrator/);
		});

		it('answers 404 for a user of another organisation or a malformed id, and changes nothing', async () => {
			for (const userId of [world.adminB.id, 'nope', crypto.randomUUID()]) {
				await expect(call('role', users.adminA, { userId, role: 'member' })).rejects.toMatchObject({
					status: 404
				});
			}
			await expect(
				call('role', users.memberA, { userId: world.memberA.id, role: 'admin' })
			).rejects.toMatchObject({ status: 404 });
			expect(await listMembers(world.db, world.orgB.id)).toMatchObject([{ role: 'admin' }]);
			expect((await listMembers(world.db, world.orgA.id)).map((ms) => ms.role)).toEqual([
				'admin',
				'member'
			]);
		});
	});

	describe('?/remove', () => {
		it('removes a member for the secretariat', async () => {
			expect(await call('remove', users.secretariat, { userId: world.memberA.id })).toMatchObject({
				action: 'remove'
			});
			expect(await listMembers(world.db, world.orgA.id)).toHaveLength(1);
		});

		it("answers 404 for another organisation's member, and to a member who tries", async () => {
			const before = await rowCounts(world.db);
			await expect(call('remove', users.adminA, { userId: world.adminB.id })).rejects.toMatchObject(
				{ status: 404 }
			);
			await expect(
				call('remove', users.memberA, { userId: world.adminA.id })
			).rejects.toMatchObject({ status: 404 });
			await expect(
				call('remove', users.adminA, { userId: world.memberA.id }, world.orgB.slug)
			).rejects.toMatchObject({ status: 404 });
			expect(await rowCounts(world.db)).toEqual(before);
		});

		it('keeps the last admin', async () => {
			const result = await call('remove', users.adminA, { userId: world.adminA.id });
			expect(result.status).toBe(400);
			expect(await listMembers(world.db, world.orgA.id)).toHaveLength(2);
		});
	});
});
