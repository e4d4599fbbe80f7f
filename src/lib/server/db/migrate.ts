import { Migrator, type Kysely, type MigrationProvider, type MigrationResultSet } from 'kysely';
import { migrations } from '../../../../db/migrations/index';

const provider: MigrationProvider = { getMigrations: async () => migrations };

export function createMigrator(db: Kysely<any>): Migrator {
	return new Migrator({ db, provider });
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

export async function migrateToLatest(db: Kysely<any>): Promise<void> {
	check(await createMigrator(db).migrateToLatest());
}

/** Runs every migration down (used by db:reset and the migration tests). */
export async function migrateToBottom(db: Kysely<any>): Promise<void> {
	const migrator = createMigrator(db);
	for (;;) {
		const result = await migrator.migrateDown();
		check(result);
		if (!result.results?.length) return;
	}
}
