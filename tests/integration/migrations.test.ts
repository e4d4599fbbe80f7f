import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/lib/platform/server/db/engine';
import { migrateToBottom, migrateToLatest } from '../../src/lib/platform/server/db/migrate';
import { migrations } from '../../db/migrations/index';
import { createTestDatabase } from '../helpers/db';

async function tableNames(database: Database): Promise<string[]> {
	const { rows } = await sql<{ tablename: string }>`
		select tablename from pg_tables where schemaname = current_schema()
		and tablename not like 'kysely_%' order by tablename`.execute(database.db);
	return rows.map((r) => r.tablename);
}

describe('migrations', () => {
	let database: Database;
	beforeAll(async () => {
		database = await createTestDatabase({ migrate: false });
	});
	afterAll(async () => {
		await database?.close();
	});

	it('runs every migration up on an empty database', async () => {
		await migrateToLatest(database.db);
		const { rows } = await sql<{ name: string }>`select name from kysely_migration`.execute(
			database.db
		);
		expect(rows.map((r) => r.name).sort()).toEqual(Object.keys(migrations).sort());
		expect(await tableNames(database)).toContain('organisation');
		expect(await tableNames(database)).toContain('user_session');
	});

	it('runs every migration down and leaves no table behind', async () => {
		await migrateToBottom(database.db);
		expect(await tableNames(database)).toEqual([]);
	});

	it('runs up again after down (migrations are repeatable)', async () => {
		await migrateToLatest(database.db);
		expect(await tableNames(database)).toContain('activity');
	});

	it('enforces that a school belongs to a municipality', async () => {
		await expect(
			database.db
				.insertInto('organisation')
				.values({ kind: 'school', name: 'X', slug: 'x', municipalityId: null })
				.execute()
		).rejects.toThrow();
	});
});
