import { defineConfig } from 'vitest/config';

// Durability tests (npm run test:durability) drive the built app (`node build`, or BUILD_DIR) as
// child processes, kill it with SIGKILL and restart it. One file at a time: each one runs servers
// of its own, and a loaded machine would stretch the burst past its timeouts.
export default defineConfig({
	test: {
		include: ['tests/durability/**/*.test.ts'],
		environment: 'node',
		pool: 'forks',
		fileParallelism: false,
		testTimeout: 30_000,
		hookTimeout: 120_000,
		globalSetup: ['tests/durability/global-setup.ts'],
		setupFiles: ['tests/setup-env.ts']
	}
});
