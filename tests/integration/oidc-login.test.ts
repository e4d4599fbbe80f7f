import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
	createSession,
	validateSessionToken,
	SESSION_COOKIE
} from '../../src/lib/auth/server/session';
import { OIDC_ATTEMPT_COOKIE } from '../../src/lib/auth/server/session-cookie';
import { createInvitation, findValidToken } from '../../src/lib/auth/server/user-token';
import {
	load as startLoad,
	actions as startActions
} from '../../src/routes/login/oidc/[provider]/+page.server';
import { load as callbackLoad } from '../../src/routes/login/oidc/[provider]/callback/+page.server';
import { actions as logoutActions } from '../../src/routes/logout/+page.server';
import {
	load as profileLoad,
	actions as profileActions
} from '../../src/routes/profil/+page.server';
import { load as loginLoad } from '../../src/routes/login/+page.server';
import { deleteExpiredRows } from '../../src/lib/platform/server/server-jobs';
import { useEmptyDatabase } from '../helpers/db';
import {
	CLIENT_ID,
	CLIENT_SECRET,
	startTestProvider,
	type TestProvider
} from '../helpers/oidc-provider';
import { createOrganisation, createUser } from './auth-fixtures';
import { CookieJar, authEvent, outcome } from './login-route.fixtures';

// Issue 15: OpenID Connect login against a real provider (oidc-provider) on a loopback port.
// The routes are called as one browser would, with its cookie jar; the provider is reached over
// HTTP by openid-client exactly as in production, only the person typing at it is scripted.

const APP = 'http://localhost';

