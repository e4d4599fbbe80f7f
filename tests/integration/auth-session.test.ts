import { beforeEach, describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../../src/lib/auth/server/password';
import {
	SESSION_LIFETIME_MS,
	createSession,
	invalidateSession,
	invalidateUserSessions,
	validateSessionToken
} from '../../src/lib/auth/server/session';
import { useEmptyDatabase } from '../helpers/db';
import { countSessions, createUser } from './auth-fixtures';

const DAY = 24 * 60 * 60 * 1000;

describe('session', () => {
	const database = useEmptyDatabase();
	let userId: string;
	beforeEach(async () => {
		userId = (await createUser(database.db)).id;
	});

	describe('createSession', () => {
		it('returns a token that validates to the user, without renewing a new session', async () => {
			const now = new Date('2026-09-01T10:00:00Z');
			const { token, session } = await createSession(database.db, userId, now);
			expect(session.expiresAt.getTime()).toBe(now.getTime() + SESSION_LIFETIME_MS);
			const result = await validateSessionToken(database.db, token, new Date(now.getTime() + DAY));
			expect(result.user?.id).toBe(userId);
			expect(result.user?.email).toBe('ida@example.dk');
			expect(result.fresh).toBe(false);
		});

		it('stores only a hash of the secret', async () => {
			const { token, session } = await createSession(database.db, userId);
			const row = await database.db
				.selectFrom('userSession')
				.selectAll()
				.where('id', '=', session.id)
				.executeTakeFirstOrThrow();
			const secret = token.split('.')[1];
			expect(Buffer.from(row.secretHash).toString('utf8')).not.toContain(secret);
			expect(row.secretHash.byteLength).toBe(32);
		});
	});

	describe('validateSessionToken', () => {
		it('renews a session used in the second half of its lifetime (fresh)', async () => {
			const start = new Date('2026-09-01T10:00:00Z');
			const { token } = await createSession(database.db, userId, start);
			const later = new Date(start.getTime() + 20 * DAY);
			const result = await validateSessionToken(database.db, token, later);
			expect(result.fresh).toBe(true);
			expect(result.session?.expiresAt.getTime()).toBe(later.getTime() + SESSION_LIFETIME_MS);
		});

		it('refuses and deletes an expired session', async () => {
			const start = new Date('2026-09-01T10:00:00Z');
			const { token } = await createSession(database.db, userId, start);
			const after = new Date(start.getTime() + SESSION_LIFETIME_MS + 1000);
			expect((await validateSessionToken(database.db, token, after)).session).toBeNull();
			expect(await countSessions(database.db, userId)).toBe(0);
		});

		it('refuses a token with the wrong secret', async () => {
			const { token } = await createSession(database.db, userId);
			const [id] = token.split('.');
			const forged = `${id}.${'a'.repeat(32)}`;
			expect((await validateSessionToken(database.db, forged)).session).toBeNull();
		});

		it.each([
			'',
			'abc',
			'a.b.c',
			`${'A'.repeat(32)}.${'a'.repeat(32)}`,
			`${'a'.repeat(31)}.${'a'.repeat(32)}`
		])('refuses a token in the wrong format: %j', async (token) => {
			await createSession(database.db, userId);
			expect((await validateSessionToken(database.db, token)).session).toBeNull();
		});

		it('refuses a well-formed token with an unknown id', async () => {
			const token = `${'b'.repeat(32)}.${'c'.repeat(32)}`;
			expect((await validateSessionToken(database.db, token)).user).toBeNull();
		});
	});

	describe('invalidateSession', () => {
		it('ends exactly that session', async () => {
			const one = await createSession(database.db, userId);
			const two = await createSession(database.db, userId);
			await invalidateSession(database.db, one.session.id);
			expect((await validateSessionToken(database.db, one.token)).session).toBeNull();
			expect((await validateSessionToken(database.db, two.token)).session).not.toBeNull();
		});
	});

	describe('invalidateUserSessions', () => {
		it('ends all sessions but the one kept', async () => {
			const keep = await createSession(database.db, userId);
			await createSession(database.db, userId);
			await createSession(database.db, userId);
			await invalidateUserSessions(database.db, userId, keep.session.id);
			expect(await countSessions(database.db, userId)).toBe(1);
			expect((await validateSessionToken(database.db, keep.token)).session).not.toBeNull();
		});
	});
});

describe('password', () => {
	it('hashes with Argon2id and verifies the right password only', async () => {
		const hash = await hashPassword('en lang sætning');
		expect(hash.startsWith('$argon2id$')).toBe(true);
		expect(await verifyPassword(hash, 'en lang sætning')).toBe(true);
		expect(await verifyPassword(hash, 'en lang saetning')).toBe(false);
	});

	it('gives different hashes for the same password (salted)', async () => {
		expect(await hashPassword('samme')).not.toBe(await hashPassword('samme'));
	});

	it('answers false, not an exception, for a broken hash', async () => {
		expect(await verifyPassword('not-a-hash', 'x')).toBe(false);
	});
});
