import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEVICE_COOKIE, deviceKey } from '../../src/lib/auth/server/login-device';
import { SESSION_COOKIE } from '../../src/lib/auth/server/session';
import { actions } from '../../src/routes/login/+page.server';
import { createTestDatabase, useEmptyDatabase } from '../helpers/db';
import { PASSWORD, createUser } from './auth-fixtures';
import { CookieJar, authEvent, outcome } from './login-route.fixtures';

// Issue 12, point 8: five wrong passwords from anywhere used to make the account answer 429 to
// its owner too. The owner's browser, known from a signed cookie, now gets in regardless.
describe('login action with a known device', () => {
	const database = useEmptyDatabase();
	beforeEach(async () => {
		await createUser(database.db, 'ida@example.dk');
		await createUser(database.db, 'bo@example.dk');
	});

	const logIn = (jar: CookieJar, ip: string, password = PASSWORD, email = 'ida@example.dk') =>
		outcome(() =>
			actions.default(
				authEvent(database.db, { path: '/login', jar, ip, fields: { email, password } })
			)
		);
	/** An attacker guessing from many addresses, none of which hits the per-IP limit. */
	const hammer = async (times: number, email = 'ida@example.dk') => {
		for (let i = 0; i < times; i++)
			await logIn(new CookieJar(), `203.0.113.${i % 200}`, 'gæt', email);
	};

	it('lets the owner in from a known browser while the account is being hammered', async () => {
		const owner = new CookieJar();
		expect(await logIn(owner, '198.51.100.1')).toMatchObject({ kind: 'redirect', status: 303 });
		owner.delete(SESSION_COOKIE); // logged out, the device cookie stays
		await hammer(30);

		// The account limit still holds for every other browser, the right password included…
		expect(await logIn(new CookieJar(), '198.51.100.2')).toMatchObject({
			kind: 'fail',
			status: 429
		});
		// …but not for the owner's.
		expect(await logIn(owner, '198.51.100.1')).toMatchObject({ kind: 'redirect', status: 303 });
		await hammer(5);
		expect(await logIn(owner, '198.51.100.9')).toMatchObject({ kind: 'redirect', status: 303 });
	});

	it('sets the device cookie HttpOnly, SameSite=Lax and long-lived', async () => {
		const owner = new CookieJar();
		await logIn(owner, '198.51.100.1');
		expect(owner.get(DEVICE_COOKIE)).toMatch(/^[0-9a-f]{32}:[0-9a-f-]{36}:[\w-]+$/);
		expect(owner.options.get(DEVICE_COOKIE)).toMatchObject({
			httpOnly: true,
			sameSite: 'lax',
			path: '/',
			maxAge: expect.any(Number)
		});
		expect(owner.options.get(DEVICE_COOKIE)!.maxAge as number).toBeGreaterThan(300 * 24 * 3600);
	});

	it('still slows guessing from a known browser, in a bucket of its own', async () => {
		const owner = new CookieJar();
		await logIn(owner, '198.51.100.1');
		for (let i = 0; i < 5; i++)
			expect(await logIn(owner, '198.51.100.1', 'gæt')).toMatchObject({ status: 400 });
		expect(await logIn(owner, '198.51.100.1')).toMatchObject({ kind: 'fail', status: 429 });
		// The guesses on that browser did not use up the account's bucket for another one.
		expect(await logIn(new CookieJar(), '198.51.100.2')).toMatchObject({ kind: 'redirect' });
	});

	it('does not trust a forged or altered cookie, nor one for another account', async () => {
		const owner = new CookieJar();
		await logIn(owner, '198.51.100.1');
		await hammer(10);
		await hammer(10, 'bo@example.dk');
		const genuine = owner.get(DEVICE_COOKIE)!;
		const forged = new CookieJar();
		forged.set(DEVICE_COOKIE, genuine.slice(0, -2) + (genuine.endsWith('A') ? 'BB' : 'AA'));
		expect(await logIn(forged, '198.51.100.3')).toMatchObject({ status: 429 });
		// Ida's browser is not Bo's.
		expect(await logIn(owner, '198.51.100.1', PASSWORD, 'bo@example.dk')).toMatchObject({
			status: 429
		});
	});

	describe('deviceKey', () => {
		const saved = process.env.DEVICE_COOKIE_KEY;
		afterEach(() => {
			if (saved === undefined) delete process.env.DEVICE_COOKIE_KEY;
			else process.env.DEVICE_COOKIE_KEY = saved;
		});

		it('is made once and kept in the database, so every instance shares it', async () => {
			delete process.env.DEVICE_COOKIE_KEY;
			// A database of its own: the key of the shared one is cached since an earlier test.
			const fresh = await createTestDatabase();
			try {
				const key = await deviceKey(fresh.db);
				expect(key.length).toBe(32);
				expect(Buffer.from(await deviceKey(fresh.db)).equals(Buffer.from(key))).toBe(true);
				const rows = await fresh.db.selectFrom('appSecret').selectAll().execute();
				expect(rows.map((r) => Buffer.from(r.value).equals(Buffer.from(key)))).toEqual([true]);
			} finally {
				await fresh.close();
			}
		});

		it('comes from DEVICE_COOKIE_KEY when that is set', async () => {
			process.env.DEVICE_COOKIE_KEY = 'a-configured-secret-of-32-characters!';
			expect(Buffer.from(await deviceKey(database.db)).toString()).toBe(
				'a-configured-secret-of-32-characters!'
			);
		});
	});
});
