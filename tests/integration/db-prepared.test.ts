import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/lib/platform/server/db/engine';
import { prepared } from '../../src/lib/platform/server/db/prepared';
import { createTestDatabase } from '../helpers/db';

describe('db/prepared', () => {
	let database: Database;
	beforeAll(async () => {
		database = await createTestDatabase();
	});
	afterAll(async () => {
		await database?.close();
	});

	describe('prepared', () => {
		it('compiles once and runs with each call’s values, camelCase results included', async () => {
			let builds = 0;
			const query = prepared((db, v: { word: string; n: number; list: string[] }) => {
				builds++;
				return db
					.selectNoFrom([
						sql<string>`${v.word}::text`.as('someWord'),
						sql<number>`${v.n}::int + ${v.n}::int`.as('twice'),
						sql<number>`cardinality(${v.list}::text[])`.as('listLength')
					])
					.$castTo<{ someWord: string; twice: number; listLength: number }>();
			});
			const [first] = await query(database.db, { word: 'hej', n: 2, list: ['a'] });
			const [second] = await query(database.db, { word: 'dav', n: 5, list: [] });
			expect(first).toEqual({ someWord: 'hej', twice: 4, listLength: 1 });
			expect(second).toEqual({ someWord: 'dav', twice: 10, listLength: 0 });
			expect(builds).toBe(1);
		});

		it('throws when a value does not end up as a parameter (the SQL would not fit all values)', async () => {
			const query = prepared((db, v: { name: string }) =>
				db.selectNoFrom(sql<string>`${sql.lit(v.name.length)}`.as('x'))
			);
			await expect(query(database.db, { name: 'x' })).rejects.toThrow(/'name' is no parameter/);
		});
	});
});
