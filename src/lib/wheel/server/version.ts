import { sql, type Kysely } from 'kysely';
import type { DB } from '$lib/platform/server/db/schema';

/**
 * A fingerprint of everything an exported wheel draws: the activities and who takes part,
 * organisation names, categories and school holidays, hashed from the rows themselves (so it
 * does not depend on every writer stamping updated_at). One query: a few ms for 2,000
 * activities, against the ~1 s a PNG costs to draw.
 */
export async function wheelDataVersion(db: Kysely<DB>): Promise<string> {
	const { rows } = await sql<{ version: string }>`
		select concat_ws(':',
			(select md5(coalesce(string_agg(a::text, '|' order by a.id), '')) from activity a),
			(select md5(coalesce(string_agg(p::text, '|' order by p::text), ''))
				from activity_participant p),
			(select md5(coalesce(string_agg(o.id || o.name, '|' order by o.id), '')) from organisation o),
			(select md5(coalesce(string_agg(c::text, '|' order by c.id), '')) from category c),
			(select md5(coalesce(string_agg(h::text, '|' order by h.id), '')) from school_holiday h)
		) as version`.execute(db);
	return rows[0].version;
}
