import { sql, type Kysely } from 'kysely';

// Secret calendar feed addresses. Only the SHA-256 of a token is stored (like sessions), so the
// address can be shown once, when it is made; rotating revokes the old row and makes a new one.
// One live address per organisation and per user (partial unique indexes on revoked_at is null).
export async function up(db: Kysely<unknown>): Promise<void> {
	await db.schema
		.createTable('feed_token')
		.addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
		.addColumn('scope', 'text', (c) =>
			c.notNull().check(sql`scope in ('school','company','municipality','user','organisation')`)
		)
		.addColumn('organisation_id', 'uuid', (c) =>
			c.references('organisation.id').onDelete('cascade')
		)
		.addColumn('user_id', 'uuid', (c) => c.references('app_user.id').onDelete('cascade'))
		.addColumn('token_hash', 'bytea', (c) => c.notNull().unique())
		.addColumn('created_by', 'uuid', (c) => c.references('app_user.id').onDelete('set null'))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('revoked_at', 'timestamptz')
		.addCheckConstraint(
			'feed_token_subject',
			sql`(scope = 'user' and user_id is not null and organisation_id is null)
				or (scope <> 'user' and organisation_id is not null and user_id is null)`
		)
		.execute();
	await db.schema
		.createIndex('feed_token_organisation_live')
		.on('feed_token')
		.column('organisation_id')
		.unique()
		.where(sql.ref('revoked_at'), 'is', null)
		.where(sql.ref('organisation_id'), 'is not', null)
		.execute();
	await db.schema
		.createIndex('feed_token_user_live')
		.on('feed_token')
		.column('user_id')
		.unique()
		.where(sql.ref('revoked_at'), 'is', null)
		.where(sql.ref('user_id'), 'is not', null)
		.execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await db.schema.dropTable('feed_token').execute();
}
