import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../src/lib/platform/server/db/schema';
import type { BookingWorld } from './booking-fixtures';

// Shared by the school-year close and organisation export tests.

export type Snapshot = Record<string, Map<string, Record<string, unknown>>>;

/**
 * Every row of every table of the test schema (read through information_schema, so a table
 * added later is covered too), keyed by primary key; values as PostgreSQL writes them in JSON.
 */
export async function snapshot(db: Kysely<DB>): Promise<Snapshot> {
	const { rows: tables } = await sql<{ name: string }>`
		select table_name as name from information_schema.tables
		where table_schema = current_schema() and table_type = 'BASE TABLE'
			and table_name not like 'kysely_%'
		order by table_name`.execute(db);
	const result: Snapshot = {};
	for (const { name } of tables) {
		const { rows: keys } = await sql<{ column: string }>`
			select a.attname as column from pg_index i
			join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
			where i.indrelid = ${name}::regclass and i.indisprimary
			order by a.attname`.execute(db);
		// Text, not json: the CamelCasePlugin must not rename the columns inside.
		const { rows } = await sql<{ j: string }>`
			select row_to_json(t)::text as j from ${sql.table(name)} t`.execute(db);
		const map = new Map<string, Record<string, unknown>>();
		for (const { j } of rows) {
			const row = JSON.parse(j) as Record<string, unknown>;
			const key = keys.length ? keys.map((k) => String(row[k.column])).join('|') : j;
			map.set(key, row);
		}
		result[name] = map;
	}
	return result;
}

export interface PastBooking {
	startDate: string;
	endDate?: string;
	names?: string[];
	teacherName?: string;
	teacherEmail?: string;
	message?: string;
	cancelReason?: string;
	status?: 'requested' | 'confirmed' | 'declined' | 'cancelled' | 'waitlisted';
	schoolId?: string;
	ownerId?: string;
	title?: string;
}

/** An erhvervspraktik offer with one booking, written straight to the tables (any date). */
export async function insertBooking(
	db: Kysely<DB>,
	world: BookingWorld,
	b: PastBooking
): Promise<{ activityId: string; offerId: string; bookingId: string }> {
	const category = await db
		.selectFrom('category')
		.select('id')
		.where('slug', '=', 'erhvervspraktik')
		.executeTakeFirstOrThrow();
	const activity = await db
		.insertInto('activity')
		.values({
			ownerId: b.ownerId ?? world.org.company,
			categoryId: category.id,
			title: b.title ?? `Praktik ${b.startDate}`,
			startDate: b.startDate,
			endDate: b.endDate ?? b.startDate,
			startTime: null,
			endTime: null,
			visibility: 'alliance'
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	const offer = await db
		.insertInto('offer')
		.values({
			activityId: activity.id,
			kind: 'erhvervspraktik',
			tradeCode: 'smed',
			gradeLevels: [8, 9],
			capacity: 5,
			contactName: 'Lars Smed',
			contactEmail: 'lars@smedjen.dk'
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	const names = b.names ?? [];
	const booking = await db
		.insertInto('booking')
		.values({
			offerId: offer.id,
			schoolId: b.schoolId ?? world.org.school,
			classLabel: '8.A',
			seats: Math.max(names.length, 2),
			teacherName: b.teacherName ?? 'Rasmus Lærer',
			teacherEmail: b.teacherEmail ?? 'rasmus@byskolen.dk',
			pupilFirstNames: names,
			message: b.message ?? '',
			cancelReason: b.cancelReason ?? '',
			status: b.status ?? 'confirmed',
			idempotencyKey: randomUUID()
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	return { activityId: activity.id, offerId: offer.id, bookingId: booking.id };
}
