import type { Kysely } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import { prepared } from '$lib/platform/server/db/prepared';
import type { Actor, ActorMembership } from '$lib/auth';
import type { DB } from '$lib/platform/server/db/schema';
import {
	constantTimeEqual,
	generateSecureRandomString,
	hashSecret
} from '$lib/platform/server/random';

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
	await db
		.insertInto('userSession')
		.values({ id, secretHash: hashSecret(secret), userId, createdAt: now, expiresAt })
		.execute();
	return { token: `${id}.${secret}`, session: { id, userId, createdAt: now, expiresAt } };
}

const MEMBERSHIP_COLUMNS = [
	'membership.organisationId',
	'membership.role',
	'organisation.name',
	'organisation.slug',
	'organisation.kind',
	'organisation.municipalityId'
] as const;

/** Every request with a cookie asks this: one round trip, compiled once (db/prepared.ts). */
const sessionQuery = prepared((db, v: { id: string }) =>
	db
		.selectFrom('userSession')
		.innerJoin('appUser', 'appUser.id', 'userSession.userId')
		.select([
			'userSession.id',
			'userSession.secretHash',
			'userSession.userId',
			'userSession.createdAt',
			'userSession.expiresAt',
			'appUser.email',
			'appUser.name',
			'appUser.isSecretariat',
			'appUser.locale'
		])
		// The memberships as a JSON array in the same row.
		.select((eb) =>
			jsonArrayFrom(
				eb
					.selectFrom('membership')
					.innerJoin('organisation', 'organisation.id', 'membership.organisationId')
					.select(MEMBERSHIP_COLUMNS)
					.whereRef('membership.userId', '=', 'userSession.userId')
					.orderBy('organisation.name')
			).as('memberships')
		)
		.where('userSession.id', '=', v.id)
);

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
	const [row] = await sessionQuery(db, { id });
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
		await db.updateTable('userSession').set({ expiresAt }).where('id', '=', id).execute();
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

export async function findSessionMemberships(
	db: Kysely<DB>,
	userId: string
): Promise<SessionMembership[]> {
	return db
		.selectFrom('membership')
		.innerJoin('organisation', 'organisation.id', 'membership.organisationId')
		.select(MEMBERSHIP_COLUMNS)
		.where('membership.userId', '=', userId)
		.orderBy('organisation.name')
		.execute();
}

export async function invalidateSession(db: Kysely<DB>, sessionId: string): Promise<void> {
	await db.deleteFrom('userSession').where('id', '=', sessionId).execute();
}

/** Logs a user out everywhere (password change, reset), optionally keeping one session. */
export async function invalidateUserSessions(
	db: Kysely<DB>,
	userId: string,
	exceptSessionId?: string
): Promise<void> {
	let q = db.deleteFrom('userSession').where('userId', '=', userId);
	if (exceptSessionId) q = q.where('id', '<>', exceptSessionId);
	await q.execute();
}

export async function deleteExpiredSessions(db: Kysely<DB>, now = new Date()): Promise<number> {
	const result = await db
		.deleteFrom('userSession')
		.where('expiresAt', '<=', now)
		.executeTakeFirst();
	return Number(result.numDeletedRows);
}
