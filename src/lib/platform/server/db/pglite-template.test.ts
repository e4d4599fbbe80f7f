import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'kysely';
import { afterAll, afterEach, describe, expect, inject, it, vi } from 'vitest';
import { openDatabase } from './engine';
import { pgliteTemplateFor } from './pglite-template';

const root = mkdtempSync(join(tmpdir(), 'aarshjul-template-'));
const template = join(root, 'cluster.tgz');
writeFileSync(template, 'tarball');
afterAll(() => rmSync(root, { recursive: true, force: true }));
afterEach(() => vi.unstubAllEnvs());

/**
 * An empty, initialised cluster as a tarball: the one this run's global setup made (on the
 * embedded engine), else one made here as the build makes it (entry/make-pglite-template.js).
 */
async function emptyCluster(): Promise<string> {
	const templates = inject('databaseTemplates');
	if (templates?.engine === 'pglite') return templates.empty;
	const maker = await PGlite.create('memory://');
	const cluster = join(root, 'real.tgz');
	writeFileSync(cluster, Buffer.from(await (await maker.dumpDataDir('gzip')).arrayBuffer()));
	await maker.close();
	return cluster;
}

describe('pglite-template', () => {
	describe('pgliteTemplateFor', () => {
		it('gives the template for a new or empty folder', () => {
			expect(pgliteTemplateFor(join(root, 'new'), { PGLITE_TEMPLATE: template })).toBe(template);
		});

		it('gives nothing for a folder that holds a cluster, for memory:// and without a template', () => {
			const existing = join(root, 'existing');
			mkdirSync(existing);
			writeFileSync(join(existing, 'PG_VERSION'), '17');
			expect(pgliteTemplateFor(existing, { PGLITE_TEMPLATE: template })).toBeUndefined();
			expect(pgliteTemplateFor('memory://', { PGLITE_TEMPLATE: template })).toBeUndefined();
			expect(
				pgliteTemplateFor(join(root, 'new'), { PGLITE_TEMPLATE: join(root, 'missing.tgz') })
			).toBeUndefined();
		});
	});

	describe('a new folder', () => {
		it('starts from the template, unpacked in a child process, and then opens as any folder', async () => {
			vi.stubEnv('PGLITE_TEMPLATE', await emptyCluster());

			const dataDir = join(root, 'fresh');
			const database = await openDatabase({ dataDir });
			try {
				expect(existsSync(join(dataDir, 'PG_VERSION'))).toBe(true);
				const { rows } = await sql<{ answer: number }>`select 41 + 1 as answer`.execute(
					database.db
				);
				expect(rows).toEqual([{ answer: 42 }]);
			} finally {
				await database.close();
			}
		}, 60_000);

		it('says which folder could not be made when the template is no cluster', async () => {
			vi.stubEnv('PGLITE_TEMPLATE', template);
			await expect(openDatabase({ dataDir: join(root, 'broken') })).rejects.toThrow(
				/Unpacking the database template into .*broken failed/
			);
		}, 60_000);
	});
});
