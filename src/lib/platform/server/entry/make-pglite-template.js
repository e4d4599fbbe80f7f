// Run by svelte.config.js after adapter-node: `node src/lib/platform/server/entry/make-pglite-template.js <file>`
// writes an empty, initialised PGlite cluster as a gzipped tarball (build/pglite-template.tgz).
// PGlite's initdb runs a second PostgreSQL instance beside the first and copies its whole heap:
// creating a cluster peaks at ~620–680 MB resident, where unpacking this tarball peaks at ~230 MB.
// So the cluster is made here, once, at build time (with the PGlite that the build ships), and
// the first start on an empty DATA_DIR unpacks it instead (src/lib/platform/server/db/pglite-template.ts).
import { writeFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';

const file = process.argv[2];
if (!file)
	throw new Error('usage: node src/lib/platform/server/entry/make-pglite-template.js <out.tgz>');
const pglite = await PGlite.create('memory://');
const tarball = await pglite.dumpDataDir('gzip');
writeFileSync(file, Buffer.from(await tarball.arrayBuffer()));
await pglite.close();
