import { execFileSync } from 'node:child_process';
import { paraglideOptions } from '../vite.config';

/**
 * Compiles the Paraglide messages once before any test file imports them. In a child process:
 * the compiler leaves handles open that would keep Vitest from exiting for 10 s.
 */
export default function setup(): void {
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
}
