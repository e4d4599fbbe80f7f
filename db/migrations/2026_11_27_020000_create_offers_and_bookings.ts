import { sql, type Kysely } from 'kysely';

// Offers and bookings. Every offer is one activity on the wheel (activity_id unique); an
// erhvervspraktik over several weeks is one offer per week (capacity is places per week) and a
// visit or forløb with several sessions is one offer per session; group_id ties them together.
// Capacity is enforced by the booking code under a row lock on the offer (see booking.ts).
export async function up(db: Kysely<unknown>): Promise<void> {
	await db.schema
		.createTable('offer')
		.addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
		.addColumn('activity_id', 'uuid', (c) =>
			c.notNull().unique().references('activity.id').onDelete('cascade')
		)
		.addColumn('group_id', 'uuid')
		.addColumn('kind', 'text', (c) =>
			c.notNull().check(sql`kind in ('erhvervspraktik','visit','forloeb')`)
		)
		.addColumn('trade_code', 'text', (c) => c.references('trade.code'))
		.addColumn('grade_levels', sql`integer[]`, (c) => c.notNull())
		.addColumn('capacity', 'integer', (c) => c.notNull().check(sql`capacity > 0`))
		.addColumn('booking_opens_at', 'date')
		.addColumn('booking_closes_at', 'date')
		.addColumn('contact_name', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('contact_email', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('address', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('what_to_bring', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('what_you_see', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('status', 'text', (c) =>
			c
				.notNull()
				.defaultTo('open')
				.check(sql`status in ('open','closed','cancelled')`)
		)
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addCheckConstraint(
			'offer_grade_levels_valid',
			sql`cardinality(grade_levels) > 0 and grade_levels <@ array[0,1,2,3,4,5,6,7,8,9,10]`
		)
		.addCheckConstraint(
			'offer_window_ordered',
			sql`booking_opens_at is null or booking_closes_at is null or booking_closes_at >= booking_opens_at`
		)
		.addCheckConstraint(
			'offer_praktik_has_trade',
			sql`kind <> 'erhvervspraktik' or trade_code is not null`
		)
		.execute();
	await db.schema.createIndex('offer_group_idx').on('offer').column('group_id').execute();
	await db.schema.createIndex('offer_trade_idx').on('offer').column('trade_code').execute();

	await db.schema
		.createTable('booking')
		.addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
		.addColumn('offer_id', 'uuid', (c) => c.notNull().references('offer.id').onDelete('cascade'))
		.addColumn('school_id', 'uuid', (c) =>
			c.notNull().references('organisation.id').onDelete('cascade')
		)
		.addColumn('class_label', 'text', (c) => c.notNull())
		.addColumn('seats', 'integer', (c) => c.notNull().check(sql`seats > 0`))
		.addColumn('teacher_name', 'text', (c) => c.notNull())
		.addColumn('teacher_email', 'text', (c) => c.notNull())
		// First names only, never more names than seats (the personal data rule).
		.addColumn('pupil_first_names', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
		.addColumn('status', 'text', (c) =>
			c
				.notNull()
				.check(sql`status in ('requested','confirmed','declined','cancelled','waitlisted')`)
		)
		.addColumn('message', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('cancel_reason', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('idempotency_key', 'text', (c) => c.notNull())
		.addColumn('agreement_signed_at', 'date')
		.addColumn('parents_consent_at', 'date')
		.addColumn('uu_notified_at', 'date')
		.addColumn('created_by', 'uuid', (c) => c.references('app_user.id').onDelete('set null'))
		// clock_timestamp, not now(): the waitlist is ordered by the moment of booking, and under
		// the offer lock a transaction may start before another yet book after it.
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`clock_timestamp()`))
		.addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addUniqueConstraint('booking_school_idempotency_key', ['school_id', 'idempotency_key'])
		.addCheckConstraint('booking_names_within_seats', sql`cardinality(pupil_first_names) <= seats`)
		.execute();
	await db.schema
		.createIndex('booking_offer_status_idx')
		.on('booking')
		.columns(['offer_id', 'status'])
		.execute();
	await db.schema.createIndex('booking_school_idx').on('booking').column('school_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await db.schema.dropTable('booking').execute();
	await db.schema.dropTable('offer').execute();
}
