import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema';

// Statements about the database itself rather than a table.

/** `select 1`: on PostgreSQL it takes (and so checks) a pooled connection. */
export async function pingDatabase(db: Kysely<DB>): Promise<void> {
	await sql`select 1`.execute(db);
}

/**
 * pg_try_advisory_xact_lock(space, key): true when this transaction now holds the lock (until it
 * ends), false at once when another session holds it.
 */
export async function tryAdvisoryTransactionLock(
	trx: Kysely<DB>,
	space: number,
	key: number
): Promise<boolean> {
	const { rows } = await sql<{ locked: boolean }>`
		select pg_try_advisory_xact_lock(${space}::int, ${key}::int) as locked`.execute(trx);
	return rows[0]?.locked === true;
}
