import { beforeEach, describe, expect, it } from 'vitest';
import { changePassword, logIn } from '../../src/lib/auth/server/auth';
import { createSession, validateSessionToken } from '../../src/lib/auth/server/session';
import { acceptInvitation, findInvitation } from '../../src/lib/auth/server/invitation';
import {
	createInvitation,
	createPasswordReset,
	findValidToken,
	resetPassword
} from '../../src/lib/auth/server/user-token';
import { useEmptyDatabase } from '../helpers/db';
import { PASSWORD, countSessions, createOrganisation, createUser } from './auth-fixtures';

const HOUR = 60 * 60 * 1000;
const NEW_PASSWORD = 'en helt ny adgangskode';

describe('user-token', () => {
	const database = useEmptyDatabase();
	let orgId: string;
	let adminId: string;
	beforeEach(async () => {
		orgId = (await createOrganisation(database.db)).id;
		adminId = (await createUser(database.db, 'admin@example.dk')).id;
	});

	const invite = (email = 'Ny@Example.dk', role: 'admin' | 'member' = 'member', now?: Date) =>
		createInvitation(database.db, { email, organisationId: orgId, role, createdBy: adminId }, now);
	const membership = (userId: string) =>
		database.db.selectFrom('membership').selectAll().where('userId', '=', userId).execute();

	describe('createInvitation', () => {
		it('stores only a hash, expiring after 7 days', async () => {
			const now = new Date('2026-09-01T10:00:00Z');
			const { token, expiresAt } = await invite(undefined, undefined, now);
			expect(token).toMatch(/^[a-z2-7]{32}$/);
			expect(expiresAt.getTime() - now.getTime()).toBe(7 * 24 * HOUR);
			const row = await database.db.selectFrom('userToken').selectAll().executeTakeFirstOrThrow();
			expect(row.email).toBe('ny@example.dk');
			expect(Buffer.from(row.tokenHash).toString('utf8')).not.toContain(token);
			expect(await findValidToken(database.db, 'invitation', token, now)).toMatchObject({
				email: 'ny@example.dk',
				organisationId: orgId,
				role: 'member'
			});
		});
	});

	describe('acceptInvitation', () => {
		it('creates the user and the membership, and the user can log in', async () => {
			const { token } = await invite();
			const result = await acceptInvitation(database.db, token, {
				name: 'Ny Person',
				password: NEW_PASSWORD
			});
			expect(result).not.toBeNull();
			expect(await membership(result!.userId)).toMatchObject([
				{ organisationId: orgId, role: 'member' }
			]);
			const login = await logIn(database.db, {
				email: 'ny@example.dk',
				password: NEW_PASSWORD,
				ip: '1'
			});
			expect(login).toEqual({ ok: true, userId: result!.userId });
		});

		it('refuses a second use of the same token, even at the same moment', async () => {
			const { token } = await invite();
			const details = { name: 'Ny Person', password: NEW_PASSWORD };
			const results = await Promise.all([
				acceptInvitation(database.db, token, details),
				acceptInvitation(database.db, token, details)
			]);
			expect(results.filter((r) => r !== null)).toHaveLength(1);
			expect(await acceptInvitation(database.db, token, details)).toBeNull();
			expect(await findValidToken(database.db, 'invitation', token)).toBeNull();
		});

		it('refuses an expired invitation', async () => {
			const { token } = await invite(undefined, undefined, new Date(Date.now() - 8 * 24 * HOUR));
			expect(await findInvitation(database.db, token)).toBeNull();
			expect(
				await acceptInvitation(database.db, token, { name: 'X', password: NEW_PASSWORD })
			).toBeNull();
		});

		it('refuses a wrong token', async () => {
			await invite();
			expect(
				await acceptInvitation(database.db, 'a'.repeat(32), { name: 'X', password: NEW_PASSWORD })
			).toBeNull();
		});

		it('adds a membership to an existing account and keeps its password', async () => {
			const existing = await createUser(database.db, 'ida@example.dk');
			const { token } = await invite('ida@example.dk', 'admin');
			expect(await findInvitation(database.db, token)).toMatchObject({
				hasAccount: true,
				organisationName: 'Horsens Kommune'
			});
			expect(await acceptInvitation(database.db, token, { userId: existing.id })).toEqual({
				userId: existing.id
			});
			expect(await membership(existing.id)).toMatchObject([{ role: 'admin' }]);
			expect(
				(await logIn(database.db, { email: 'ida@example.dk', password: PASSWORD, ip: '1' })).ok
			).toBe(true);
		});

		it('refuses an existing account that is not the one logged in, and keeps the token', async () => {
			const existing = await createUser(database.db, 'ida@example.dk');
			const { token } = await invite('ida@example.dk', 'admin');
			// The link alone, a new password, or another account's session: none is Ida's login.
			expect(await acceptInvitation(database.db, token, null)).toBeNull();
			expect(
				await acceptInvitation(database.db, token, { name: 'Mallory', password: NEW_PASSWORD })
			).toBeNull();
			expect(await acceptInvitation(database.db, token, { userId: adminId })).toBeNull();
			expect(await membership(existing.id)).toEqual([]);
			expect(await membership(adminId)).toEqual([]);
			expect(
				(await logIn(database.db, { email: 'ida@example.dk', password: PASSWORD, ip: '1' })).ok
			).toBe(true);
			expect(await findValidToken(database.db, 'invitation', token)).not.toBeNull();
		});

		it('never demotes an existing admin', async () => {
			const { token: first } = await invite('ida@example.dk', 'admin');
			const { userId } = (await acceptInvitation(database.db, first, {
				name: 'Ida',
				password: NEW_PASSWORD
			}))!;
			const { token: second } = await invite('ida@example.dk', 'member');
			await acceptInvitation(database.db, second, { userId });
			expect(await membership(userId)).toMatchObject([{ role: 'admin' }]);
		});

		it('refuses (and does not use up) a new account without name and password', async () => {
			const { token } = await invite();
			expect(await acceptInvitation(database.db, token, null)).toBeNull();
			expect(await findValidToken(database.db, 'invitation', token)).not.toBeNull();
		});
	});

	describe('resetPassword', () => {
		it('sets the password once and ends every session', async () => {
			const user = await createUser(database.db, 'ida@example.dk');
			const { token: session } = await createSession(database.db, user.id);
			const reset = await createPasswordReset(database.db, 'IDA@example.dk');
			expect(reset).not.toBeNull();
			expect(await resetPassword(database.db, reset!.token, NEW_PASSWORD)).toEqual({
				userId: user.id
			});
			expect((await validateSessionToken(database.db, session)).session).toBeNull();
			expect(
				(await logIn(database.db, { email: 'ida@example.dk', password: NEW_PASSWORD, ip: '1' })).ok
			).toBe(true);
			expect(await resetPassword(database.db, reset!.token, 'noget helt tredje')).toBeNull();
		});

		it('returns null for an unknown e-mail', async () => {
			expect(await createPasswordReset(database.db, 'ingen@example.dk')).toBeNull();
		});

		it('refuses an expired link (older than an hour)', async () => {
			await createUser(database.db, 'ida@example.dk');
			const reset = await createPasswordReset(
				database.db,
				'ida@example.dk',
				new Date(Date.now() - 2 * HOUR)
			);
			expect(await findValidToken(database.db, 'reset', reset!.token)).toBeNull();
			expect(await resetPassword(database.db, reset!.token, NEW_PASSWORD)).toBeNull();
		});

		it('does not accept an invitation token as a reset token', async () => {
			const { token } = await invite('admin@example.dk');
			expect(await resetPassword(database.db, token, NEW_PASSWORD)).toBeNull();
		});
	});

	describe('changePassword', () => {
		it('checks the current password, keeps this session and ends the others', async () => {
			const user = await createUser(database.db, 'ida@example.dk');
			const mine = await createSession(database.db, user.id);
			const other = await createSession(database.db, user.id);
			const wrong = await changePassword(
				database.db,
				user.id,
				'forkert',
				NEW_PASSWORD,
				mine.session.id
			);
			expect(wrong).toEqual({ ok: false, reason: 'invalid' });
			expect(await countSessions(database.db, user.id)).toBe(2);
			const ok = await changePassword(
				database.db,
				user.id,
				PASSWORD,
				NEW_PASSWORD,
				mine.session.id
			);
			expect(ok).toEqual({ ok: true });
			expect((await validateSessionToken(database.db, mine.token)).session).not.toBeNull();
			expect((await validateSessionToken(database.db, other.token)).session).toBeNull();
			expect(
				(await logIn(database.db, { email: 'ida@example.dk', password: NEW_PASSWORD, ip: '1' })).ok
			).toBe(true);
		});
	});
});
