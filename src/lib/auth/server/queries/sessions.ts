import type { Kysely } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import { prepared } from '$lib/platform/server/db/prepared';
import type { ActorMembership } from '$lib/auth/actor';
import type { DB } from '$lib/platform/server/db/schema';

// The SQL of sessions: one row per login, only the secret's hash stored.

export async function insertSession(
	db: Kysely<DB>,
	row: { id: string; secretHash: Uint8Array; userId: string; createdAt: Date; expiresAt: Date }
): Promise<void> {
	await db.insertInto('userSession').values(row).execute();
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
export const findSessionWithUser = prepared((db, v: { id: string }) =>
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

/** The user's memberships as the session carries them, by organisation name. */
export function findSessionMemberships(db: Kysely<DB>, userId: string): Promise<ActorMembership[]> {
	return db
		.selectFrom('membership')
		.innerJoin('organisation', 'organisation.id', 'membership.organisationId')
		.select(MEMBERSHIP_COLUMNS)
		.where('membership.userId', '=', userId)
		.orderBy('organisation.name')
		.execute();
}

export async function setSessionExpiry(
	db: Kysely<DB>,
	sessionId: string,
	expiresAt: Date
): Promise<void> {
	await db.updateTable('userSession').set({ expiresAt }).where('id', '=', sessionId).execute();
}

export async function deleteSession(db: Kysely<DB>, sessionId: string): Promise<void> {
	await db.deleteFrom('userSession').where('id', '=', sessionId).execute();
}

/** Every session of the user, but `exceptSessionId` when given. */
export async function deleteUserSessions(
	db: Kysely<DB>,
	userId: string,
	exceptSessionId?: string
): Promise<void> {
	let q = db.deleteFrom('userSession').where('userId', '=', userId);
	if (exceptSessionId) q = q.where('id', '<>', exceptSessionId);
	await q.execute();
}

/** Deletes the sessions expired by `now`; how many. */
export async function deleteSessionsExpiredBy(db: Kysely<DB>, now: Date): Promise<number> {
	const result = await db
		.deleteFrom('userSession')
		.where('expiresAt', '<=', now)
		.executeTakeFirst();
	return Number(result.numDeletedRows);
}
