import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where `npm run build` leaves the empty cluster (src/lib/platform/server/entry/make-pglite-template.js). */
const DEFAULT_TEMPLATE = join('build', 'pglite-template.tgz');

/**
 * The initialised empty cluster to unpack into a new data folder, or undefined when the folder
 * already holds a database or no template was built (`vite dev`, a checkout without a build):
 * then PGlite runs initdb itself, which needs about three times the memory (docs/BENCHMARKS.md).
 * PGLITE_TEMPLATE names the file (build/index.js sets it next to itself); else ./build/… is used.
 */
export function pgliteTemplateFor(
	dataDir: string,
	env: NodeJS.ProcessEnv = process.env
): Blob | undefined {
	if (dataDir.startsWith('memory://') || existsSync(join(dataDir, 'PG_VERSION'))) return undefined;
	const file = env.PGLITE_TEMPLATE || DEFAULT_TEMPLATE;
	if (!existsSync(file)) return undefined;
	return new Blob([readFileSync(file)]);
}
