import type { Kysely, Selectable, Transaction } from 'kysely';
import type { DB, OidcAttemptTable, Role } from '$lib/platform/server/db/schema';

// The SQL of outside logins: logins under way, linked identities, accounts they open.

type Db = Kysely<DB> | Transaction<DB>;

/** A login under way as the flow sees it: the row without its key and its expiry. */
export type AttemptRow = Omit<Selectable<OidcAttemptTable>, 'idHash' | 'expiresAt'>;

export async function insertAttempt(
	db: Db,
	idHash: Uint8Array,
	row: AttemptRow,
	expiresAt: Date
): Promise<void> {
	await db
		.insertInto('oidcAttempt')
		.values({ idHash, ...row, expiresAt })
		.execute();
}

/** Deletes and returns the attempt: a callback uses it once, a replay finds nothing. */
export async function takeAttempt(
	db: Db,
	idHash: Uint8Array,
	now: Date
): Promise<AttemptRow | null> {
	const row = await db
		.deleteFrom('oidcAttempt')
		.where('idHash', '=', idHash)
		.returning([
			'provider',
			'state',
			'nonce',
			'codeVerifier',
			'purpose',
			'userId',
			'invitationId',
			'next',
			'expiresAt'
		])
		.executeTakeFirst();
	if (!row || row.expiresAt.getTime() <= now.getTime()) return null;
	const { provider, state, nonce, codeVerifier, purpose, userId, invitationId, next } = row;
	return { provider, state, nonce, codeVerifier, purpose, userId, invitationId, next };
}

export async function deleteExpiredAttempts(db: Db, now: Date): Promise<number> {
	const result = await db
		.deleteFrom('oidcAttempt')
		.where('expiresAt', '<=', now)
		.executeTakeFirst();
	return Number(result.numDeletedRows);
}

export function findLinkedIdentity(db: Db, provider: string, subject: string) {
	return db
		.selectFrom('linkedIdentity')
		.select(['id', 'userId'])
		.where('provider', '=', provider)
		.where('subject', '=', subject)
		.executeTakeFirst();
}

export function findUserProviderLink(db: Db, userId: string, provider: string) {
	return db
		.selectFrom('linkedIdentity')
		.select('id')
		.where('userId', '=', userId)
		.where('provider', '=', provider)
		.executeTakeFirst();
}

export function insertLinkedIdentity(
	db: Db,
	values: { userId: string; provider: string; subject: string; email: string },
	now: Date
) {
	return db
		.insertInto('linkedIdentity')
		.values({ ...values, createdAt: now, lastLoginAt: now })
		.returning('id')
		.executeTakeFirstOrThrow();
}

export async function touchLinkedIdentity(db: Db, id: string, now: Date): Promise<void> {
	await db.updateTable('linkedIdentity').set({ lastLoginAt: now }).where('id', '=', id).execute();
}

export function listLinkedIdentityRows(db: Db, userId: string) {
	return db
		.selectFrom('linkedIdentity')
		.select(['id', 'provider', 'email', 'createdAt', 'lastLoginAt'])
		.where('userId', '=', userId)
		.orderBy('createdAt')
		.execute();
}

/** Deletes one of the user's own identities; null when it is not theirs or does not exist. */
export function deleteLinkedIdentity(db: Db, userId: string, id: string) {
	return db
		.deleteFrom('linkedIdentity')
		.where('id', '=', id)
		.where('userId', '=', userId)
		.returning(['provider', 'email'])
		.executeTakeFirst();
}

export async function countLogins(db: Db, userId: string) {
	const user = await db
		.selectFrom('appUser')
		.select((eb) => [
			'passwordHash',
			eb
				.selectFrom('linkedIdentity')
				.select(eb.fn.countAll<string>().as('n'))
				.whereRef('linkedIdentity.userId', '=', 'appUser.id')
				.as('identities')
		])
		.where('id', '=', userId)
		.executeTakeFirst();
	return user
		? { hasPassword: user.passwordHash !== null, identities: Number(user.identities ?? 0) }
		: null;
}

export async function findUserName(db: Db, userId: string): Promise<string | null> {
	const row = await db
		.selectFrom('appUser')
		.select('name')
		.where('id', '=', userId)
		.executeTakeFirst();
	return row?.name ?? null;
}

export function findOrganisationByCvr(db: Db, cvr: string) {
	return db
		.selectFrom('organisation')
		.select(['id', 'name'])
		.where('cvr', '=', cvr)
		.executeTakeFirst();
}

/** Adds the membership when it is missing; true when it was added. */
export async function addMembershipIfMissing(
	db: Db,
	userId: string,
	organisationId: string,
	role: Role
): Promise<boolean> {
	const rows = await db
		.insertInto('membership')
		.values({ userId, organisationId, role })
		.onConflict((oc) => oc.columns(['userId', 'organisationId']).doNothing())
		.returning('userId')
		.execute();
	return rows.length > 0;
}

/** The invitation by id while it can still be used, locked for the transaction that uses it. */
export function findUsableInvitation(db: Db, id: string, now: Date) {
	return db
		.selectFrom('userToken')
		.select(['id', 'email', 'organisationId', 'role'])
		.where('id', '=', id)
		.where('kind', '=', 'invitation')
		.where('usedAt', 'is', null)
		.where('expiresAt', '>', now)
		.forUpdate()
		.executeTakeFirst();
}

export async function markInvitationUsed(db: Db, id: string, now: Date): Promise<void> {
	await db.updateTable('userToken').set({ usedAt: now }).where('id', '=', id).execute();
}

export async function setSessionOidc(
	db: Db,
	sessionId: string,
	provider: string,
	idToken: string
): Promise<void> {
	await db
		.updateTable('userSession')
		.set({ oidcProvider: provider, oidcIdToken: idToken })
		.where('id', '=', sessionId)
		.execute();
}

/** Deletes the session and tells which provider (and ID token) it came from, if any. */
export function deleteSessionReturningOidc(db: Db, sessionId: string) {
	return db
		.deleteFrom('userSession')
		.where('id', '=', sessionId)
		.returning(['oidcProvider', 'oidcIdToken'])
		.executeTakeFirst();
}
