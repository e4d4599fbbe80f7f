import type { Kysely } from 'kysely';
import type { Actor, ActorMembership } from '$lib/auth/actor';
import type { DB } from '$lib/platform/server/db/schema';
import {
	constantTimeEqual,
	generateSecureRandomString,
	hashSecret
} from '$lib/platform/server/random';
import {
	deleteSession,
	deleteSessionsExpiredBy,
	deleteUserSessions,
	findSessionWithUser,
	insertSession,
	setSessionExpiry
} from './queries/sessions';

// Sessions the Lucia way (lucia-auth.com): token = id.secret, only SHA-256(secret) is stored.
export const SESSION_COOKIE = 'session';
const DAY = 24 * 60 * 60 * 1000;
export const SESSION_LIFETIME_MS = 30 * DAY;
/** A session used in its second half is extended to a full lifetime again (sliding expiry). */
const RENEW_THRESHOLD_MS = SESSION_LIFETIME_MS / 2;

export interface SessionRecord {
	id: string;
	userId: string;
	createdAt: Date;
	expiresAt: Date;
}

/** A membership as the session carries it: the actor's (see $lib/auth/actor). */
export type SessionMembership = ActorMembership;

/** The logged-in user: the actor, and the language the pages speak to them in. */
export interface SessionUser extends Actor {
	locale: string;
	memberships: SessionMembership[];
}

export type SessionValidation =
	| { session: SessionRecord; user: SessionUser; fresh: boolean }
	| { session: null; user: null; fresh: false };

export async function createSession(
	db: Kysely<DB>,
	userId: string,
	now = new Date()
): Promise<{ token: string; session: SessionRecord }> {
	const id = generateSecureRandomString();
	const secret = generateSecureRandomString();
	const expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS);
	await insertSession(db, {
		id,
		secretHash: hashSecret(secret),
		userId,
		createdAt: now,
		expiresAt
	});
	return { token: `${id}.${secret}`, session: { id, userId, createdAt: now, expiresAt } };
}

export async function validateSessionToken(
	db: Kysely<DB>,
	token: string,
	now = new Date()
): Promise<SessionValidation> {
	const none = { session: null, user: null, fresh: false } as const;
	const parts = token.split('.');
	if (parts.length !== 2 || !/^[a-z2-7]{32}$/.test(parts[0]) || !/^[a-z2-7]{32}$/.test(parts[1]))
		return none;
	const [id, secret] = parts;
	const [row] = await findSessionWithUser(db, { id });
	if (!row) return none;
	if (!constantTimeEqual(hashSecret(secret), new Uint8Array(row.secretHash))) return none;
	if (now.getTime() >= row.expiresAt.getTime()) {
		await invalidateSession(db, id);
		return none;
	}
	let expiresAt = row.expiresAt;
	let fresh = false;
	if (row.expiresAt.getTime() - now.getTime() < RENEW_THRESHOLD_MS) {
		expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS);
		await setSessionExpiry(db, id, expiresAt);
		fresh = true;
	}
	const memberships = row.memberships;
	return {
		session: { id: row.id, userId: row.userId, createdAt: row.createdAt, expiresAt },
		user: {
			id: row.userId,
			email: row.email,
			name: row.name,
			isSecretariat: row.isSecretariat,
			locale: row.locale,
			memberships
		},
		fresh
	};
}

export { findSessionMemberships } from './queries/sessions';

export async function invalidateSession(db: Kysely<DB>, sessionId: string): Promise<void> {
	await deleteSession(db, sessionId);
}

/** Logs a user out everywhere (password change, reset), optionally keeping one session. */
export async function invalidateUserSessions(
	db: Kysely<DB>,
	userId: string,
	exceptSessionId?: string
): Promise<void> {
	await deleteUserSessions(db, userId, exceptSessionId);
}

export function deleteExpiredSessions(db: Kysely<DB>, now = new Date()): Promise<number> {
	return deleteSessionsExpiredBy(db, now);
}
