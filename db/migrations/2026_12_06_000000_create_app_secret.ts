import { sql, type Kysely } from 'kysely';

// Secrets the app makes for itself, once, and shares between its instances through the database:
// the HMAC key of the known-device login cookie when DEVICE_COOKIE_KEY is not set.
export async function up(db: Kysely<unknown>): Promise<void> {
	await db.schema
		.createTable('app_secret')
		.addColumn('name', 'text', (c) => c.primaryKey())
		.addColumn('value', 'bytea', (c) => c.notNull())
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await db.schema.dropTable('app_secret').execute();
}
