import { sql, type Kysely } from 'kysely';

// Feed health and members' addresses.
// - Each address remembers when a calendar last fetched it, which kind of client (from the
//   User-Agent: google, microsoft, apple, other) and how large the feed it got was (bytes of the
//   plain text; Google drops feeds over about 1 MB). Written at most once a minute per address.
// - A personal address carries the private activities of every organisation the person belongs
//   to. Leaving an organisation (the row in membership is deleted, whoever does it, also when the
//   organisation itself is deleted) revokes the person's live personal address at once; they can
//   make a new one, which holds only what they still may see.
// - A subscribed calendar can lag a day (Google refreshes every 8–24 hours), so a change close at
//   hand also goes by e-mail. Each change of an activity's time, place or status is recorded with
//   the values before and after (a trigger, so every path that edits, moves or cancels an activity
//   is covered); a job mails those inside the next 48 hours and marks each row handled.
export async function up(db: Kysely<unknown>): Promise<void> {
	await db.schema
		.alterTable('feed_token')
		.addColumn('last_fetched_at', 'timestamptz')
		.addColumn('last_client', 'text', (c) =>
			c.check(sql`last_client in ('google','microsoft','apple','other')`)
		)
		.addColumn('last_size', 'integer')
		.execute();
	await sql`
		create function feed_token_revoke_on_membership_delete() returns trigger
		language plpgsql as $$
		begin
			update feed_token set revoked_at = now()
			where user_id = old.user_id and revoked_at is null;
			return old;
		end
		$$`.execute(db);
	await sql`
		create trigger membership_revokes_personal_feed
		after delete on membership
		for each row execute function feed_token_revoke_on_membership_delete()`.execute(db);

	await db.schema
		.createTable('activity_change')
		.addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
		.addColumn('activity_id', 'uuid', (c) =>
			c.notNull().references('activity.id').onDelete('cascade')
		)
		.addColumn('title', 'text', (c) => c.notNull())
		.addColumn('old_start_date', 'date', (c) => c.notNull())
		.addColumn('old_start_time', 'time')
		.addColumn('old_end_date', 'date', (c) => c.notNull())
		.addColumn('old_end_time', 'time')
		.addColumn('old_place', 'text', (c) => c.notNull())
		.addColumn('old_status', 'text', (c) => c.notNull())
		.addColumn('changed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('handled_at', 'timestamptz')
		.execute();
	await db.schema
		.createIndex('activity_change_unhandled')
		.on('activity_change')
		.column('changed_at')
		.where(sql.ref('handled_at'), 'is', null)
		.execute();
	await sql`
		create function activity_change_record() returns trigger
		language plpgsql as $$
		begin
			insert into activity_change (activity_id, title, old_start_date, old_start_time,
				old_end_date, old_end_time, old_place, old_status)
			values (old.id, new.title, old.start_date, old.start_time, old.end_date, old.end_time,
				old.place, old.status);
			return new;
		end
		$$`.execute(db);
	await sql`
		create trigger activity_records_change
		after update on activity
		for each row
		when (old.start_date is distinct from new.start_date
			or old.start_time is distinct from new.start_time
			or old.end_date is distinct from new.end_date
			or old.end_time is distinct from new.end_time
			or old.place is distinct from new.place
			or old.status is distinct from new.status)
		execute function activity_change_record()`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await sql`drop trigger activity_records_change on activity`.execute(db);
	await sql`drop function activity_change_record()`.execute(db);
	await db.schema.dropTable('activity_change').execute();
	await sql`drop trigger membership_revokes_personal_feed on membership`.execute(db);
	await sql`drop function feed_token_revoke_on_membership_delete()`.execute(db);
	await db.schema
		.alterTable('feed_token')
		.dropColumn('last_fetched_at')
		.dropColumn('last_client')
		.dropColumn('last_size')
		.execute();
}
