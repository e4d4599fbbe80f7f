import type { IncomingMessage, ServerResponse } from 'node:http';

// A fast path answers a request in front of SvelteKit, on Node's own request and response, for
// the few hot paths where SvelteKit's own work per request is most of the cost (calendar clients
// polling feeds). The built app's entry (platform/server/entry/index.js) calls the registered path
// first; it returns false at once when the request is not its own, or resolves to false, having
// written nothing, when SvelteKit should answer after all. Under `vite dev` nothing calls it.

export type NodeFastPath = (req: IncomingMessage, res: ServerResponse) => false | Promise<boolean>;

/** The key on globalThis where the entry finds the fast path (the two are bundled apart). */
const FAST_PATH = Symbol.for('aarshjul.fastPath');

export function registerFastPath(path: NodeFastPath): void {
	(globalThis as Record<symbol, unknown>)[FAST_PATH] = path;
}
