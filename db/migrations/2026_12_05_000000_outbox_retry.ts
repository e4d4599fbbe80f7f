import { sql, type Kysely } from 'kysely';

// Mail that could not be sent is tried again with back-off (issue 12): the outbox row keeps how
// many tries were made and when the next one is due, so a restart or another instance on the same
// database picks the retry up. After the last try the row is marked failed for the secretariat.
export async function up(db: Kysely<unknown>): Promise<void> {
	await db.schema
		.alterTable('outbox')
		.addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
		// Null: nothing is due (sent, given up, or written while no SMTP server was configured).
		.addColumn('next_attempt_at', 'timestamptz')
		.addColumn('failed_at', 'timestamptz')
		.execute();
	// Deliveries that failed before retries existed were tried once and never again: they count as
	// failed (and so show up for the secretariat) rather than being sent days late.
	await sql`
		update outbox set attempts = 1, failed_at = created_at
		where sent_at is null and error is not null`.execute(db);
	await db.schema
		.createIndex('outbox_due_idx')
		.on('outbox')
		.column('next_attempt_at')
		.where(sql.ref('next_attempt_at'), 'is not', null)
		.execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await db.schema.dropIndex('outbox_due_idx').execute();
	await db.schema
		.alterTable('outbox')
		.dropColumn('attempts')
		.dropColumn('next_attempt_at')
		.dropColumn('failed_at')
		.execute();
}
