import { execFileSync } from 'node:child_process';
import type { TestProject } from 'vitest/node';
import { paraglideOptions } from '../vite.config';
import { prepareDatabaseTemplates } from './helpers/db-templates';

/**
 * Compiles the Paraglide messages once before any test file imports them (in a child process:
 * the compiler leaves handles open that would keep Vitest from exiting for 10 s), and migrates
 * the database template every test file copies.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
	execFileSync(
		process.execPath,
		[
			'node_modules/@inlang/paraglide-js/bin/run.js',
			'compile',
			'--project',
			paraglideOptions.project,
			'--outdir',
			paraglideOptions.outdir,
			'--strategy',
			...paraglideOptions.strategy,
			'--silent'
		],
		{ stdio: 'inherit' }
	);
	const { templates, teardown } = await prepareDatabaseTemplates(
		process.env.DATABASE_URL || undefined
	);
	project.provide('databaseTemplates', templates);
	return teardown;
}
