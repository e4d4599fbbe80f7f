import { sql, type Kysely } from 'kysely';

// The erhvervspraktik duty: every pupil has five days of erhvervspraktik in grade 7, 8 or 9. A
// school states how many pupils it has in each of those grades in a school year; the overview
// compares that number with the pupils placed (bookings, published allocation rounds). A count,
// never a name: no personal data.
export async function up(db: Kysely<unknown>): Promise<void> {
	await db.schema
		.createTable('school_pupil_count')
		.addColumn('school_id', 'uuid', (c) =>
			c.notNull().references('organisation.id').onDelete('cascade')
		)
		// '2026/27'
		.addColumn('school_year', 'text', (c) =>
			c.notNull().check(sql`school_year ~ '^[0-9]{4}/[0-9]{2}$'`)
		)
		.addColumn('grade', 'integer', (c) => c.notNull().check(sql`grade between 7 and 9`))
		.addColumn('pupils', 'integer', (c) => c.notNull().check(sql`pupils between 0 and 2000`))
		.addColumn('updated_by', 'uuid', (c) => c.references('app_user.id').onDelete('set null'))
		.addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addPrimaryKeyConstraint('school_pupil_count_pkey', ['school_id', 'school_year', 'grade'])
		.execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await db.schema.dropTable('school_pupil_count').execute();
}
