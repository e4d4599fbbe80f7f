import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { HELPER_LOOP, HelperProcess } from '../node-child';

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
): string | undefined {
	if (dataDir.startsWith('memory://') || existsSync(join(dataDir, 'PG_VERSION'))) return undefined;
	const file = env.PGLITE_TEMPLATE || DEFAULT_TEMPLATE;
	return existsSync(file) ? file : undefined;
}

// Code in a string (platform's HelperProcess); it loads PGlite from the path the server resolved.
const UNPACK_SOURCE = `
const { readFileSync } = require('node:fs');
const { PGlite } = require(process.env.AARSHJUL_PGLITE);
async function handle({ dataDir, template, startParams }) {
	const pglite = await PGlite.create(dataDir, { startParams, loadDataDir: new Blob([readFileSync(template)]) });
	await pglite.close();
}
${HELPER_LOOP}`;

/**
 * Unpacks the template into the new folder `dataDir` in a short-lived helper process. Unpacking
 * in the server itself left ~90 MB of the tarball's buffers until V8's next full collection and
 * ~40 MB in glibc's heap for the life of the server (docs/BENCHMARKS.md, "Server memory with the
 * demo data"); a process that exits gives all of it back. The server then opens the folder as it
 * opens any existing one.
 */
export function unpackTemplate(
	dataDir: string,
	template: string,
	startParams: readonly string[]
): Promise<void> {
	const helper = new HelperProcess<
		{ dataDir: string; template: string; startParams: readonly string[] },
		void
	>(
		`Unpacking the database template into ${dataDir}`,
		UNPACK_SOURCE,
		() => ({ AARSHJUL_PGLITE: createRequire(import.meta.url).resolve('@electric-sql/pglite') }),
		0
	);
	return helper.request({ dataDir, template, startParams });
}
