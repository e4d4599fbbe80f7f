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
		include: [
			'src/**/*.test.ts',
			'tests/unit/**/*.test.ts',
			'tests/integration/**/*.test.ts',
			// Several connections at once (row locks between two app instances): PostgreSQL only, so
			// the embedded engine's run leaves them out instead of reporting them skipped.
			...(process.env.DATABASE_URL ? ['tests/postgres/**/*.test.ts'] : [])
		],
		environment: 'node',
		testTimeout: 30_000,
		hookTimeout: 60_000,
		pool: 'forks',
		// One module graph per worker, not per file: importing the app's modules again for every
		// file was most of the suite's time. Safe because every file opens its own database
		// (tests/helpers/db.ts), no test mocks modules, a test that sets process.env puts it back,
		// and the in-process caches are keyed by random tokens or content, and cleared on writes.
		isolate: false,
		// Vitest's default leaves one core to its main process, which is idle once the files are
		// transformed: on the 2-core CI machine that ran the files one at a time.
		maxWorkers: 2,
		globalSetup: ['tests/global-setup.ts'],
		setupFiles: ['tests/setup-env.ts']
	}
});
