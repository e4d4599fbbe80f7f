import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

// What a newcomer's terminal shows on `npm ci && npm run demo`: the address and the demo logins
// once (the app prints them on start), no warning about install scripts, and a README whose
// first block works as written.
const run = promisify(execFile);
const pkg = JSON.parse(await readFile('package.json', 'utf8')) as {
	scripts: Record<string, string>;
	allowScripts?: Record<string, boolean>;
};

describe('newcomer terminal', () => {
	describe('package.json', () => {
		it('approves esbuild install script, so npm ci ends without a warning about it', () => {
			expect(pkg.allowScripts?.esbuild).toBe(true);
		});

		it('compiles the messages and seeds quietly before the dev server, which prints the address and logins once', () => {
			// db/demo-oidc.ts starts the local OpenID provider (one line) and then `vite dev`.
			expect(pkg.scripts.demo).toBe(
				'npm run paraglide --silent && tsx db/cli.ts seed --quiet && tsx db/demo-oidc.ts'
			);
			expect(pkg.scripts.dev).toBe('npm run paraglide --silent && vite dev');
		});
	});

	describe('db/cli.ts seed --quiet', () => {
		it('prints nothing', async () => {
			const dataDir = await mkdtemp(join(tmpdir(), 'aarshjul-quiet-'));
			try {
				const { stdout, stderr } = await run('npx', ['tsx', 'db/cli.ts', 'seed', '--quiet'], {
					env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' }
				});
				expect(stdout).toBe('');
				expect(stderr).toBe('');
			} finally {
				await rm(dataDir, { recursive: true, force: true });
			}
		}, 120_000);
	});

	describe('npm run paraglide', () => {
		// On a fresh clone the first compile writes the inlang project's own files (.gitignore,
		// README.md, .meta.json, .lix/); under `vite dev` each write made the watcher print
		// "Re-compiling inlang project…" again, six times. Compiled before vite starts, they exist.
		it('writes the inlang project files on a fresh clone, before the dev server watches them', async () => {
			const dir = await mkdtemp(join(tmpdir(), 'aarshjul-inlang-'));
			try {
				const project = join(dir, 'project.inlang');
				await run('mkdir', ['-p', project]);
				await run('cp', ['project.inlang/settings.json', project]);
				const args = pkg.scripts.paraglide
					.replace('./project.inlang', project)
					.replace('./src/lib/paraglide', join(dir, 'out'))
					.split(' ');
				const { stdout, stderr } = await run('npx', args);
				expect(`${stdout}${stderr}`).not.toMatch(/Re-compiling/);
				const { stdout: files } = await run('find', [project, '-type', 'f']);
				for (const file of ['.gitignore', 'README.md', '.meta.json', '.lix/README.md']) {
					expect(files).toContain(join(project, file));
				}
			} finally {
				await rm(dir, { recursive: true, force: true });
			}
		}, 120_000);
	});

	describe('README', () => {
		it('runs the tests in a second terminal, after the command that keeps running', async () => {
			const readme = await readFile('README.md', 'utf8');
			const block = /```sh\n([\s\S]*?)```/.exec(readme)![1].split('\n');
			expect(block[0]).toMatch(/^npm ci && npm run demo\s/);
			expect(block[1]).toMatch(/^npm test\s+# in a second terminal/);
		});
	});
});
