import { sql, type Kysely, type SelectQueryBuilder, type Transaction } from 'kysely';
import type { DB } from './schema';

/**
 * The rows of a select, carried from the database as one JSON array instead of row by row. On
 * the embedded engine every value returned costs a buffer and a text decoding in PGlite's wire
 * reader, and then node-postgres's own parsing: for the wheel's 2,000 activities × 9 columns that
 * was two thirds of the query's time and much of a page's garbage (docs/BENCHMARKS.md). One JSON
 * value is decoded once and parsed by JSON.parse; the CamelCasePlugin names its keys as it names
 * columns. For selects of thousands of rows with JSON-safe columns only: text, numbers,
 * booleans, dates and times (as the same strings), not timestamps (they would come back as
 * strings, not Dates) or bytea. The rows keep the select's order: PostgreSQL aggregates the rows
 * of a sorted subquery in their order (tested on both engines in json-rows.test.ts).
 */
export async function selectJsonRows<O>(
	db: Kysely<DB> | Transaction<DB>,
	// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any select, whatever it joins
	query: SelectQueryBuilder<any, any, O>
): Promise<O[]> {
	const [{ rows }] = await db
		.selectFrom(query.as('q'))
		.select(sql<O[]>`coalesce(json_agg(q), '[]'::json)`.as('rows'))
		.execute();
	return rows;
}
