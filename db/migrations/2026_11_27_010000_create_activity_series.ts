import { sql, type Kysely } from 'kysely';

// Recurring activities are materialised: each occurrence is an ordinary activity row (so the
// wheel, calendar, feeds and bookings need no special case) that points back to its series.
// occurrence_key is the occurrence's original start date; detached rows were edited on their
// own and are left alone when the series is changed.
export async function up(db: Kysely<unknown>): Promise<void> {
	await db.schema
		.createTable('activity_series')
		.addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
		.addColumn('owner_id', 'uuid', (c) => c.notNull().references('organisation.id').onDelete('cascade'))
		.addColumn('category_id', 'uuid', (c) => c.notNull().references('category.id'))
		.addColumn('title', 'text', (c) => c.notNull())
		.addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('place', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('start_time', 'time')
		.addColumn('end_time', 'time')
		.addColumn('visibility', 'text', (c) =>
			c.notNull().check(sql`visibility in ('public','alliance','private')`)
		)
		.addColumn('rule', 'jsonb', (c) => c.notNull())
		.addColumn('starts_on', 'date', (c) => c.notNull())
		.addColumn('until', 'date')
		.addColumn('occurrence_count', 'integer')
		.addColumn('participant_ids', sql`uuid[]`, (c) => c.notNull().defaultTo(sql`'{}'::uuid[]`))
		.addColumn('created_by', 'uuid', (c) => c.references('app_user.id').onDelete('set null'))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addCheckConstraint('activity_series_end_given', sql`until is not null or occurrence_count is not null`)
		.execute();

	await db.schema
		.alterTable('activity')
		.addColumn('series_id', 'uuid', (c) => c.references('activity_series.id').onDelete('cascade'))
		.execute();
	await db.schema.alterTable('activity').addColumn('occurrence_key', 'date').execute();
	await db.schema
		.alterTable('activity')
		.addColumn('detached', 'boolean', (c) => c.notNull().defaultTo(false))
		.execute();
	await sql`create unique index activity_series_occurrence_key on activity (series_id, occurrence_key)
		where series_id is not null`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await sql`drop index activity_series_occurrence_key`.execute(db);
	await db.schema.alterTable('activity').dropColumn('detached').execute();
	await db.schema.alterTable('activity').dropColumn('occurrence_key').execute();
	await db.schema.alterTable('activity').dropColumn('series_id').execute();
	await db.schema.dropTable('activity_series').execute();
}
