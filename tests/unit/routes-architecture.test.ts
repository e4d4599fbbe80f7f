import { readFileSync, readdirSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

// Nothing under routes/ imports the database: it calls a domain function, so SQL stays in one
// place per domain and a route cannot skip its domain's rules. Routes get
// the handle as locals.db, which hooks.server.ts sets for every request.

const ROOT = process.cwd();
const ROUTES = join(ROOT, 'src/routes');
const DB_DIR = join(ROOT, 'src/lib/server/db');

/** Static imports and re-exports (group 1: `type`, group 2: specifier), dynamic imports (3). */
const SPECIFIERS =
	/\b(?:import|export)\s+(type\s+)?(?:[^'"`;]*?\bfrom\s*)?['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g;

function resolveSpecifier(file: string, specifier: string): string | null {
	if (specifier === '$lib' || specifier.startsWith('$lib/'))
		return join(ROOT, 'src/lib', specifier.slice('$lib'.length));
	if (specifier.startsWith('.')) return resolve(dirname(file), specifier);
	return null;
}

function isDatabaseModule(path: string): boolean {
	if (!path.startsWith(DB_DIR)) return false;
	const rest = path.slice(DB_DIR.length);
	return rest === '' || rest.startsWith(sep) || /^\.[cm]?[jt]s$/.test(rest);
}

/** Table types may come from a schema module, type-only; nothing else in db/ may be imported. */
const isSchemaModule = (path: string) => /^schema(-[\w-]+)?(\.[jt]s)?$/.test(basename(path));

/** The specifiers in `text` (the source of `file`) that reach into src/lib/server/db. */
function databaseImports(file: string, text: string): string[] {
	const found: string[] = [];
	for (const match of text.matchAll(SPECIFIERS)) {
		const typeOnly = match[1] !== undefined;
		const specifier = match[2] ?? match[3];
		const path = resolveSpecifier(file, specifier);
		if (!path || !isDatabaseModule(path)) continue;
		if (typeOnly && isSchemaModule(path)) continue;
		found.push(specifier);
	}
	return found;
}

function filesUnder(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name);
		return entry.isDirectory() ? filesUnder(path) : [path];
	});
}

describe('routes architecture', () => {
	describe('databaseImports', () => {
		const file = join(ROUTES, 'tilbud/[id]/+page.server.ts');

		it('finds the database module by alias, by relative path and by dynamic import', () => {
			const text = [
				"import { getDb } from '$lib/server/db';",
				'import {\n\tgetDatabase,\n\ttype Db\n} from "$lib/server/db/index";',
				"import type { Db } from '../../../lib/server/db';",
				"export { getDb } from '$lib/server/db';",
				"const { getDb } = await import('$lib/server/db');",
				"import { openDatabase } from '$lib/server/db/engine';",
				"import { DB } from '$lib/server/db/schema';"
			].join('\n');
			expect(databaseImports(file, text)).toEqual([
				'$lib/server/db',
				'$lib/server/db/index',
				'../../../lib/server/db',
				'$lib/server/db',
				'$lib/server/db',
				'$lib/server/db/engine',
				'$lib/server/db/schema'
			]);
		});

		it('lets domain modules and type-only schema imports through', () => {
			const text = [
				"import { findOfferForUser } from '$lib/server/offer';",
				"import { listDashboard } from '$lib/server/dashboard';",
				"import type { Visibility } from '$lib/server/db/schema';",
				"import type { OfferTable } from '../../../lib/server/db/schema-booking';",
				"import { m } from '$lib/paraglide/messages.js';",
				"const note = 'the db is reached through locals';"
			].join('\n');
			expect(databaseImports(file, text)).toEqual([]);
		});
	});

	describe('src/routes', () => {
		it('has no file that imports the database (routes use locals.db)', () => {
			const files = filesUnder(ROUTES);
			expect(files.length).toBeGreaterThan(50);
			const offenders = files.flatMap((path) =>
				databaseImports(path, readFileSync(path, 'utf8')).map(
					(specifier) => `${relative(ROOT, path)} imports ${specifier}`
				)
			);
			expect(
				offenders,
				`take the database from locals.db instead:\n${offenders.join('\n')}`
			).toEqual([]);
		});
	});
});
