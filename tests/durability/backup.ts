// Backup and restore as docs/OPERATIONS.md tells an operator to do it, step for step.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scratchFolder, scratchPostgres, type EngineName, type Scratch } from './databases';

/** pg_dump in PostgreSQL's custom format (compressed, restorable table by table). */
function dumpPostgres(url: string, file: string): void {
	execFileSync('pg_dump', ['--format=custom', `--file=${file}`, url], { stdio: 'pipe' });
}

/** pg_restore into an empty database; --no-owner so another role may own the copy. */
function restorePostgres(file: string, url: string): void {
	execFileSync('pg_restore', ['--no-owner', '--exit-on-error', `--dbname=${url}`, file], {
		stdio: 'pipe'
	});
}

export interface Backup {
	/** What was written: a dump file or a copied folder. */
	path: string;
	restore(): Promise<Scratch>;
	remove(): void;
}

/**
 * PostgreSQL: pg_dump while the app runs (a consistent snapshot). Embedded engine: copy the data
 * folder — only while the app is stopped, so the caller must have stopped it.
 */
export async function backUp(engine: EngineName, source: Scratch): Promise<Backup> {
	const dir = mkdtempSync(join(tmpdir(), 'aarshjul-durability-backup-'));
	const remove = () => rmSync(dir, { recursive: true, force: true });
	if (engine === 'postgres') {
		const file = join(dir, 'aarshjul.dump');
		dumpPostgres(source.url!, file);
		return {
			path: file,
			remove,
			restore: async () => {
				const target = await scratchPostgres('restored');
				restorePostgres(file, target.url!);
				return target;
			}
		};
	}
	const copy = join(dir, 'data');
	cpSync(source.target.dataDir!, copy, { recursive: true });
	return {
		path: copy,
		remove,
		restore: async () => {
			const target = scratchFolder('restored');
			cpSync(copy, target.target.dataDir!, { recursive: true });
			return target;
		}
	};
}
