import { beforeEach, describe, expect, it } from 'vitest';
import {
	createSession,
	validateSessionToken,
	SESSION_COOKIE
} from '../../src/lib/auth/server/session';
import { createInvitation, findValidToken } from '../../src/lib/auth/server/user-token';
import { actions, load } from '../../src/routes/invitation/[token]/+page.server';
import { actions as loginActions } from '../../src/routes/login/+page.server';
import { useEmptyDatabase } from '../helpers/db';
import { PASSWORD, countSessions, createOrganisation, createUser } from './auth-fixtures';
import { CookieJar, authEvent, outcome } from './login-route.fixtures';

// Issue 12, point 2: an admin could invite the secretariat's address, and the link logged its
// holder in as the secretariat. Now an existing account accepts only while logged in as itself.
describe('invitation route', () => {
	const database = useEmptyDatabase();
	let orgId: string;
	let adminId: string;
	let secretariatId: string;
	let token: string;
	beforeEach(async () => {
		orgId = (await createOrganisation(database.db, 'Bygholm Stål')).id;
		adminId = (await createUser(database.db, 'admin@bygholm.dk')).id;
		secretariatId = (await createUser(database.db, 'sekretariat@example.dk')).id;
		await database.db
			.updateTable('appUser')
			.set({ isSecretariat: true })
			.where('id', '=', secretariatId)
			.execute();
		({ token } = await createInvitation(database.db, {
			email: 'Sekretariat@Example.dk',
			organisationId: orgId,
			role: 'admin',
			createdBy: adminId
		}));
	});

	const loggedInAs = async (userId: string) => {
		const { token: sessionToken } = await createSession(database.db, userId);
		return validateSessionToken(database.db, sessionToken);
	};
	const memberships = (userId: string) =>
		database.db
			.selectFrom('membership')
			.select('organisationId')
			.where('userId', '=', userId)
			.execute();
	const post = (who: Awaited<ReturnType<typeof loggedInAs>> | null, jar = new CookieJar()) =>
		outcome(() =>
			actions.default(
				authEvent(database.db, {
					path: `/invitation/${token}`,
					params: { token },
					fields: {},
					jar,
					user: who?.user ?? null,
					session: who?.session ?? null
				})
			)
		);

	describe('actions.default', () => {
		it('does not let the link set the password of an account that has none yet', async () => {
			// As admin:create leaves a new secretariat administrator until its own link is used.
			await database.db
				.updateTable('appUser')
				.set({ passwordHash: null })
				.where('id', '=', secretariatId)
				.execute();
			const jar = new CookieJar();
			const result = await outcome(() =>
				actions.default(
					authEvent(database.db, {
						path: `/invitation/${token}`,
						params: { token },
						fields: { name: 'Angriber', password: PASSWORD, passwordConfirm: PASSWORD },
						jar,
						user: null,
						session: null
					})
				)
			);
			expect(result).toMatchObject({ kind: 'fail', status: 403 });
			expect(jar.get(SESSION_COOKIE)).toBeUndefined();
			const after = await database.db
				.selectFrom('appUser')
				.select(['passwordHash', 'name'])
				.where('id', '=', secretariatId)
				.executeTakeFirstOrThrow();
			expect(after.passwordHash).toBeNull();
			expect(after.name).not.toBe('Angriber');
			expect(await memberships(secretariatId)).toEqual([]);
			expect(await findValidToken(database.db, 'invitation', token)).not.toBeNull();
		});

		it('does not log a visitor in as the existing account, and asks them to log in', async () => {
			const jar = new CookieJar();
			const result = await post(null, jar);
			expect(result).toMatchObject({
				kind: 'fail',
				status: 403,
				data: { message: 'Log ind som sekretariat@example.dk for at tage imod invitationen.' }
			});
			expect(jar.get(SESSION_COOKIE)).toBeUndefined();
			expect(await countSessions(database.db, secretariatId)).toBe(0);
			expect(await memberships(secretariatId)).toEqual([]);
			expect(await findValidToken(database.db, 'invitation', token)).not.toBeNull();
		});

		it('refuses someone else who is logged in, and changes nothing', async () => {
			const admin = await loggedInAs(adminId);
			const result = await post(admin);
			expect(result).toMatchObject({ kind: 'fail', status: 403 });
			expect(await memberships(secretariatId)).toEqual([]);
			expect(await memberships(adminId)).toEqual([]);
			expect(await countSessions(database.db, secretariatId)).toBe(0);
			expect(await findValidToken(database.db, 'invitation', token)).not.toBeNull();
		});

		it('adds the membership when the invited account itself accepts, keeping its session', async () => {
			const invitee = await loggedInAs(secretariatId);
			const jar = new CookieJar();
			const result = await post(invitee, jar);
			expect(result).toEqual({ kind: 'redirect', status: 303, location: '/' });
			expect(await memberships(secretariatId)).toEqual([{ organisationId: orgId }]);
			expect(jar.get(SESSION_COOKIE)).toBeUndefined();
			expect(await countSessions(database.db, secretariatId)).toBe(1);
			expect(await findValidToken(database.db, 'invitation', token)).toBeNull();
		});

		it('still lets a new address set a password and get an account', async () => {
			({ token } = await createInvitation(database.db, {
				email: 'ny@bygholm.dk',
				organisationId: orgId,
				role: 'member',
				createdBy: adminId
			}));
			const jar = new CookieJar();
			const result = await outcome(() =>
				actions.default(
					authEvent(database.db, {
						path: `/invitation/${token}`,
						params: { token },
						jar,
						fields: { name: 'Nora Ny', password: PASSWORD, passwordConfirm: PASSWORD }
					})
				)
			);
			expect(result).toEqual({ kind: 'redirect', status: 303, location: '/' });
			expect(jar.get(SESSION_COOKIE)).toBeTruthy();
		});
	});

	describe('load', () => {
		it('offers a visitor a login that comes back to the invitation', async () => {
			const path = `/invitation/${token}`;
			const result = await outcome(() => load(authEvent(database.db, { path, params: { token } })));
			expect(result).toMatchObject({
				kind: 'data',
				data: {
					hasAccount: true,
					isInvitee: false,
					loggedInAs: null,
					loginHref: `/login?next=%2Finvitation%2F${token}`
				}
			});
		});

		it('logging in through that link returns to the invitation', async () => {
			const fields = {
				email: 'sekretariat@example.dk',
				password: PASSWORD,
				next: `/invitation/${token}`
			};
			const result = await outcome(() =>
				loginActions.default(authEvent(database.db, { path: '/login', fields }))
			);
			expect(result).toMatchObject({ kind: 'redirect', location: `/invitation/${token}` });
		});

		it('recognises the invited account when it is logged in', async () => {
			const { user, session } = await loggedInAs(secretariatId);
			const result = await outcome(() =>
				load(
					authEvent(database.db, { path: `/invitation/${token}`, params: { token }, user, session })
				)
			);
			expect(result).toMatchObject({ kind: 'data', data: { isInvitee: true } });
		});
	});
});
