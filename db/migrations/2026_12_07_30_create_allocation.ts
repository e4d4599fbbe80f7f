import { sql, type Kysely } from 'kysely';

// Praktikfordeling: an allocation round shares the erhvervspraktik places of a period among the
// pupils' ranked wishes in one run instead of first come. An offer joins at most one round
// (allocation_place.offer_id is the key); while it is in a round it is not booked directly.
// Pupils are pseudonyms ('8.B-07'); a first name is optional and is deleted when a school year
// is closed, like the first names on bookings.
export async function up(db: Kysely<unknown>): Promise<void> {
	await db.schema
		.createTable('allocation_round')
		.addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
		.addColumn('title', 'text', (c) => c.notNull())
		// Null: the secretariat's round; otherwise the municipality's, for its own schools.
		.addColumn('municipality_id', 'uuid', (c) =>
			c.references('organisation.id').onDelete('cascade')
		)
		.addColumn('start_date', 'date', (c) => c.notNull())
		.addColumn('end_date', 'date', (c) => c.notNull())
		.addColumn('wish_deadline', 'date', (c) => c.notNull())
		.addColumn('publish_date', 'date', (c) => c.notNull())
		.addColumn('status', 'text', (c) =>
			c
				.notNull()
				.defaultTo('open')
				.check(sql`status in ('open','allocated','published')`)
		)
		// The solver's last answer: status, objective, figures (shown on the round's page).
		.addColumn('solver', 'jsonb')
		.addColumn('ran_at', 'timestamptz')
		.addColumn('published_at', 'timestamptz')
		.addColumn('created_by', 'uuid', (c) => c.references('app_user.id').onDelete('set null'))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addCheckConstraint('allocation_round_period', sql`end_date >= start_date`)
		.execute();

	await db.schema
		.createTable('allocation_place')
		.addColumn('offer_id', 'uuid', (c) => c.primaryKey().references('offer.id').onDelete('cascade'))
		.addColumn('round_id', 'uuid', (c) =>
			c.notNull().references('allocation_round.id').onDelete('cascade')
		)
		.addColumn('min_age_group', 'text', (c) =>
			c
				.notNull()
				.defaultTo('under13')
				.check(sql`min_age_group in ('under13','age13','age14plus')`)
		)
		.execute();
	await db.schema
		.createIndex('allocation_place_round_idx')
		.on('allocation_place')
		.column('round_id')
		.execute();

	await db.schema
		.createTable('allocation_pupil')
		.addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
		.addColumn('round_id', 'uuid', (c) =>
			c.notNull().references('allocation_round.id').onDelete('cascade')
		)
		.addColumn('school_id', 'uuid', (c) =>
			c.notNull().references('organisation.id').onDelete('cascade')
		)
		.addColumn('pseudonym', 'text', (c) => c.notNull())
		.addColumn('first_name', 'text')
		.addColumn('class_label', 'text', (c) => c.notNull())
		.addColumn('grade', 'integer', (c) => c.notNull().check(sql`grade between 0 and 10`))
		.addColumn('age_group', 'text', (c) =>
			c.notNull().check(sql`age_group in ('under13','age13','age14plus')`)
		)
		.addColumn('own_place', 'boolean', (c) => c.notNull().defaultTo(false))
		// The result of the last run (or a hand move): the place, the wish it met, a lock.
		.addColumn('offer_id', 'uuid', (c) => c.references('offer.id').onDelete('set null'))
		.addColumn('wish_rank', 'integer')
		.addColumn('locked', 'boolean', (c) => c.notNull().defaultTo(false))
		.addColumn('unplaced_reason', 'text')
		.addColumn('booking_id', 'uuid', (c) => c.references('booking.id').onDelete('set null'))
		.addUniqueConstraint('allocation_pupil_pseudonym', ['round_id', 'school_id', 'pseudonym'])
		.addCheckConstraint('allocation_pupil_lock_has_place', sql`not locked or offer_id is not null`)
		.execute();
	await db.schema
		.createIndex('allocation_pupil_offer_idx')
		.on('allocation_pupil')
		.column('offer_id')
		.execute();

	await db.schema
		.createTable('allocation_wish')
		.addColumn('pupil_id', 'uuid', (c) =>
			c.notNull().references('allocation_pupil.id').onDelete('cascade')
		)
		.addColumn('rank', 'integer', (c) => c.notNull().check(sql`rank between 1 and 5`))
		.addColumn('trade_code', 'text', (c) => c.references('trade.code'))
		.addColumn('offer_id', 'uuid', (c) => c.references('offer.id').onDelete('cascade'))
		.addPrimaryKeyConstraint('allocation_wish_pk', ['pupil_id', 'rank'])
		.addCheckConstraint(
			'allocation_wish_one_target',
			sql`(trade_code is null) <> (offer_id is null)`
		)
		.execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await db.schema.dropTable('allocation_wish').execute();
	await db.schema.dropTable('allocation_pupil').execute();
	await db.schema.dropTable('allocation_place').execute();
	await db.schema.dropTable('allocation_round').execute();
}
