import type { Kysely } from 'kysely';
import type { DB } from '$lib/platform/server/db/schema';

/**
 * The named secret, inserting `candidate` first when there is none. Two instances starting at
 * once both insert; the first wins and both read the winner.
 */
export async function findOrInsertSecret(
	db: Kysely<DB>,
	name: string,
	candidate: Uint8Array
): Promise<Uint8Array> {
	await db
		.insertInto('appSecret')
		.values({ name, value: candidate })
		.onConflict((oc) => oc.column('name').doNothing())
		.execute();
	const row = await db
		.selectFrom('appSecret')
		.select('value')
		.where('name', '=', name)
		.executeTakeFirstOrThrow();
	return row.value;
}
