import { sql, type Kysely } from 'kysely';

// Feed health and members' addresses.
// - Each address remembers when a calendar last fetched it, which kind of client (from the
//   User-Agent: google, microsoft, apple, other) and how large the feed it got was (bytes of the
//   plain text; Google drops feeds over about 1 MB). Written at most once a minute per address.
// - A personal address carries the private activities of every organisation the person belongs
//   to. Leaving an organisation (the row in membership is deleted, whoever does it, also when the
//   organisation itself is deleted) revokes the person's live personal address at once; they can
//   make a new one, which holds only what they still may see.
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
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await sql`drop trigger membership_revokes_personal_feed on membership`.execute(db);
	await sql`drop function feed_token_revoke_on_membership_delete()`.execute(db);
	await db.schema
		.alterTable('feed_token')
		.dropColumn('last_fetched_at')
		.dropColumn('last_client')
		.dropColumn('last_size')
		.execute();
}
