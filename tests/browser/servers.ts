import { tmpdir } from 'node:os';
import { join } from 'node:path';

// The browser tests run in two Playwright workers, each against its own `node build` on its own
// fresh embedded database: the workers share neither demo data nor a login throttle, so what one
// worker's tests change or count never reaches the other's. E2E_PORT is the first server's port,
// the next ones follow it.
export const BROWSER_WORKERS = 2;

export interface BrowserServer {
	port: number;
	origin: string;
	dataDir: string;
}

/** The server of the worker with this parallel index (0 … BROWSER_WORKERS − 1). */
export function browserServer(parallelIndex: number): BrowserServer {
	const port = Number(process.env.E2E_PORT ?? 4319) + parallelIndex;
	return {
		port,
		origin: `http://localhost:${port}`,
		dataDir: join(tmpdir(), `aarshjul-e2e-${port}`)
	};
}
