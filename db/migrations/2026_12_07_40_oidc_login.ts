import { sql, type Kysely } from 'kysely';

// Outside logins (OpenID Connect): the identities tied to accounts, the logins under way, the
// provider's ID token of a session (for RP-initiated logout), and organisations' CVR/P-number.
export async function up(db: Kysely<unknown>): Promise<void> {
	await db.schema
		.createTable('linked_identity')
		.addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
		.addColumn('user_id', 'uuid', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
		.addColumn('provider', 'text', (c) => c.notNull())
		.addColumn('subject', 'text', (c) => c.notNull())
		.addColumn('email', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('last_login_at', 'timestamptz')
		.addUniqueConstraint('linked_identity_provider_subject_key', ['provider', 'subject'])
		.addUniqueConstraint('linked_identity_user_provider_key', ['user_id', 'provider'])
		.execute();

	// One row per login under way; the browser holds a random id, only its SHA-256 is stored.
	await db.schema
		.createTable('oidc_attempt')
		.addColumn('id_hash', 'bytea', (c) => c.primaryKey())
		.addColumn('provider', 'text', (c) => c.notNull())
		.addColumn('state', 'text', (c) => c.notNull())
		.addColumn('nonce', 'text', (c) => c.notNull())
		.addColumn('code_verifier', 'text', (c) => c.notNull())
		.addColumn('purpose', 'text', (c) =>
			c.notNull().check(sql`purpose in ('login','link','invitation')`)
		)
		.addColumn('user_id', 'uuid', (c) => c.references('app_user.id').onDelete('cascade'))
		.addColumn('invitation_id', 'uuid', (c) => c.references('user_token.id').onDelete('cascade'))
		.addColumn('next', 'text', (c) => c.notNull().defaultTo('/'))
		.addColumn('expires_at', 'timestamptz', (c) => c.notNull())
		.execute();

	await db.schema.alterTable('user_session').addColumn('oidc_provider', 'text').execute();
	await db.schema.alterTable('user_session').addColumn('oidc_id_token', 'text').execute();

	await db.schema
		.alterTable('organisation')
		.addColumn('cvr', 'text', (c) => c.check(sql`cvr ~ '^[0-9]{8}$'`))
		.execute();
	await db.schema
		.alterTable('organisation')
		.addColumn('p_number', 'text', (c) => c.check(sql`p_number ~ '^[0-9]{10}$'`))
		.execute();
	await db.schema
		.createIndex('organisation_cvr_key')
		.unique()
		.on('organisation')
		.column('cvr')
		.execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await db.schema.dropIndex('organisation_cvr_key').execute();
	await db.schema.alterTable('organisation').dropColumn('p_number').execute();
	await db.schema.alterTable('organisation').dropColumn('cvr').execute();
	await db.schema.alterTable('user_session').dropColumn('oidc_id_token').execute();
	await db.schema.alterTable('user_session').dropColumn('oidc_provider').execute();
	await db.schema.dropTable('oidc_attempt').execute();
	await db.schema.dropTable('linked_identity').execute();
}
