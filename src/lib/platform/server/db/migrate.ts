import {
	Migrator,
	sql,
	type Kysely,
	type MigrationProvider,
	type MigrationResultSet
} from 'kysely';
import { migrations } from '../../../../../db/migrations/index';

const provider: MigrationProvider = { getMigrations: async () => migrations };

/**
 * A migrator whose bookkeeping tables live in the connection's own schema. Without it Kysely
 * finds another schema's kysely_migration table (tests give each file a schema of its own).
 */
async function createMigrator<DB>(db: Kysely<DB>): Promise<Migrator> {
	const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
	const schema = rows[0]?.schema ?? 'public';
	return new Migrator({
		db,
		provider,
		migrationTableSchema: schema
	});
}

function check(result: MigrationResultSet): void {
	if (result.error) {
		const failed = result.results?.find((r) => r.status === 'Error');
		const name = failed ? ` ${failed.migrationName}` : '';
		throw new Error(`Migration${name} failed: ${String(result.error)}`, {
			cause: result.error
		});
	}
}

export async function migrateToLatest<DB>(db: Kysely<DB>): Promise<void> {
	check(await (await createMigrator(db)).migrateToLatest());
}

/** Runs every migration down (used by db:reset and the migration tests). */
export async function migrateToBottom<DB>(db: Kysely<DB>): Promise<void> {
	const migrator = await createMigrator(db);
	for (;;) {
		const result = await migrator.migrateDown();
		check(result);
		if (!result.results?.length) return;
	}
}
