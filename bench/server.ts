// Starts the built app as `npm start` does (`node <its flags> build`) on the benchmark database,
// logs in, and stops it again. BENCH_NODE_FLAGS replaces the start script's flags (e.g. '' for
// plain `node build`, to compare).
// The build is copied to a temporary folder first, so that another `npm run build` in the same
// tree cannot swap files under a running benchmark.
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startCommand } from '../tests/start-command';

export const ROOT = resolve(import.meta.dirname, '..');
export const DEMO_PASSWORD = 'aarshjul-demo';
export const SECRETARIAT = 'sekretariat@aarshjul.example';

/** How the measured server starts: as `npm start` does, unless BENCH_NODE_FLAGS is set. */
const START = startCommand();
export const NODE_FLAGS =
	process.env.BENCH_NODE_FLAGS === undefined
		? START.flags
		: process.env.BENCH_NODE_FLAGS.split(' ').filter(Boolean);
export const NODE_ENV_VARS: Record<string, string> =
	process.env.BENCH_NODE_FLAGS === undefined ? START.env : {};

export interface BenchServer {
	origin: string;
	pid: number;
	/** Cookie header value of a logged-in secretariat session. */
	login(email?: string): Promise<string>;
	/** User + system CPU time of the server process so far, in ms (from /proc; 10 ms ticks). */
	cpuMs(): number;
	stop(): Promise<void>;
}

export interface StartOptions {
	dataDir: string;
	port?: number;
	/** PostgreSQL instead of the embedded database in dataDir. */
	databaseUrl?: string;
	/** Extra node flags, e.g. ['--cpu-prof', '--cpu-prof-dir=/tmp/prof']. */
	nodeArgs?: string[];
	/** Set over the defaults below (DEMO_DATA=true …); an undefined value removes the variable. */
	env?: Record<string, string | undefined>;
}

/**
 * Copies build/ (plus package.json and a node_modules link) into a temporary folder. run.ts makes
 * one for the whole run and passes it on in BENCH_APP_DIR, so every step measures the same build.
 */
export function snapshotBuild(buildDir = join(ROOT, 'build')): string {
	if (!existsSync(join(buildDir, 'index.js'))) {
		throw new Error(`No build found in ${buildDir}: run \`npm run build\` first.`);
	}
	const dir = mkdtempSync(join(tmpdir(), 'aarshjul-bench-app-'));
	cpSync(buildDir, join(dir, 'build'), { recursive: true });
	cpSync(join(ROOT, 'package.json'), join(dir, 'package.json'));
	symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
	return dir;
}

const TICK_MS = 10; // getconf CLK_TCK is 100 on Linux

function processCpuMs(pid: number): number {
	const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
	// Fields after the command name (which may contain spaces) start after the last ')'.
	const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
	return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
}

async function waitForHealth(origin: string, child: ChildProcess, stderr: () => string) {
	const deadline = Date.now() + 120_000;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) {
			throw new Error(`node build exited with ${child.exitCode}:\n${stderr()}`);
		}
		try {
			const response = await fetch(`${origin}/healthz`);
			if (response.ok) return;
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 200));
	}
	throw new Error(`node build did not answer ${origin}/healthz within 120 s:\n${stderr()}`);
}

export async function startServer(options: StartOptions): Promise<BenchServer> {
	const port = options.port ?? 4420;
	const origin = `http://localhost:${port}`;
	const shared = process.env.BENCH_APP_DIR;
	const appDir = shared || snapshotBuild();
	let errors = '';
	// The app does not exit after SvelteKit's graceful shutdown (the open database keeps it
	// alive): exit once the server has closed, so that stop() is quick and --cpu-prof is written.
	const exitOnShutdown = `--import=data:text/javascript,${encodeURIComponent(
		"process.on('sveltekit:shutdown', () => process.exit(0));"
	)}`;
	const child = spawn(
		process.execPath,
		[exitOnShutdown, ...NODE_FLAGS, ...(options.nodeArgs ?? []), 'build'],
		{
			cwd: appDir,
			env: {
				...process.env,
				...NODE_ENV_VARS,
				NODE_ENV: 'production',
				PORT: String(port),
				ORIGIN: origin,
				DATA_DIR: options.dataDir,
				DATABASE_URL: options.databaseUrl ?? '',
				SMTP_URL: '',
				DEMO_DATA: 'true',
				QUIET_STARTUP: 'true',
				...options.env
			},
			stdio: ['ignore', 'ignore', 'pipe']
		}
	);
	child.stderr?.on('data', (chunk: Buffer) => {
		errors = (errors + chunk.toString()).slice(-4000);
	});
	const exited = new Promise<void>((r) => child.once('exit', () => r()));
	// Never leave a server behind, even when the benchmark throws or is interrupted.
	const onExit = () => child.kill('SIGKILL');
	process.once('exit', onExit);

	const stop = async () => {
		process.off('exit', onExit);
		if (child.exitCode === null && child.signalCode === null) {
			// SIGINT lets node write a --cpu-prof profile; SIGKILL if it takes too long.
			child.kill('SIGINT');
			const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
			await exited;
			clearTimeout(timer);
		}
		if (!shared) rmSync(appDir, { recursive: true, force: true });
	};

	try {
		await waitForHealth(origin, child, () => errors);
	} catch (error) {
		await stop();
		throw error;
	}

	return {
		origin,
		pid: child.pid!,
		cpuMs: () => processCpuMs(child.pid!),
		stop,
		async login(email = SECRETARIAT) {
			const response = await fetch(`${origin}/login`, {
				method: 'POST',
				redirect: 'manual',
				headers: {
					'content-type': 'application/x-www-form-urlencoded',
					// As a browser without JavaScript sends it; else SvelteKit answers with JSON.
					accept: 'text/html',
					origin
				},
				body: new URLSearchParams({ email, password: DEMO_PASSWORD }).toString()
			});
			const cookies = response.headers.getSetCookie().map((c) => c.split(';')[0]);
			if (response.status !== 303 || cookies.length === 0) {
				throw new Error(`Login as ${email} failed: HTTP ${response.status}`);
			}
			return cookies.join('; ');
		}
	};
}
