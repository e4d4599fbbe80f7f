import type { Kysely } from 'kysely';

// What each feed variant last answered: its ETag and a Last-Modified that never goes back. When
// an event is deleted or leaves a feed, the latest change left in the feed is older than what
// clients already hold; without this row they would be told "not modified" and keep the event.
export async function up(db: Kysely<unknown>): Promise<void> {
	await db.schema
		.createTable('feed_version')
		.addColumn('key', 'text', (c) => c.primaryKey())
		.addColumn('etag', 'text', (c) => c.notNull())
		.addColumn('last_modified', 'timestamptz', (c) => c.notNull())
		.execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await db.schema.dropTable('feed_version').execute();
}
