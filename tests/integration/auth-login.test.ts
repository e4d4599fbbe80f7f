import { beforeEach, describe, expect, it } from 'vitest';
import { logIn, requestPasswordReset } from '../../src/lib/auth/server/auth';
import { LOGIN_PER_IP, consumeToken } from '../../src/lib/auth/server/throttle';
import { useEmptyDatabase } from '../helpers/db';
import { PASSWORD, createUser } from './auth-fixtures';

const T0 = new Date('2026-10-12T08:00:00Z');
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

describe('auth', () => {
	const database = useEmptyDatabase();
	let userId: string;
	beforeEach(async () => {
		userId = (await createUser(database.db, 'Ida@Example.dk')).id;
	});

	const attempt = (password: string, now: Date, email = 'ida@example.dk', ip = '10.0.0.1') =>
		logIn(database.db, { email, password, ip, now });

	describe('logIn', () => {
		it('accepts the right password, whatever the case of the e-mail', async () => {
			expect(await attempt(PASSWORD, T0, ' IDA@example.DK ')).toEqual({ ok: true, userId });
		});

		it('gives the same answer for an unknown e-mail as for a wrong password', async () => {
			const wrong = await attempt('forkert kode', T0);
			const unknown = await attempt(PASSWORD, T0, 'ingen@example.dk');
			expect(wrong).toEqual({ ok: false, reason: 'invalid' });
			expect(unknown).toEqual(wrong);
		});

		it('refuses an account without a password (invited, never accepted)', async () => {
			await createUser(database.db, 'ny@example.dk', null);
			expect(await attempt('', T0, 'ny@example.dk')).toEqual({ ok: false, reason: 'invalid' });
		});

		it('throttles the sixth attempt on one account within a minute', async () => {
			for (let i = 0; i < 5; i++) expect((await attempt('forkert', at(i))).ok).toBe(false);
			const sixth = await attempt(PASSWORD, at(5));
			expect(sixth).toMatchObject({ ok: false, reason: 'throttled' });
			expect(
				sixth.ok === false && sixth.reason === 'throttled' && sixth.retryAfterSeconds
			).toBeGreaterThan(0);
		});

		it('throttles an unknown e-mail exactly like a known one', async () => {
			for (let i = 0; i < 5; i++) await attempt('x', at(i), 'ingen@example.dk');
			expect(await attempt('x', at(5), 'ingen@example.dk')).toMatchObject({ reason: 'throttled' });
		});

		it('allows an attempt again once a token has refilled', async () => {
			for (let i = 0; i < 5; i++) await attempt('forkert', at(0));
			const throttled = await attempt(PASSWORD, at(1));
			if (throttled.ok || throttled.reason !== 'throttled') throw new Error('expected throttled');
			expect(await attempt(PASSWORD, at(1 + throttled.retryAfterSeconds))).toEqual({
				ok: true,
				userId
			});
		});

		it('resets the account bucket after a successful login', async () => {
			for (let i = 0; i < 4; i++) await attempt('forkert', at(0));
			expect((await attempt(PASSWORD, at(0))).ok).toBe(true);
			for (let i = 0; i < 4; i++) await attempt('forkert', at(1));
			expect((await attempt(PASSWORD, at(1))).ok).toBe(true);
		});

		it('lets many people log in from one IP: only failed attempts count', async () => {
			for (let i = 0; i < LOGIN_PER_IP.max + 5; i++) {
				expect((await attempt(PASSWORD, at(0))).ok).toBe(true);
			}
		});

		it('throttles one IP trying many accounts', async () => {
			for (let i = 0; i < LOGIN_PER_IP.max; i++) {
				expect(await attempt('x', at(0), `person${i}@example.dk`)).toMatchObject({
					reason: 'invalid'
				});
			}
			expect(await attempt(PASSWORD, at(0))).toMatchObject({ ok: false, reason: 'throttled' });
			// Another IP is not affected.
			expect(await attempt(PASSWORD, at(0), 'ida@example.dk', '10.0.0.2')).toEqual({
				ok: true,
				userId
			});
		});
	});

	describe('consumeToken', () => {
		it('counts retryAfterSeconds until the next token', async () => {
			const policy = { max: 1, refillSeconds: 60 };
			expect(await consumeToken(database.db, 'k', policy, at(0))).toEqual({ allowed: true });
			expect(await consumeToken(database.db, 'k', policy, at(15))).toEqual({
				allowed: false,
				retryAfterSeconds: 45
			});
			expect(await consumeToken(database.db, 'k', policy, at(60))).toEqual({ allowed: true });
		});

		it('never takes more tokens than the bucket holds under concurrent use', async () => {
			const policy = { max: 3, refillSeconds: 3600 };
			const results = await Promise.all(
				Array.from({ length: 8 }, () => consumeToken(database.db, 'busy', policy, at(0)))
			);
			expect(results.filter((r) => r.allowed)).toHaveLength(3);
		});
	});

	describe('requestPasswordReset', () => {
		const request = (email: string, ip = '10.0.0.1') =>
			requestPasswordReset(database.db, {
				email,
				ip,
				origin: 'https://aarshjul.example',
				now: at(0)
			});

		it('records a reset mail with an absolute link for a known account only', async () => {
			expect(await request('ida@example.dk')).toEqual({ ok: true });
			expect(await request('ingen@example.dk')).toEqual({ ok: true });
			const mails = await database.db.selectFrom('outbox').selectAll().execute();
			expect(mails).toHaveLength(1);
			expect(mails[0].toAddress).toBe('ida@example.dk');
			expect(mails[0].bodyText).toMatch(/https:\/\/aarshjul\.example\/nulstil\/[a-z2-7]{32}/);
		});

		it('stops mailing one address after a few requests but answers the same', async () => {
			for (let i = 0; i < 5; i++) expect(await request('ida@example.dk')).toEqual({ ok: true });
			const mails = await database.db.selectFrom('outbox').select('id').execute();
			expect(mails).toHaveLength(3);
		});
	});
});
