// Runs the built app (`node build`) as a child process that a test can kill like a power cut
// would (SIGKILL: no shutdown hook, no flush), and talks to it over HTTP as a browser would.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'devalue';
import { startCommand } from '../start-command';

const ROOT = resolve(import.meta.dirname, '../..');
export const DEMO_PASSWORD = 'aarshjul-demo';
export const SCHOOL_USER = 'skole@aarshjul.example';
export const COMPANY_USER = 'virksomhed@aarshjul.example';
export const SECRETARIAT_USER = 'sekretariat@aarshjul.example';

/**
 * A private copy of BUILD_DIR (default ./build) with package.json and a node_modules link: a
 * rebuild in the checkout while the tests run cannot swap files under the server.
 */
export function copyBuild(): { dir: string; remove(): void } {
	const build = resolve(ROOT, process.env.BUILD_DIR ?? 'build');
	if (!existsSync(join(build, 'index.js'))) {
		throw new Error(`No built app in ${build}: run \`npm run build\` first.`);
	}
	const dir = mkdtempSync(join(tmpdir(), 'aarshjul-durability-app-'));
	cpSync(build, join(dir, 'build'), { recursive: true });
	cpSync(join(ROOT, 'package.json'), join(dir, 'package.json'));
	symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
	return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface Target {
	/** Folder of the embedded engine (DATA_DIR); ignored when databaseUrl is set. */
	dataDir?: string;
	databaseUrl?: string;
}

export interface App {
	origin: string;
	/** SIGKILL: the process dies at once, mid-request. */
	kill(): void;
	/** SIGTERM, as an operator stops the service, and wait until the process has exited. */
	stop(): Promise<void>;
	exited: Promise<void>;
}

export interface StartOptions {
	/** Set over the defaults below; an undefined value removes the variable. */
	env?: Record<string, string | undefined>;
	/** Receives everything the app writes to stdout and stderr (stdout is ignored otherwise). */
	output?: (text: string) => void;
}

export async function startApp(
	appDir: string,
	port: number,
	target: Target,
	options: StartOptions = {}
): Promise<App> {
	const origin = `http://localhost:${port}`;
	const start = startCommand();
	const child = spawn(process.execPath, [...start.flags, 'build'], {
		cwd: appDir,
		env: {
			...process.env,
			...start.env,
			NODE_ENV: 'production',
			PORT: String(port),
			ORIGIN: origin,
			DATA_DIR: target.dataDir ?? '',
			DATABASE_URL: target.databaseUrl ?? '',
			SMTP_URL: '',
			DEMO_DATA: 'true',
			QUIET_STARTUP: 'true',
			...options.env
		},
		stdio: ['ignore', options.output ? 'pipe' : 'ignore', 'pipe']
	});
	let stderr = '';
	child.stderr?.on('data', (chunk: Buffer) => {
		stderr = (stderr + chunk.toString()).slice(-4000);
		options.output?.(chunk.toString());
	});
	child.stdout?.on('data', (chunk: Buffer) => options.output?.(chunk.toString()));
	const exited = new Promise<void>((r) => child.once('exit', () => r()));
	// A failing test must not leave a server holding the port or the data folder.
	const onExit = () => child.kill('SIGKILL');
	process.once('exit', onExit);
	const running = () => child.exitCode === null && child.signalCode === null;
	const app: App = {
		origin,
		exited,
		kill: () => {
			child.kill('SIGKILL');
		},
		stop: async () => {
			process.off('exit', onExit);
			if (!running()) return;
			child.kill('SIGTERM');
			const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
			await exited;
			clearTimeout(timer);
		}
	};
	const deadline = Date.now() + 60_000;
	while (Date.now() < deadline) {
		if (!running()) throw new Error(`node build exited (${child.exitCode}):\n${stderr}`);
		const ok = await fetch(`${origin}/healthz`).then(
			(r) => r.ok,
			() => false
		);
		if (ok) return app;
		await new Promise((r) => setTimeout(r, 100));
	}
	await app.stop();
	throw new Error(`node build did not answer ${origin}/healthz within 60 s:\n${stderr}`);
}

/** Logs in through the login form; returns the Cookie header of the new session. */
export async function login(origin: string, email: string): Promise<string> {
	const response = await fetch(`${origin}/login`, {
		method: 'POST',
		redirect: 'manual',
		headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', origin },
		body: new URLSearchParams({ email, password: DEMO_PASSWORD })
	});
	const cookies = response.headers.getSetCookie().map((c) => c.split(';')[0]);
	if (response.status !== 303 || cookies.length === 0) {
		throw new Error(`Login as ${email} failed: HTTP ${response.status}`);
	}
	return cookies.join('; ');
}

export interface ActionAnswer {
	type: 'success' | 'failure' | 'redirect' | 'error';
	status: number;
	data: Record<string, unknown>;
}

/** Posts a form action as SvelteKit's `use:enhance` does, and decodes its devalue answer. */
export async function postAction(
	origin: string,
	cookie: string,
	path: string,
	fields: Record<string, string>
): Promise<ActionAnswer> {
	const response = await fetch(`${origin}${path}`, {
		method: 'POST',
		redirect: 'manual',
		headers: {
			cookie,
			origin,
			accept: 'application/json',
			'content-type': 'application/x-www-form-urlencoded',
			'x-sveltekit-action': 'true'
		},
		body: new URLSearchParams(fields)
	});
	const json = (await response.json()) as {
		type: ActionAnswer['type'];
		status?: number;
		data?: string;
		location?: string;
	};
	// Booking answers with a redirect to the booking's page, /bookinger/<id>?booket=<status>.
	const booked = /^\/bookinger\/([0-9a-f-]{36})\?booket=(\w+)/.exec(json.location ?? '');
	return {
		type: json.type,
		status: json.status ?? response.status,
		data: json.data
			? (parse(json.data) as Record<string, unknown>)
			: booked
				? { bookingId: booked[1], done: booked[2] }
				: {}
	};
}

/** Booking id → status as the offer page lists them (its cards link to /bookinger/<id>). */
export async function bookingsOnOfferPage(origin: string, cookie: string, offerId: string) {
	const response = await fetch(`${origin}/tilbud/${offerId}`, { headers: { cookie } });
	if (!response.ok) throw new Error(`GET /tilbud/${offerId}: HTTP ${response.status}`);
	const html = await response.text();
	const cards = html.matchAll(/data-status="([a-z]+)"[\s\S]*?href="\/bookinger\/([0-9a-f-]{36})"/g);
	return new Map([...cards].map(([, status, id]) => [id, status]));
}
