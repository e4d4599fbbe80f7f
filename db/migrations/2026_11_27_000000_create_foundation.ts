import { sql, type Kysely } from 'kysely';

// Foundation: organisations, people, sessions, tokens, outbox, categories, activities, holidays.
// Dates of activities are Copenhagen wall-clock dates/times (date + time columns), because the
// alliance plans in local weeks and days; instants (sessions, tokens, audit) are timestamptz.
export async function up(db: Kysely<unknown>): Promise<void> {
	await db.schema
		.createTable('trade')
		.addColumn('code', 'text', (c) => c.primaryKey())
		.addColumn('name_da', 'text', (c) => c.notNull())
		.addColumn('name_en', 'text', (c) => c.notNull())
		.addColumn('sort', 'integer', (c) => c.notNull().defaultTo(0))
		.execute();

	await db.schema
		.createTable('organisation')
		.addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
		.addColumn('kind', 'text', (c) =>
			c
				.notNull()
				.check(
					sql`kind in ('municipality','school','company','vocational_school','museum','partner')`
				)
		)
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('slug', 'text', (c) => c.notNull().unique())
		.addColumn('municipality_id', 'uuid', (c) => c.references('organisation.id'))
		.addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('address', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('website', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('contact_email', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('phone', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addCheckConstraint(
			'organisation_school_has_municipality',
			sql`kind <> 'school' or municipality_id is not null`
		)
		.execute();
	await db.schema
		.createIndex('organisation_municipality_idx')
		.on('organisation')
		.column('municipality_id')
		.execute();

	await db.schema
		.createTable('organisation_trade')
		.addColumn('organisation_id', 'uuid', (c) =>
			c.notNull().references('organisation.id').onDelete('cascade')
		)
		.addColumn('trade_code', 'text', (c) => c.notNull().references('trade.code'))
		.addPrimaryKeyConstraint('organisation_trade_pk', ['organisation_id', 'trade_code'])
		.execute();

	await db.schema
		.createTable('app_user')
		.addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
		.addColumn('email', 'text', (c) => c.notNull())
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('password_hash', 'text')
		.addColumn('is_secretariat', 'boolean', (c) => c.notNull().defaultTo(false))
		.addColumn('locale', 'text', (c) => c.notNull().defaultTo('da'))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('password_changed_at', 'timestamptz')
		.execute();
	await sql`create unique index app_user_email_key on app_user (lower(email))`.execute(db);

	await db.schema
		.createTable('membership')
		.addColumn('user_id', 'uuid', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
		.addColumn('organisation_id', 'uuid', (c) =>
			c.notNull().references('organisation.id').onDelete('cascade')
		)
		.addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('admin','member')`))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addPrimaryKeyConstraint('membership_pk', ['user_id', 'organisation_id'])
		.execute();
	await db.schema
		.createIndex('membership_organisation_idx')
		.on('membership')
		.column('organisation_id')
		.execute();

	// Lucia-style sessions: the id is public, only the SHA-256 of the secret is stored.
	await db.schema
		.createTable('user_session')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('secret_hash', 'bytea', (c) => c.notNull())
		.addColumn('user_id', 'uuid', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('expires_at', 'timestamptz', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('user_session_user_idx').on('user_session').column('user_id').execute();

	// Token buckets for login throttling, shared by every app instance.
	await db.schema
		.createTable('rate_limit')
		.addColumn('key', 'text', (c) => c.primaryKey())
		.addColumn('tokens', 'double precision', (c) => c.notNull())
		.addColumn('refilled_at', 'timestamptz', (c) => c.notNull())
		.execute();

	// Invitation and password-reset tokens, single use, stored hashed.
	await db.schema
		.createTable('user_token')
		.addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
		.addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('invitation','reset')`))
		.addColumn('token_hash', 'bytea', (c) => c.notNull().unique())
		.addColumn('email', 'text', (c) => c.notNull())
		.addColumn('user_id', 'uuid', (c) => c.references('app_user.id').onDelete('cascade'))
		.addColumn('organisation_id', 'uuid', (c) =>
			c.references('organisation.id').onDelete('cascade')
		)
		.addColumn('role', 'text', (c) => c.check(sql`role is null or role in ('admin','member')`))
		.addColumn('created_by', 'uuid', (c) => c.references('app_user.id').onDelete('set null'))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('expires_at', 'timestamptz', (c) => c.notNull())
		.addColumn('used_at', 'timestamptz')
		.execute();

	await db.schema
		.createTable('outbox')
		.addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
		.addColumn('to_address', 'text', (c) => c.notNull())
		.addColumn('subject', 'text', (c) => c.notNull())
		.addColumn('body_text', 'text', (c) => c.notNull())
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('sent_at', 'timestamptz')
		.addColumn('error', 'text')
		.execute();

	await db.schema
		.createTable('category')
		.addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
		.addColumn('slug', 'text', (c) => c.notNull().unique())
		.addColumn('name_da', 'text', (c) => c.notNull())
		.addColumn('name_en', 'text', (c) => c.notNull())
		.addColumn('pillar', 'text', (c) =>
			c
				.notNull()
				.check(sql`pillar in ('laerepladsalliance','skole_virksomhed','rekruttering','faelles')`)
		)
		.addColumn('colour', 'text', (c) => c.notNull().check(sql`colour ~ '^#[0-9a-f]{6}$'`))
		.addColumn('ring', 'integer', (c) => c.notNull())
		.addColumn('sort', 'integer', (c) => c.notNull().defaultTo(0))
		.execute();

	await db.schema
		.createTable('activity')
		.addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
		.addColumn('owner_id', 'uuid', (c) => c.notNull().references('organisation.id').onDelete('cascade'))
		.addColumn('category_id', 'uuid', (c) => c.notNull().references('category.id'))
		.addColumn('title', 'text', (c) => c.notNull())
		.addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('place', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('start_date', 'date', (c) => c.notNull())
		.addColumn('end_date', 'date', (c) => c.notNull())
		.addColumn('start_time', 'time')
		.addColumn('end_time', 'time')
		.addColumn('visibility', 'text', (c) =>
			c.notNull().check(sql`visibility in ('public','alliance','private')`)
		)
		.addColumn('status', 'text', (c) =>
			c.notNull().defaultTo('planned').check(sql`status in ('planned','cancelled')`)
		)
		.addColumn('sequence', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('created_by', 'uuid', (c) => c.references('app_user.id').onDelete('set null'))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addCheckConstraint('activity_dates_ordered', sql`end_date >= start_date`)
		.addCheckConstraint(
			'activity_times_paired',
			sql`(start_time is null) = (end_time is null)`
		)
		.addCheckConstraint(
			'activity_times_ordered',
			sql`start_time is null or end_date > start_date or end_time > start_time`
		)
		.execute();
	await db.schema
		.createIndex('activity_dates_idx')
		.on('activity')
		.columns(['start_date', 'end_date'])
		.execute();
	await db.schema.createIndex('activity_owner_idx').on('activity').column('owner_id').execute();

	await db.schema
		.createTable('activity_participant')
		.addColumn('activity_id', 'uuid', (c) => c.notNull().references('activity.id').onDelete('cascade'))
		.addColumn('organisation_id', 'uuid', (c) =>
			c.notNull().references('organisation.id').onDelete('cascade')
		)
		.addPrimaryKeyConstraint('activity_participant_pk', ['activity_id', 'organisation_id'])
		.execute();
	await db.schema
		.createIndex('activity_participant_org_idx')
		.on('activity_participant')
		.column('organisation_id')
		.execute();

	await db.schema
		.createTable('school_holiday')
		.addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
		.addColumn('municipality_id', 'uuid', (c) =>
			c.notNull().references('organisation.id').onDelete('cascade')
		)
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('start_date', 'date', (c) => c.notNull())
		.addColumn('end_date', 'date', (c) => c.notNull())
		.addCheckConstraint('school_holiday_dates_ordered', sql`end_date >= start_date`)
		.execute();
	await db.schema
		.createIndex('school_holiday_municipality_idx')
		.on('school_holiday')
		.columns(['municipality_id', 'start_date'])
		.execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
	for (const table of [
		'school_holiday',
		'activity_participant',
		'activity',
		'category',
		'outbox',
		'user_token',
		'rate_limit',
		'user_session',
		'membership',
		'app_user',
		'organisation_trade',
		'organisation',
		'trade'
	]) {
		await db.schema.dropTable(table).execute();
	}
}
