import { sql, type Kysely } from 'kysely';
import type { DB } from '$lib/platform/server/db/schema';

// The SQL of the throttle's token buckets (throttle.ts decides what the numbers mean).

/** Creates the bucket full when it does not exist yet; an existing one is left as it is. */
export async function insertBucketIfMissing(
	db: Kysely<DB>,
	key: string,
	tokens: number,
	now: Date
): Promise<void> {
	await db
		.insertInto('rateLimit')
		.values({ key, tokens, refilledAt: now })
		.onConflict((oc) => oc.column('key').doNothing())
		.execute();
}

/** The bucket, locked (`select … for update`) until the transaction ends. */
export function lockBucket(db: Kysely<DB>, key: string) {
	return db
		.selectFrom('rateLimit')
		.select(['tokens', 'refilledAt'])
		.where('key', '=', key)
		.forUpdate()
		.executeTakeFirstOrThrow();
}

export async function setBucket(
	db: Kysely<DB>,
	key: string,
	tokens: number,
	refilledAt: Date
): Promise<void> {
	await db.updateTable('rateLimit').set({ tokens, refilledAt }).where('key', '=', key).execute();
}

/** One token more, never above `max`: computed in the statement, so no read is needed. */
export async function addBucketToken(db: Kysely<DB>, key: string, max: number): Promise<void> {
	await db
		.updateTable('rateLimit')
		.set((eb) => ({
			tokens: sql<number>`least(${max}::double precision, ${eb.ref('tokens')} + 1)`
		}))
		.where('key', '=', key)
		.execute();
}

export async function deleteBucket(db: Kysely<DB>, key: string): Promise<void> {
	await db.deleteFrom('rateLimit').where('key', '=', key).execute();
}

/** Deletes the buckets last refilled before `cutoff`; how many. */
export async function deleteBucketsRefilledBefore(db: Kysely<DB>, cutoff: Date): Promise<number> {
	const result = await db
		.deleteFrom('rateLimit')
		.where('refilledAt', '<', cutoff)
		.executeTakeFirst();
	return Number(result.numDeletedRows);
}