describe('OpenID Connect login', () => {
	const database = useEmptyDatabase();
	let op: TestProvider;
	const saved: Record<string, string | undefined> = {};
	const setEnv = (values: Record<string, string>) => {
		for (const [k, v] of Object.entries(values)) {
			if (!(k in saved)) saved[k] = process.env[k];
			process.env[k] = v;
		}
	};

	beforeAll(async () => {
		op = await startTestProvider({
			redirectUris: [`${APP}/login/oidc/test/callback`, `${APP}/login/oidc/nocvr/callback`],
			postLogoutRedirectUris: [`${APP}/`]
		});
		const common = (id: string, name: string) => ({
			[`OIDC_${id}_ISSUER`]: op.issuer,
			[`OIDC_${id}_CLIENT_ID`]: CLIENT_ID,
			[`OIDC_${id}_CLIENT_SECRET`]: CLIENT_SECRET,
			[`OIDC_${id}_NAME`]: name,
			[`OIDC_${id}_SCOPES`]: 'openid email profile company',
			[`OIDC_${id}_CLAIM_CVR`]: 'cvr',
			[`OIDC_${id}_CLAIM_ORGANISATION`]: 'org_name'
		});
		setEnv({
			OIDC_PROVIDERS: 'test,nocvr',
			...common('TEST', 'MitID Erhverv (test)'),
			OIDC_TEST_CVR_MAPPING: 'ja',
			...common('NOCVR', 'UNI-login (test)')
		});
		op.accounts.set('teacher-1', { email: 'laerer@skole.dk', name: 'Lærer Lise' });
		op.accounts.set('stranger-1', { email: 'fremmed@example.dk', name: 'Fremmed' });
		op.accounts.set('company-1', {
			email: 'smed@bygholm.dk',
			name: 'Smed Søren',
			cvr: '12345678',
			org_name: 'Bygholm Stål ApS'
		});
	});
	afterAll(async () => {
		for (const [k, v] of Object.entries(saved)) {
			if (v === undefined) delete process.env[k];
			else process.env[k] = v;
		}
		await op?.close();
	});
	beforeEach(async () => {
		op.tamperIdToken(null);
	});

	const db = () => database.db;
	const loggedInAs = async (userId: string) => {
		const { token } = await createSession(db(), userId);
		const v = await validateSessionToken(db(), token);
		return { user: v.user, session: v.session };
	};
	type Who = Awaited<ReturnType<typeof loggedInAs>> | null;

	/** GET /login/oidc/<provider>: answers the provider's authorization URL. */
	async function start(jar: CookieJar, query = '', who: Who = null, provider = 'test') {
		return outcome(() =>
			startLoad(
				authEvent(db(), {
					path: `/login/oidc/${provider}${query}`,
					params: { provider },
					jar,
					user: who?.user ?? null,
					session: who?.session ?? null
				})
			)
		);
	}

	async function callback(jar: CookieJar, url: URL, who: Who = null, provider = 'test') {
		return outcome(() =>
			callbackLoad(
				authEvent(db(), {
					path: url.pathname + url.search,
					params: { provider },
					jar,
					user: who?.user ?? null,
					session: who?.session ?? null
				})
			)
		);
	}

	/** Start, log in at the provider as `subject`, and answer the callback URL (not yet called). */
	async function toCallback(
		jar: CookieJar,
		subject: string,
		query = '',
		who: Who = null,
		provider = 'test'
	) {
		const started = await start(jar, query, who, provider);
		if (started.kind !== 'redirect') throw new Error(`start: ${JSON.stringify(started)}`);
		op.loginAs(subject);
		return op.authorize(started.location, `${APP}/login/oidc/${provider}/callback`);
	}

	const linkIdentity = async (userId: string, subject: string, provider = 'test') =>
		db().insertInto('linkedIdentity').values({ userId, provider, subject, email: '' }).execute();

	const sessionOf = async (jar: CookieJar) => {
		const token = jar.get(SESSION_COOKIE);
		return token ? validateSessionToken(db(), token) : null;
	};

	describe('the login page', () => {
		it('shows a button per configured provider and keeps the password form', async () => {
			const result = await outcome(() =>
				loginLoad(authEvent(db(), { path: '/login?next=/kalender' }))
			);
			expect(result).toMatchObject({
				kind: 'data',
				data: {
					next: '/kalender',
					providers: [
						{ id: 'test', name: 'MitID Erhverv (test)' },
						{ id: 'nocvr', name: 'UNI-login (test)' }
					]
				}
			});
		});
	});

	describe('login', () => {
		it('logs a linked identity in with a session like the password login, to `next`', async () => {
			const user = await createUser(db(), 'laerer@skole.dk');
			await linkIdentity(user.id, 'teacher-1');
			const jar = new CookieJar();
			const started = await start(jar, '?next=/kalender');
			expect(started.kind).toBe('redirect');
			const authorization = new URL((started as { location: string }).location);
			// PKCE S256, state and nonce on the way out.
			expect(authorization.origin).toBe(op.issuer);
			expect(authorization.searchParams.get('code_challenge_method')).toBe('S256');
			expect(authorization.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
			expect(authorization.searchParams.get('state')).toBeTruthy();
			expect(authorization.searchParams.get('nonce')).toBeTruthy();
			expect(jar.get(OIDC_ATTEMPT_COOKIE)).toMatch(/^[a-z2-7]{32}$/);
			expect(jar.options.get(OIDC_ATTEMPT_COOKIE)).toMatchObject({
				httpOnly: true,
				sameSite: 'lax',
				path: '/login/oidc'
			});

			op.loginAs('teacher-1');
			const back = await op.authorize(authorization.href, `${APP}/login/oidc/test/callback`);
			const result = await callback(jar, back);
			expect(result).toEqual({ kind: 'redirect', status: 303, location: '/kalender' });
			const session = await sessionOf(jar);
			expect(session?.user?.id).toBe(user.id);
			const row = await db()
				.selectFrom('userSession')
				.select(['oidcProvider', 'oidcIdToken'])
				.executeTakeFirstOrThrow();
			expect(row.oidcProvider).toBe('test');
			expect(row.oidcIdToken).toMatch(/^ey/);
			expect(jar.get(OIDC_ATTEMPT_COOKIE)).toBeUndefined();
		});

		it('refuses a code exchanged without the right PKCE verifier (the provider checks it)', async () => {
			const user = await createUser(db(), 'laerer@skole.dk');
			await linkIdentity(user.id, 'teacher-1');
			const jar = new CookieJar();
			const back = await toCallback(jar, 'teacher-1');
			await db()
				.updateTable('oidcAttempt')
				.set({ codeVerifier: 'x'.repeat(43) })
				.execute();
			const result = await callback(jar, back);
			expect(result).toMatchObject({ kind: 'error', status: 400 });
			expect((result as { message: string }).message).toMatch(/kunne ikke gennemføres/);
			expect(await sessionOf(jar)).toBeNull();
		});

		it('refuses a wrong state, and the attempt is used up', async () => {
			const user = await createUser(db(), 'laerer@skole.dk');
			await linkIdentity(user.id, 'teacher-1');
			const jar = new CookieJar();
			const back = await toCallback(jar, 'teacher-1');
			const forged = new URL(back);
			forged.searchParams.set('state', 'angriberens-state');
			const attemptId = jar.get(OIDC_ATTEMPT_COOKIE)!;
			expect(await callback(jar, forged)).toMatchObject({ kind: 'error', status: 400 });
			expect(await sessionOf(jar)).toBeNull();
			// The real callback afterwards finds no attempt: state is checked once.
			jar.set(OIDC_ATTEMPT_COOKIE, attemptId);
			const again = await callback(jar, back);
			expect(again).toMatchObject({ kind: 'error', status: 400 });
			expect((again as { message: string }).message).toMatch(/udløbet, allerede brugt/);
		});

		it('refuses a replayed callback and a replayed code', async () => {
			const user = await createUser(db(), 'laerer@skole.dk');
			await linkIdentity(user.id, 'teacher-1');
			const jar = new CookieJar();
			const back = await toCallback(jar, 'teacher-1');
			const attemptId = jar.get(OIDC_ATTEMPT_COOKIE)!;
			const attempt = await db().selectFrom('oidcAttempt').selectAll().executeTakeFirstOrThrow();
			expect((await callback(jar, back)).kind).toBe('redirect');

			// The same callback again (the browser's back button, a stolen URL): no attempt left.
			const replay = new CookieJar();
			replay.set(OIDC_ATTEMPT_COOKIE, attemptId);
			expect(await callback(replay, back)).toMatchObject({ kind: 'error', status: 400 });
			// Even with the attempt put back, the provider refuses the used code.
			await db().insertInto('oidcAttempt').values(attempt).execute();
			expect(await callback(replay, back)).toMatchObject({ kind: 'error', status: 400 });
			expect(replay.get(SESSION_COOKIE)).toBeUndefined();
		});

		it.each([
			[
				'expired',
				(p: Record<string, unknown>, s: import('../helpers/oidc-provider').Signer) =>
					s.withProviderKey({
						...p,
						iat: Math.floor(Date.now() / 1000) - 7200,
						exp: Math.floor(Date.now() / 1000) - 3600
					})
			],
			[
				'wrongly signed',
				(p: Record<string, unknown>, s: import('../helpers/oidc-provider').Signer) =>
					s.withOtherKey(p)
			],
			[
				'for another audience',
				(p: Record<string, unknown>, s: import('../helpers/oidc-provider').Signer) =>
					s.withProviderKey({ ...p, aud: 'en-anden-klient' })
			],
			[
				'with another nonce',
				(p: Record<string, unknown>, s: import('../helpers/oidc-provider').Signer) =>
					s.withProviderKey({ ...p, nonce: 'en-anden-nonce' })
			]
		])('refuses an ID token %s, with a Danish 400 and no session', async (_case, tamper) => {
			const user = await createUser(db(), 'laerer@skole.dk');
			await linkIdentity(user.id, 'teacher-1');
			// The untampered token is accepted (so the refusal below is the tampering's doing).
			op.tamperIdToken((p, s) => s.withProviderKey(p));
			const ok = new CookieJar();
			expect((await callback(ok, await toCallback(ok, 'teacher-1'))).kind).toBe('redirect');

			op.tamperIdToken(tamper);
			const jar = new CookieJar();
			const result = await callback(jar, await toCallback(jar, 'teacher-1'));
			expect(result).toMatchObject({ kind: 'error', status: 400 });
			expect((result as { message: string }).message).toBe(
				'Login med MitID Erhverv (test) kunne ikke gennemføres. Prøv igen fra login-siden.'
			);
			expect(jar.get(SESSION_COOKIE)).toBeUndefined();
		});

		it('tells an unknown identity whom to ask, and creates nothing', async () => {
			const jar = new CookieJar();
			const result = await callback(jar, await toCallback(jar, 'stranger-1'));
			expect(result).toMatchObject({ kind: 'error', status: 403 });
			expect((result as { message: string }).message).toMatch(
				/^Dit login med MitID Erhverv \(test\) er ikke knyttet til en konto i Årshjul\. Bed sekretariatet eller en administrator i din organisation om en invitation\./
			);
			expect(await db().selectFrom('appUser').select('id').execute()).toEqual([]);
		});

		it('never ties an identity to an account by its e-mail claim alone', async () => {
			// An account with the very e-mail the provider claims, but not linked.
			await createUser(db(), 'laerer@skole.dk');
			const jar = new CookieJar();
			const result = await callback(jar, await toCallback(jar, 'teacher-1'));
			expect(result).toMatchObject({ kind: 'error', status: 403 });
			expect(jar.get(SESSION_COOKIE)).toBeUndefined();
			expect(await db().selectFrom('linkedIdentity').select('id').execute()).toEqual([]);
		});
	});

	describe('CVR mapping', () => {
		const companyWithCvr = async () => {
			const org = await createOrganisation(db(), 'Bygholm Stål ApS');
			await db()
				.updateTable('organisation')
				.set({ cvr: '12345678' })
				.where('id', '=', org.id)
				.execute();
			return org;
		};

		it('ties a company user to the organisation with the CVR in the claim', async () => {
			const org = await companyWithCvr();
			const jar = new CookieJar();
			const result = await callback(jar, await toCallback(jar, 'company-1'));
			expect(result).toMatchObject({ kind: 'redirect', location: '/' });
			const session = await sessionOf(jar);
			expect(session?.user).toMatchObject({ email: 'smed@bygholm.dk', name: 'Smed Søren' });
			expect(session?.user?.memberships).toMatchObject([
				{ organisationId: org.id, role: 'member' }
			]);
			const user = await db()
				.selectFrom('appUser')
				.select('passwordHash')
				.executeTakeFirstOrThrow();
			expect(user.passwordHash).toBeNull();
			const audit = await db()
				.selectFrom('auditEvent')
				.select(['entityType', 'action', 'organisationId'])
				.orderBy('entityType')
				.execute();
			expect(audit).toEqual([
				{ entityType: 'linked_identity', action: 'create', organisationId: null },
				{ entityType: 'membership', action: 'create', organisationId: org.id }
			]);
		});

		it('does not map when the provider is not allowed to', async () => {
			await companyWithCvr();
			const jar = new CookieJar();
			const back = await toCallback(jar, 'company-1', '', null, 'nocvr');
			const result = await callback(jar, back, null, 'nocvr');
			expect(result).toMatchObject({ kind: 'error', status: 403 });
			// The organisation's name from the claims says whom to ask.
			expect((result as { message: string }).message).toMatch(
				/Bed en administrator i Bygholm Stål ApS eller sekretariatet om en invitation/
			);
			expect(await db().selectFrom('appUser').select('id').execute()).toEqual([]);
		});

		it('does not take over an account with the claimed e-mail: asks to log in and link', async () => {
			await companyWithCvr();
			const existing = await createUser(db(), 'smed@bygholm.dk');
			const jar = new CookieJar();
			const result = await callback(jar, await toCallback(jar, 'company-1'));
			expect(result).toMatchObject({ kind: 'error', status: 409 });
			expect((result as { message: string }).message).toMatch(/Der findes allerede en konto/);
			expect(await db().selectFrom('linkedIdentity').select('id').execute()).toEqual([]);
			expect(
				await db()
					.selectFrom('membership')
					.select('userId')
					.where('userId', '=', existing.id)
					.execute()
			).toEqual([]);
		});
	});

	describe('invitation', () => {
		it('makes the invited account, linked to the identity, with the membership', async () => {
			const org = await createOrganisation(db(), 'Stensballeskolen');
			const admin = await createUser(db(), 'admin@skole.dk');
			const { token } = await createInvitation(db(), {
				email: 'ny.laerer@skole.dk',
				organisationId: org.id,
				role: 'member',
				createdBy: admin.id
			});
			const jar = new CookieJar();
			const back = await toCallback(jar, 'teacher-1', `?invitation=${token}`);
			const result = await callback(jar, back);
			expect(result).toMatchObject({ kind: 'redirect', location: '/' });
			const session = await sessionOf(jar);
			// The e-mail is the invitation's, not the provider's claim.
			expect(session?.user).toMatchObject({ email: 'ny.laerer@skole.dk', name: 'Lærer Lise' });
			expect(session?.user?.memberships).toMatchObject([
				{ organisationId: org.id, role: 'member' }
			]);
			expect(await findValidToken(db(), 'invitation', token)).toBeNull();
			const linked = await db()
				.selectFrom('linkedIdentity')
				.select(['provider', 'subject', 'userId'])
				.execute();
			expect(linked).toEqual([
				{ provider: 'test', subject: 'teacher-1', userId: session!.user!.id }
			]);
		});

		it('asks an existing account to log in first, and leaves the invitation unused', async () => {
			const org = await createOrganisation(db(), 'Stensballeskolen');
			const admin = await createUser(db(), 'admin@skole.dk');
			await createUser(db(), 'laerer@skole.dk');
			const { token } = await createInvitation(db(), {
				email: 'laerer@skole.dk',
				organisationId: org.id,
				role: 'admin',
				createdBy: admin.id
			});
			const jar = new CookieJar();
			const result = await callback(
				jar,
				await toCallback(jar, 'teacher-1', `?invitation=${token}`)
			);
			expect(result).toMatchObject({
				kind: 'error',
				status: 403,
				message: 'Log ind som laerer@skole.dk for at tage imod invitationen.'
			});
			expect(await findValidToken(db(), 'invitation', token)).not.toBeNull();
			expect(await db().selectFrom('linkedIdentity').select('id').execute()).toEqual([]);
		});

		it('answers 404 for an unknown invitation before going to the provider', async () => {
			const result = await start(new CookieJar(), '?invitation=ukendt');
			expect(result).toMatchObject({ kind: 'error', status: 404 });
		});
	});

	describe('linking from the profile page', () => {
		const post = (jar: CookieJar, who: Who) =>
			outcome(() =>
				startActions.default(
					authEvent(db(), {
						path: '/login/oidc/test',
						params: { provider: 'test' },
						fields: {},
						jar,
						user: who?.user ?? null,
						session: who?.session ?? null
					})
				)
			);

		it('links the identity to the logged-in account, lists it, and removes it', async () => {
			const user = await createUser(db(), 'ida@example.dk');
			const who = await loggedInAs(user.id);
			const jar = new CookieJar();
			const started = await post(jar, who);
			expect(started.kind).toBe('redirect');
			op.loginAs('teacher-1');
			const back = await op.authorize(
				(started as { location: string }).location,
				`${APP}/login/oidc/test/callback`
			);
			const result = await callback(jar, back, who);
			expect(result).toEqual({
				kind: 'redirect',
				status: 303,
				location: '/profil?tilknyttet=test'
			});

			const page = await outcome(() =>
				profileLoad(
					authEvent(db(), { path: '/profil?tilknyttet=test', user: who.user, session: who.session })
				)
			);
			expect(page).toMatchObject({
				kind: 'data',
				data: {
					linkedNow: 'MitID Erhverv (test)',
					logins: [{ providerName: 'MitID Erhverv (test)', email: 'laerer@skole.dk' }],
					linkable: [{ id: 'nocvr', name: 'UNI-login (test)' }]
				}
			});
			const id = (page as { data: { logins: { id: string }[] } }).data.logins[0].id;

			// Next time the identity logs in as this account.
			const later = new CookieJar();
			expect((await callback(later, await toCallback(later, 'teacher-1'))).kind).toBe('redirect');
			expect((await sessionOf(later))?.user?.id).toBe(user.id);

			const removed = await outcome(() =>
				profileActions.unlink(
					authEvent(db(), {
						path: '/profil?/unlink',
						fields: { id },
						user: who.user,
						session: who.session
					})
				)
			);
			expect(removed).toMatchObject({ kind: 'data', data: { removed: 'MitID Erhverv (test)' } });
			expect(await db().selectFrom('linkedIdentity').select('id').execute()).toEqual([]);
			const audit = await db()
				.selectFrom('auditEvent')
				.select(['entityType', 'action', 'actorId'])
				.orderBy('at')
				.execute();
			expect(audit).toEqual([
				{ entityType: 'linked_identity', action: 'create', actorId: user.id },
				{ entityType: 'linked_identity', action: 'delete', actorId: user.id }
			]);
		});

		it('sends a visitor to the login page instead', async () => {
			expect(await post(new CookieJar(), null)).toEqual({
				kind: 'redirect',
				status: 303,
				location: '/login?next=/profil'
			});
		});

		it('refuses an identity that belongs to another account', async () => {
			const owner = await createUser(db(), 'ejer@example.dk');
			await linkIdentity(owner.id, 'teacher-1');
			const user = await createUser(db(), 'ida@example.dk');
			const who = await loggedInAs(user.id);
			const jar = new CookieJar();
			const started = await post(jar, who);
			op.loginAs('teacher-1');
			const back = await op.authorize(
				(started as { location: string }).location,
				`${APP}/login/oidc/test/callback`
			);
			const result = await callback(jar, back, who);
			expect(result).toMatchObject({ kind: 'error', status: 409 });
			const links = await db().selectFrom('linkedIdentity').select('userId').execute();
			expect(links).toEqual([{ userId: owner.id }]);
		});

		it("keeps an account's only way in, and another user's login is not found", async () => {
			const user = await createUser(db(), 'kun-login@example.dk', null);
			await linkIdentity(user.id, 'teacher-1');
			const [{ id }] = await db().selectFrom('linkedIdentity').select('id').execute();
			const who = await loggedInAs(user.id);
			const other = await loggedInAs((await createUser(db(), 'anden@example.dk')).id);
			const unlink = (as: NonNullable<Who>, value: string) =>
				outcome(() =>
					profileActions.unlink(
						authEvent(db(), {
							path: '/profil',
							fields: { id: value },
							user: as.user,
							session: as.session
						})
					)
				);
			expect(await unlink(who, id)).toMatchObject({ kind: 'fail', status: 409 });
			expect(await unlink(other, id)).toMatchObject({ kind: 'fail', status: 404 });
			expect(await unlink(who, 'ikke-et-id')).toMatchObject({ kind: 'fail', status: 400 });
			expect(await db().selectFrom('linkedIdentity').select('id').execute()).toHaveLength(1);
		});
	});

	describe('logout', () => {
		const logout = (jar: CookieJar, who: Who) =>
			outcome(() =>
				logoutActions.default(
					authEvent(db(), {
						path: '/logout',
						fields: {},
						jar,
						user: who?.user ?? null,
						session: who?.session ?? null
					})
				)
			);

		it("ends the app's session and sends the browser to the provider's end-session endpoint", async () => {
			const user = await createUser(db(), 'laerer@skole.dk');
			await linkIdentity(user.id, 'teacher-1');
			const jar = new CookieJar();
			await callback(jar, await toCallback(jar, 'teacher-1'));
			const session = await sessionOf(jar);
			const idToken = (
				await db().selectFrom('userSession').select('oidcIdToken').executeTakeFirstOrThrow()
			).oidcIdToken;
			const result = await logout(jar, { user: session!.user!, session: session!.session! });
			expect(result.kind).toBe('redirect');
			const location = new URL((result as { location: string }).location);
			expect(`${location.origin}${location.pathname}`).toBe(`${op.issuer}/session/end`);
			expect(location.searchParams.get('id_token_hint')).toBe(idToken);
			expect(location.searchParams.get('post_logout_redirect_uri')).toBe(`${APP}/`);
			expect(await db().selectFrom('userSession').select('id').execute()).toEqual([]);
			expect(jar.get(SESSION_COOKIE)).toBeUndefined();
			// The provider accepts it: it answers its logout page, not an error.
			const page = await fetch(location, { redirect: 'manual' });
			expect(page.status).toBe(200);
			expect(await page.text()).toContain('logout');
		});

		it('sends a password session home, as before', async () => {
			const user = await createUser(db(), 'ida@example.dk');
			const who = await loggedInAs(user.id);
			expect(await logout(new CookieJar(), who)).toEqual({
				kind: 'redirect',
				status: 303,
				location: '/'
			});
		});
	});

	describe('hostile or broken callbacks', () => {
		it.each([
			['no parameters', ''],
			['an error from the provider', '?error=access_denied&error_description=nej'],
			['two codes', '?code=a&code=b&state=s'],
			['a 10 kB code', `?code=${'x'.repeat(10_240)}&state=s`],
			['HTML in the state', '?code=a&state=%3Cscript%3Ealert(1)%3C%2Fscript%3E'],
			['an iss of another issuer', '?code=a&state=s&iss=https%3A%2F%2Fevil.example']
		])('answers a Danish 400 for %s, with a live attempt', async (_case, query) => {
			const jar = new CookieJar();
			await start(jar);
			const result = await callback(jar, new URL(`${APP}/login/oidc/test/callback${query}`));
			expect(result).toMatchObject({ kind: 'error', status: 400 });
			expect((result as { message: string }).message).toMatch(/kunne ikke gennemføres|udløbet/);
		});

		it.each([
			['no attempt cookie', undefined],
			['a malformed attempt cookie', '../../etc'],
			['an unknown attempt', 'a'.repeat(32)]
		])('answers a Danish 400 for %s', async (_case, cookie) => {
			const jar = new CookieJar();
			if (cookie) jar.set(OIDC_ATTEMPT_COOKIE, cookie);
			const result = await callback(jar, new URL(`${APP}/login/oidc/test/callback?code=a&state=b`));
			expect(result).toMatchObject({ kind: 'error', status: 400 });
		});

		it('refuses an expired attempt, which the cleanup job removes', async () => {
			const jar = new CookieJar();
			await start(jar);
			const past = new Date(Date.now() - 1000);
			await db().updateTable('oidcAttempt').set({ expiresAt: past }).execute();
			const result = await callback(jar, new URL(`${APP}/login/oidc/test/callback?code=a&state=b`));
			expect(result).toMatchObject({ kind: 'error', status: 400 });
			await start(new CookieJar());
			await db().updateTable('oidcAttempt').set({ expiresAt: past }).execute();
			expect(await deleteExpiredRows(db())).toMatchObject({ oidcAttempts: 1 });
			expect(await db().selectFrom('oidcAttempt').select('state').execute()).toEqual([]);
		});

		it("refuses an attempt started for another provider's callback", async () => {
			const jar = new CookieJar();
			await start(jar, '', null, 'nocvr');
			const result = await callback(jar, new URL(`${APP}/login/oidc/test/callback?code=a&state=b`));
			expect(result).toMatchObject({ kind: 'error', status: 400 });
		});

		it('answers 404 for a provider that is not configured', async () => {
			expect(await start(new CookieJar(), '', null, 'ukendt')).toMatchObject({
				kind: 'error',
				status: 404
			});
			const result = await callback(
				new CookieJar(),
				new URL(`${APP}/login/oidc/ukendt/callback`),
				null,
				'ukendt'
			);
			expect(result).toMatchObject({ kind: 'error', status: 404 });
		});
	});

	describe('throttling', () => {
		it('answers 429 in Danish once the address has used its attempts', async () => {
			await db()
				.insertInto('rateLimit')
				.values({ key: 'login:ip:198.51.100.1', tokens: 0, refilledAt: new Date() })
				.execute();
			const started = await start(new CookieJar());
			expect(started).toMatchObject({ kind: 'error', status: 429 });
			expect((started as { message: string }).message).toMatch(/For mange loginforsøg/);
			const result = await callback(new CookieJar(), new URL(`${APP}/login/oidc/test/callback`));
			expect(result).toMatchObject({ kind: 'error', status: 429 });
		});

		it('counts failed callbacks against the address, and gives a successful login its tokens back', async () => {
			const user = await createUser(db(), 'laerer@skole.dk');
			await linkIdentity(user.id, 'teacher-1');
			const tokens = async () =>
				(
					await db()
						.selectFrom('rateLimit')
						.select('tokens')
						.where('key', '=', 'login:ip:198.51.100.1')
						.executeTakeFirstOrThrow()
				).tokens;
			const jar = new CookieJar();
			await callback(jar, await toCallback(jar, 'teacher-1'));
			expect(await tokens()).toBeCloseTo(20, 0);
			await callback(new CookieJar(), new URL(`${APP}/login/oidc/test/callback`));
			expect(await tokens()).toBeCloseTo(19, 0);
		});
	});
});
