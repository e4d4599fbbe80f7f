import type { Migration } from 'kysely';
import * as m20261127000000 from './2026_11_27_000000_create_foundation';

// A SvelteKit build does not ship files read at run time, so migrations are a static record.
// Add each new migration here; never edit one that has shipped.
export const migrations: Record<string, Migration> = {
	'2026_11_27_000000_create_foundation': m20261127000000
};
