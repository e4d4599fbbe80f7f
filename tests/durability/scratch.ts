// For the test files (not the global setup): copies of the run's template databases.
import { inject } from 'vitest';
import { scratchFolder, scratchPostgres, type EngineName } from './databases';

/** Engines to test: PostgreSQL too when the global setup reached it (it must in CI). */
export function enginesToTest(): EngineName[] {
	return inject('templates').postgres ? ['pglite', 'postgres'] : ['pglite'];
}

/** A fresh copy of the run's template database (migrated, seeded, with the test offers). */
export async function scratchFor(engine: EngineName, label: string) {
	const templates = inject('templates');
	const scratch =
		engine === 'postgres'
			? await scratchPostgres(label, templates.postgres!.database)
			: scratchFolder(label, templates.pglite.dataDir);
	return {
		scratch,
		worlds: (engine === 'postgres' ? templates.postgres! : templates.pglite).worlds
	};
}
