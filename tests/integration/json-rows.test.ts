import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { selectJsonRows } from '../../src/lib/platform/server/db/json-rows';
import { useTestDatabase } from '../helpers/db';

describe('platform/db selectJsonRows', () => {
	const frame = useTestDatabase();

	// 500 rows whose sort order is not the order they are made in, with each column type the
	// helper is meant for.
	const query = () =>
		frame.db
			.selectFrom(sql<{ n: number }>`generate_series(1, 500)`.as('s'))
			.select([
				sql<number>`(s * 7919) % 503`.as('sortKey'),
				sql<string>`'Aktivitet ' || s || ' — Åbent hus "ø"'`.as('someTitle'),
				sql<string>`(date '2026-08-01' + s)`.as('someDate'),
				sql<string | null>`case when s % 3 = 0 then null else time '08:30' end`.as('someTime'),
				sql<boolean>`s % 2 = 0`.as('isEven')
			])
			.orderBy('sortKey', 'desc');

	it('gives the same rows, in the same order, with the same keys and values as execute()', async () => {
		const plain = await query().execute();
		const json = await selectJsonRows(frame.db, query());
		expect(json).toHaveLength(500);
		expect(json).toEqual(plain);
		// Strings stay strings (dates and times as PostgreSQL writes them), numbers and booleans typed.
		expect(json.find((r) => r.someTime !== null)).toMatchObject({
			someDate: expect.stringMatching(/^202[67]-\d\d-\d\d$/),
			someTime: '08:30:00',
			isEven: expect.any(Boolean),
			sortKey: expect.any(Number)
		});
	});

	it('gives an empty list for no rows', async () => {
		expect(await selectJsonRows(frame.db, query().where(sql<boolean>`false`))).toEqual([]);
	});
});
