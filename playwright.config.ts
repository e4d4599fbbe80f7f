import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig, devices } from '@playwright/test';
import { startCommand } from './tests/start-command';

// Browser tests drive the built app (`npm start`'s `node … build`) in Debian's Chromium on a fresh embedded
// database: the folder is removed before every run, so the app migrates and seeds the demo data.
// Playwright cannot download browsers here; `apt-get install chromium` provides /usr/bin/chromium.
const port = Number(process.env.E2E_PORT ?? 4319);
const origin = `http://localhost:${port}`;
const dataDir = join(tmpdir(), `aarshjul-e2e-${port}`);
const isCI = !!process.env.CI;
const start = startCommand();

export default defineConfig({
	testDir: 'tests/browser',
	fullyParallel: false,
	forbidOnly: isCI,
	retries: 0,
	// One database, one login throttle per IP: one worker keeps the runs deterministic.
	workers: 1,
	reporter: 'list',
	timeout: 30_000,
	expect: { timeout: 10_000 },
	use: {
		...devices['Desktop Chrome'],
		baseURL: origin,
		locale: 'da-DK',
		timezoneId: 'Europe/Copenhagen',
		trace: 'off',
		launchOptions: {
			executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
			args: [
				'--headless',
				'--no-sandbox',
				'--disable-gpu',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
				'--disable-quic',
				'--no-first-run'
			]
		}
	},
	webServer: {
		command: `rm -rf '${dataDir}' && mkdir -p '${dataDir}' && exec node ${start.flags.join(' ')} build`,
		url: `${origin}/healthz`,
		reuseExistingServer: !isCI,
		timeout: 120_000,
		stdout: 'ignore',
		stderr: 'pipe',
		env: {
			...start.env,
			PORT: String(port),
			ORIGIN: origin,
			DATA_DIR: dataDir,
			DATABASE_URL: '',
			SMTP_URL: '',
			// The invitation journey reads its link in the outbox, as the secretariat.
			OUTBOX_PAGE: 'true',
			DEMO_DATA: 'true',
			QUIET_STARTUP: 'true'
		}
	}
});
