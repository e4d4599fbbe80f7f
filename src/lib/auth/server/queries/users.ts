import { sql, type Kysely } from 'kysely';
import type { DB } from '$lib/platform/server/db/schema';

// The SQL of accounts: found by e-mail (case-insensitive, as people type it), created, changed.

/** Compares with lower(email): addresses are stored as typed by an import or an old form. */
const lowerEmail = sql<string>`lower(email)`;
const normalised = (email: string) => email.trim().toLowerCase();

const ACCOUNT_COLUMNS = ['id', 'email', 'name', 'passwordHash', 'isSecretariat'] as const;

export function findUserByEmail(db: Kysely<DB>, email: string) {
	return db
		.selectFrom('appUser')
		.select(ACCOUNT_COLUMNS)
		.where(lowerEmail, '=', normalised(email))
		.executeTakeFirst();
}

/** The same row, locked for the transaction: two acceptances for one e-mail do not both create it. */
export function lockUserByEmail(db: Kysely<DB>, email: string) {
	return db
		.selectFrom('appUser')
		.select(ACCOUNT_COLUMNS)
		.where(lowerEmail, '=', normalised(email))
		.forUpdate()
		.executeTakeFirst();
}

export async function findPasswordHash(db: Kysely<DB>, userId: string): Promise<string | null> {
	const row = await db
		.selectFrom('appUser')
		.select('passwordHash')
		.where('id', '=', userId)
		.executeTakeFirst();
	return row?.passwordHash ?? null;
}

/** True when at least one account exists. */
export async function hasAnyUser(db: Kysely<DB>): Promise<boolean> {
	const row = await db.selectFrom('appUser').select('id').limit(1).executeTakeFirst();
	return row !== undefined;
}

export async function insertUser(
	db: Kysely<DB>,
	values: {
		email: string;
		name: string;
		passwordHash: string | null;
		passwordChangedAt?: Date;
		isSecretariat?: boolean;
	}
): Promise<string> {
	const row = await db
		.insertInto('appUser')
		.values(values)
		.returning('id')
		.executeTakeFirstOrThrow();
	return row.id;
}

export async function setPasswordHash(
	db: Kysely<DB>,
	userId: string,
	passwordHash: string,
	changedAt: Date
): Promise<void> {
	await db
		.updateTable('appUser')
		.set({ passwordHash, passwordChangedAt: changedAt })
		.where('id', '=', userId)
		.execute();
}

export async function setUserName(db: Kysely<DB>, userId: string, name: string): Promise<void> {
	await db.updateTable('appUser').set({ name }).where('id', '=', userId).execute();
}

export async function makeSecretariat(db: Kysely<DB>, userId: string): Promise<void> {
	await db.updateTable('appUser').set({ isSecretariat: true }).where('id', '=', userId).execute();
}
