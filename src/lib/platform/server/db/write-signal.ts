import type {
	KyselyPlugin,
	OperationNode,
	PluginTransformQueryArgs,
	PluginTransformResultArgs,
	QueryResult,
	RootOperationNode,
	UnknownRow
} from 'kysely';

// Tells in-process caches that a table was written, so they need not wait for their time to
// live. It sees every insert, update and delete sent through Kysely in this process (raw SQL is
// not parsed); another process sharing the database is not told.

type Listener = (tables: ReadonlySet<string>) => void;
const listeners = new Set<Listener>();

/** Calls `listener` with the tables (as named in DB, camelCase) of each write, before and after. */
export function onDatabaseWrite(listener: Listener): () => void {
	listeners.add(listener);
	return () => listeners.delete(listener);
}

const WRITES = new Set(['InsertQueryNode', 'UpdateQueryNode', 'DeleteQueryNode', 'MergeQueryNode']);

function tablesOf(node: unknown, into: Set<string>, depth = 0): Set<string> {
	if (depth > 12 || node === null || typeof node !== 'object') return into;
	if (Array.isArray(node)) {
		for (const item of node) tablesOf(item, into, depth + 1);
		return into;
	}
	const n = node as { kind?: string; table?: { identifier?: { name?: string } } };
	if (n.kind === 'TableNode' && n.table?.identifier?.name) into.add(n.table.identifier.name);
	for (const value of Object.values(node)) {
		if (value !== null && typeof value === 'object') tablesOf(value, into, depth + 1);
	}
	return into;
}

export class WriteSignalPlugin implements KyselyPlugin {
	private pending = new WeakMap<object, Set<string>>();

	transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
		if (listeners.size && WRITES.has(args.node.kind)) {
			const tables = tablesOf(args.node as OperationNode, new Set());
			this.pending.set(args.queryId, tables);
			// Before the write too: a cache filled while it runs is dropped again after it.
			for (const listener of listeners) listener(tables);
		}
		return args.node;
	}

	async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
		const tables = this.pending.get(args.queryId);
		if (tables) {
			this.pending.delete(args.queryId);
			for (const listener of listeners) listener(tables);
		}
		return args.result;
	}
}
