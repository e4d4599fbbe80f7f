import { defineConfig, devices } from '@playwright/test';
import { BROWSER_WORKERS, browserServer } from './tests/browser/servers';
import { startCommand } from './tests/start-command';

// Browser tests drive the built app (`npm start`'s `node … build`) in Debian's Chromium, one server
// per worker, each on a fresh embedded database: its folder is removed before every run, so the app
// migrates and seeds the demo data. Each worker's tests reach their own server through the baseURL
// fixture of tests/browser/support.ts.
// Playwright cannot download browsers here; Debian's chromium-headless-shell package
// (`apt-get install chromium-headless-shell`) provides the same Chromium build as a headless shell,
// the kind Playwright itself runs headless tests in: it spends about a third less CPU than the full
// browser in headless mode (docs/BENCHMARKS.md), and the browser step is bound by CPU.
const isCI = !!process.env.CI;
const start = startCommand();
const servers = Array.from({ length: BROWSER_WORKERS }, (_, index) => browserServer(index));

export default defineConfig({
	testDir: 'tests/browser',
	fullyParallel: false,
	forbidOnly: isCI,
	retries: 0,
	// One database and one login throttle per worker (tests/browser/servers.ts).
	workers: BROWSER_WORKERS,
	reporter: 'list',
	timeout: 30_000,
	expect: { timeout: 10_000 },
	use: {
		...devices['Desktop Chrome'],
		baseURL: servers[0].origin,
		locale: 'da-DK',
		timezoneId: 'Europe/Copenhagen',
		trace: 'off',
		launchOptions: {
			executablePath: process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium-headless-shell',
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
	webServer: servers.map(({ port, origin, dataDir }) => ({
		command: `rm -rf '${dataDir}' && mkdir -p '${dataDir}' && exec node ${start.flags.join(' ')} build`,
		url: `${origin}/healthz`,
		reuseExistingServer: !isCI,
		timeout: 120_000,
		stdout: 'ignore' as const,
		stderr: 'pipe' as const,
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
	}))
});
