import { sql, type Kysely } from 'kysely';

// The alliance's own work (issue 6): the lærepladsalliance (companies' commitments and their
// apprenticeship openings), half-yearly meetings with agenda and minutes, evaluations of
// activities that have ended, the audit log, and the record of closed school years.
export async function up(db: Kysely<unknown>): Promise<void> {
	// A company's commitment to the lærepladsalliance: one per organisation.
	await db.schema
		.createTable('alliance_commitment')
		.addColumn('organisation_id', 'uuid', (c) =>
			c.primaryKey().references('organisation.id').onDelete('cascade')
		)
		.addColumn('contact_name', 'text', (c) => c.notNull())
		.addColumn('contact_email', 'text', (c) => c.notNull())
		.addColumn('contact_phone', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('joined_on', 'date', (c) => c.notNull().defaultTo(sql`current_date`))
		.addColumn('created_by', 'uuid', (c) => c.references('app_user.id').onDelete('set null'))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();
	await db.schema
		.createTable('alliance_commitment_trade')
		.addColumn('organisation_id', 'uuid', (c) =>
			c.notNull().references('alliance_commitment.organisation_id').onDelete('cascade')
		)
		.addColumn('trade_code', 'text', (c) => c.notNull().references('trade.code'))
		.addPrimaryKeyConstraint('alliance_commitment_trade_pk', ['organisation_id', 'trade_code'])
		.execute();

	await db.schema
		.createTable('apprenticeship_opening')
		.addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
		.addColumn('organisation_id', 'uuid', (c) =>
			c.notNull().references('organisation.id').onDelete('cascade')
		)
		.addColumn('trade_code', 'text', (c) => c.notNull().references('trade.code'))
		.addColumn('positions', 'integer', (c) => c.notNull().check(sql`positions between 1 and 100`))
		.addColumn('start_date', 'date', (c) => c.notNull())
		.addColumn('contact_name', 'text', (c) => c.notNull())
		.addColumn('contact_email', 'text', (c) => c.notNull())
		.addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('status', 'text', (c) =>
			c
				.notNull()
				.defaultTo('open')
				.check(sql`status in ('open','filled')`)
		)
		.addColumn('created_by', 'uuid', (c) => c.references('app_user.id').onDelete('set null'))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();
	await db.schema
		.createIndex('apprenticeship_opening_org_idx')
		.on('apprenticeship_opening')
		.columns(['organisation_id', 'start_date'])
		.execute();
	await db.schema
		.createIndex('apprenticeship_opening_trade_idx')
		.on('apprenticeship_opening')
		.columns(['trade_code', 'start_date'])
		.execute();

	// A meeting is an activity (category alliancemoede) with agenda and minutes in Markdown.
	await db.schema
		.createTable('meeting')
		.addColumn('activity_id', 'uuid', (c) =>
			c.primaryKey().references('activity.id').onDelete('cascade')
		)
		.addColumn('agenda', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('minutes', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('minutes_updated_at', 'timestamptz')
		.addColumn('minutes_updated_by', 'uuid', (c) =>
			c.references('app_user.id').onDelete('set null')
		)
		.addColumn('previous_activity_id', 'uuid', (c) =>
			c.references('activity.id').onDelete('set null')
		)
		.execute();
	await db.schema
		.createTable('meeting_organisation')
		.addColumn('activity_id', 'uuid', (c) =>
			c.notNull().references('meeting.activity_id').onDelete('cascade')
		)
		.addColumn('organisation_id', 'uuid', (c) =>
			c.notNull().references('organisation.id').onDelete('cascade')
		)
		.addColumn('invited', 'boolean', (c) => c.notNull().defaultTo(true))
		.addColumn('present', 'boolean', (c) => c.notNull().defaultTo(false))
		.addPrimaryKeyConstraint('meeting_organisation_pk', ['activity_id', 'organisation_id'])
		.execute();

	// One evaluation per activity and organisation (the owner or one taking part).
	await db.schema
		.createTable('evaluation')
		.addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
		.addColumn('activity_id', 'uuid', (c) =>
			c.notNull().references('activity.id').onDelete('cascade')
		)
		.addColumn('organisation_id', 'uuid', (c) =>
			c.notNull().references('organisation.id').onDelete('cascade')
		)
		.addColumn('participants', 'integer', (c) =>
			c.notNull().check(sql`participants between 0 and 100000`)
		)
		.addColumn('rating', 'integer', (c) => c.notNull().check(sql`rating between 1 and 5`))
		.addColumn('comment', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('created_by', 'uuid', (c) => c.references('app_user.id').onDelete('set null'))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addUniqueConstraint('evaluation_activity_organisation', ['activity_id', 'organisation_id'])
		.execute();

	// Who did what, when. actor_name is kept so the log still reads after a user is deleted.
	await db.schema
		.createTable('audit_event')
		.addColumn('id', 'bigserial', (c) => c.primaryKey())
		.addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`clock_timestamp()`))
		.addColumn('actor_id', 'uuid', (c) => c.references('app_user.id').onDelete('set null'))
		.addColumn('actor_name', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('organisation_id', 'uuid', (c) =>
			c.references('organisation.id').onDelete('set null')
		)
		.addColumn('action', 'text', (c) =>
			c.notNull().check(sql`action in ('create','update','cancel','delete')`)
		)
		.addColumn('entity_type', 'text', (c) => c.notNull())
		.addColumn('entity_id', 'text', (c) => c.notNull())
		.addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
		.execute();
	await db.schema.createIndex('audit_event_at_idx').on('audit_event').column('at').execute();
	await db.schema
		.createIndex('audit_event_org_at_idx')
		.on('audit_event')
		.columns(['organisation_id', 'at'])
		.execute();

	// A closed school year ('2026/27'): its personal data has been deleted.
	await db.schema
		.createTable('school_year_closure')
		.addColumn('school_year', 'text', (c) =>
			c.primaryKey().check(sql`school_year ~ '^[0-9]{4}/[0-9]{2}$'`)
		)
		.addColumn('closed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('closed_by', 'uuid', (c) => c.references('app_user.id').onDelete('set null'))
		.addColumn('bookings_cleared', 'integer', (c) => c.notNull().defaultTo(0))
		.execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
	for (const table of [
		'school_year_closure',
		'audit_event',
		'evaluation',
		'meeting_organisation',
		'meeting',
		'apprenticeship_opening',
		'alliance_commitment_trade',
		'alliance_commitment'
	]) {
		await db.schema.dropTable(table).execute();
	}
}
