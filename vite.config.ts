import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export const paraglideOptions = {
	project: './project.inlang',
	outdir: './src/lib/paraglide',
	// Danish first: no Accept-Language guessing; English is an explicit choice kept in a cookie.
	strategy: ['cookie', 'baseLocale']
} as const;

export default defineConfig({
	plugins: [
		// Under Vitest the messages are compiled once by tests/global-setup.ts: the plugin's
		// file watcher would otherwise keep Vitest from exiting for 10 s after every run.
		...(process.env.VITEST
			? []
			: [paraglideVitePlugin({ ...paraglideOptions, strategy: [...paraglideOptions.strategy] })]),
		sveltekit()
	],
	test: {
		include: ['src/**/*.test.ts', 'tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
		environment: 'node',
		testTimeout: 30_000,
		hookTimeout: 60_000,
		pool: 'forks',
		// Vitest's default leaves one core to its main process, which is idle once the files are
		// transformed: on the 2-core CI machine that ran the files one at a time.
		maxWorkers: 2,
		globalSetup: ['tests/global-setup.ts'],
		setupFiles: ['tests/setup-env.ts']
	}
});
