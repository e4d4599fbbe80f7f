import type { Compilable, CompiledQuery, Kysely, Transaction } from 'kysely';
import type { DB } from './schema';

// Queries on the booking hot path, compiled once and then run with new values. Profiling the
// booking benchmark showed Kysely building each operation tree, the CamelCasePlugin copying it
// and the compiler walking it again costing more Node CPU than anything else per request
// (docs/BENCHMARKS.md); for a statement whose SQL never changes that work is the same every time.

const MARK = '\u0000prepared:';

type Db = Kysely<DB> | Transaction<DB>;

/**
 * A query compiled on first use with a placeholder for each named value; later runs only put the
 * values in. `build` must give the same SQL whatever the values (no `in` lists of values, no
 * branches on them, no methods called on them); a value that is no parameter throws.
 */
export function prepared<V extends Record<string, unknown>, R>(
	build: (db: Db, values: V) => Compilable<R>
) {
	let compiled: { query: CompiledQuery<R>; slots: (keyof V | null)[] } | undefined;
	return async (db: Db, values: V): Promise<R[]> => {
		compiled ??= compile(db, values, build);
		const { query, slots } = compiled;
		const parameters = query.parameters.map((p, i) => {
			const slot = slots[i];
			return slot === null ? p : values[slot];
		});
		const result = await db.executeQuery<R>({ ...query, parameters });
		return result.rows;
	};
}

function compile<V extends Record<string, unknown>, R>(
	db: Db,
	values: V,
	build: (db: Db, values: V) => Compilable<R>
) {
	const names = Object.keys(values) as (keyof V & string)[];
	const placeholders = Object.fromEntries(names.map((n) => [n, MARK + n])) as unknown as V;
	const query = build(db, placeholders).compile();
	const slots = query.parameters.map((p) =>
		typeof p === 'string' && p.startsWith(MARK) ? (p.slice(MARK.length) as keyof V) : null
	);
	for (const name of names) {
		if (!slots.includes(name)) throw new Error(`prepared query: '${name}' is no parameter`);
	}
	return { query, slots };
}
