import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

// The layout is the architecture (docs/ARCHITECTURE.md): a folder per domain under src/lib, each
// with one door (index.ts) for routes and other domains. These tests keep the doors the only way
// in, keep HTTP out of the domains and SQL in the queries files.

const ROOT = process.cwd();
const LIB = join(ROOT, 'src/lib');
const ROUTES = join(ROOT, 'src/routes');

/** Files outside queries files and the db module that still build SQL. Only ever shorter. */
const SQL_ALLOWED: string[] = [];

/** Static imports and re-exports (group 1: `type`, group 2: specifier), dynamic imports (3). */
const SPECIFIERS =
	/\b(?:import|export)\s+(type\s+)?(?:[^'"`;]*?\bfrom\s*)?['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g;
const KIT = /\bfrom\s*['"]@sveltejs\/kit['"]|import\s*\(\s*['"]@sveltejs\/kit['"]/;
const SQL =
	/\.(selectFrom|insertInto|updateTable|deleteFrom|replaceInto|mergeInto)\s*\(|\bsql\s*(<[^>]*>)?\s*`/;

const rel = (path: string) => relative(ROOT, path).split(sep).join('/');

function filesUnder(dir: string): string[] {
	return readdirSync(dir, { recursive: true, encoding: 'utf8' })
		.map((f) => join(dir, f))
		.filter((f) => /\.(ts|svelte)$/.test(f) && statSync(f).isFile());
}

const domains = readdirSync(LIB, { withFileTypes: true })
	.filter((e) => e.isDirectory() && e.name !== 'paraglide')
	.map((e) => e.name);

/** The import specifiers of a file, as paths under src/lib ('bookings/server', …) when they are. */
function imports(
	file: string,
	text: string
): { specifier: string; lib: string | null; typeOnly: boolean }[] {
	return [...text.matchAll(SPECIFIERS)].map((m) => {
		const specifier = m[2] ?? m[3];
		let lib: string | null = null;
		if (specifier === '$lib' || specifier.startsWith('$lib/')) lib = specifier.slice(5);
		else if (specifier.startsWith('.')) {
			const path = resolve(dirname(file), specifier);
			if (path.startsWith(LIB + sep)) lib = rel(path).slice('src/lib/'.length);
		}
		return { specifier, lib, typeOnly: m[1] !== undefined };
	});
}

/** May code outside a domain import this path under src/lib? */
function isPublic(lib: string, typeOnly: boolean): boolean {
	const [domain, ...rest] = lib.replace(/\/index(\.ts)?$/, '').split('/');
	if (domain === 'paraglide') return true;
	if (domain === 'platform') {
		// Platform's client pieces (dates, ui, schema) are public. Its server half has one door,
		// platform/server; the database module behind it only domains, hooks and the seed reach
		// (routes take locals.db), but its table types are public.
		if (rest[0] !== 'server' || rest.length === 1) return true;
		return rest[1] === 'db' && typeOnly && /^schema/.test(rest[2] ?? '');
	}
	if (!domains.includes(domain)) return false;
	if (rest.length === 0) return true;
	if (rest.length === 1 && rest[0] === 'server') return true;
	return rest[0] === 'components' && lib.endsWith('.svelte');
}

describe('architecture', () => {
	describe('isPublic', () => {
		it('accepts doors, components, messages and platform pieces', () => {
			expect(isPublic('bookings', false)).toBe(true);
			expect(isPublic('bookings/server', false)).toBe(true);
			expect(isPublic('bookings/components/OfferCard.svelte', false)).toBe(true);
			expect(isPublic('paraglide/messages.js', false)).toBe(true);
			expect(isPublic('platform/dates/iso', false)).toBe(true);
			expect(isPublic('platform/server/db/schema', true)).toBe(true);
			expect(isPublic('platform/server', false)).toBe(true);
		});

		it('refuses deep domain files and the database module', () => {
			expect(isPublic('bookings/server/capacity', false)).toBe(false);
			expect(isPublic('bookings/schema', false)).toBe(false);
			expect(isPublic('platform/server/db', false)).toBe(false);
			expect(isPublic('platform/server/db/schema', false)).toBe(false);
			expect(isPublic('platform/server/mail', false)).toBe(false);
			expect(isPublic('platform/server/http/result', true)).toBe(false);
		});
	});

	describe('src/routes', () => {
		it('imports only domain doors, components, messages and platform pieces', () => {
			const files = filesUnder(ROUTES);
			expect(files.length).toBeGreaterThan(50);
			const offenders = files.flatMap((file) =>
				imports(file, readFileSync(file, 'utf8'))
					.filter((i) => i.lib !== null && !isPublic(i.lib, i.typeOnly))
					.map((i) => `${rel(file)} imports ${i.specifier}`)
			);
			expect(offenders, "import the domain's index instead").toEqual([]);
		});
	});

	describe('src/lib', () => {
		it('reaches another domain only through its door', () => {
			const files = filesUnder(LIB).filter(
				(f) => !rel(f).startsWith('src/lib/paraglide/') && !f.endsWith('.test.ts')
			);
			const offenders = files.flatMap((file) => {
				const own = rel(file).split('/')[2];
				return imports(file, readFileSync(file, 'utf8'))
					.filter(
						(i) =>
							i.lib !== null &&
							![own, 'platform'].includes(i.lib.split('/')[0]) &&
							!isPublic(i.lib, i.typeOnly)
					)
					.map((i) => `${rel(file)} imports ${i.specifier}`);
			});
			expect(offenders, "go through the other domain's index").toEqual([]);
		});

		it('keeps @sveltejs/kit out of domain server code', () => {
			const found = filesUnder(LIB)
				.map(rel)
				.filter((f) => /^src\/lib\/[^/]+\/server\//.test(f) && !f.startsWith('src/lib/platform/'))
				.filter((f) => !f.endsWith('.test.ts') && KIT.test(readFileSync(join(ROOT, f), 'utf8')));
			expect(found, 'return a result; the route maps it to HTTP').toEqual([]);
		});

		it('builds SQL only in queries files and the db module (only the listed files are left to fix)', () => {
			const found = [...filesUnder(LIB), ...filesUnder(ROUTES)]
				.map(rel)
				.filter((f) => !f.startsWith('src/lib/paraglide/') && !f.endsWith('.test.ts'))
				.filter(
					(f) => !/(^|\/)queries(\.ts|\/)/.test(f) && !f.startsWith('src/lib/platform/server/db/')
				)
				.filter((f) => SQL.test(readFileSync(join(ROOT, f), 'utf8')));
			expect(
				found.filter((f) => !SQL_ALLOWED.includes(f)),
				"move the SQL to the domain's queries.ts"
			).toEqual([]);
			expect(
				SQL_ALLOWED.filter((f) => !found.includes(f)),
				'fixed: remove from SQL_ALLOWED'
			).toEqual([]);
		});
	});
});
