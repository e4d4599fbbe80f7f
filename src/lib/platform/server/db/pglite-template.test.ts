import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pgliteTemplateFor } from './pglite-template';

const root = mkdtempSync(join(tmpdir(), 'aarshjul-template-'));
const template = join(root, 'cluster.tgz');
writeFileSync(template, 'tarball');
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('pglite-template', () => {
	describe('pgliteTemplateFor', () => {
		it('gives the template for a new or empty folder', async () => {
			const blob = pgliteTemplateFor(join(root, 'new'), { PGLITE_TEMPLATE: template });
			expect(await blob?.text()).toBe('tarball');
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
});
