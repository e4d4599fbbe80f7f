import type { Insertable, Kysely } from 'kysely';
import type { DB, UserTokenKind, UserTokenTable } from '$lib/platform/server/db/schema';

// The SQL of invitation and reset links: rows found by the token's hash, each usable once.

export async function insertUserToken(
	db: Kysely<DB>,
	row: Insertable<UserTokenTable>
): Promise<void> {
	await db.insertInto('userToken').values(row).execute();
}

export async function findUsableToken(
	db: Kysely<DB>,
	kind: UserTokenKind,
	tokenHash: Uint8Array,
	now: Date
) {
	const row = await db
		.selectFrom('userToken')
		.select(['id', 'email', 'organisationId', 'role', 'userId'])
		.where('kind', '=', kind)
		.where('tokenHash', '=', tokenHash)
		.where('usedAt', 'is', null)
		.where('expiresAt', '>', now)
		.executeTakeFirst();
	return row ?? null;
}

/**
 * Marks a token used in the same statement that checks it, so that of two simultaneous
 * submissions only one gets a row back.
 */
export function markTokenUsed(
	db: Kysely<DB>,
	kind: UserTokenKind,
	tokenHash: Uint8Array,
	now: Date
) {
	return db
		.updateTable('userToken')
		.set({ usedAt: now })
		.where('kind', '=', kind)
		.where('tokenHash', '=', tokenHash)
		.where('usedAt', 'is', null)
		.where('expiresAt', '>', now)
		.returning(['email', 'userId', 'organisationId', 'role'])
		.executeTakeFirst();
}

/** Marks every unused reset link of the user used. */
export async function markResetTokensUsed(
	db: Kysely<DB>,
	userId: string,
	now: Date
): Promise<void> {
	await db
		.updateTable('userToken')
		.set({ usedAt: now })
		.where('kind', '=', 'reset')
		.where('userId', '=', userId)
		.where('usedAt', 'is', null)
		.execute();
}
