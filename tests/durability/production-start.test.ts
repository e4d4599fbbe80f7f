import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, copyBuild, startApp, type App } from './app';
import { scratchFolder, scratchPostgres, type Scratch } from './databases';
import { get, postForm, sessionSet } from './http';
import { enginesToTest } from './scratch';

// Issue 12, point 3: production (`node build`, NODE_ENV=production) on an empty database seeds
// no demo data — the README's demo password opens nothing — and its log says how to make the
// first administrator. The operator runs `npm run admin:create`, opens the printed link in the
// restarted app, chooses a password and is logged in as the secretariat.

const ROOT = resolve(import.meta.dirname, '../..');
const TSX = resolve(ROOT, 'node_modules/tsx/dist/cli.mjs');
const PORTS = { pglite: 4374, postgres: 4375 } as const;
const ADMIN = 'driftsansvarlig@alliancen.dk';
const NEW_PASSWORD = 'Sekretariatets-egen-kode-9';

const build = copyBuild();
const scratches: Scratch[] = [];
afterAll(async () => {
	for (const scratch of scratches) await scratch.remove();
	build.remove();
});

function adminCreate(scratch: Scratch, origin: string, args: string[]) {
	const child = spawn(process.execPath, [TSX, 'db/admin-create.ts', ...args], {
		cwd: ROOT,
		env: {
			...process.env,
			ORIGIN: origin,
			DATABASE_URL: scratch.target.databaseUrl ?? '',
			DATA_DIR: scratch.target.dataDir ?? ''
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let stdout = '';
	let stderr = '';
	child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
	child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
	return new Promise<{ code: number | null; stdout: string; stderr: string }>((done) =>
		child.once('close', (code) => done({ code, stdout, stderr }))
	);
}

const production = { NODE_ENV: 'production', DEMO_DATA: undefined, QUIET_STARTUP: undefined };

async function logInStatus(app: App, email: string, password: string): Promise<number> {
	return (await postForm(app, '/login', { email, password })).status;
}

describe.each(enginesToTest())('production start on an empty database (%s)', (engine) => {
	it('seeds no demo data, says how to make the first admin, and the admin link works', async () => {
		const scratch = engine === 'postgres' ? await scratchPostgres('prod') : scratchFolder('prod');
		scratches.push(scratch);
		let output = '';
		const first = await startApp(build.dir, PORTS[engine], scratch.target, {
			env: production,
			output: (text) => (output += text)
		});
		try {
			expect(output).toContain('databasen har ingen brugere endnu');
			expect(output).toContain('npm run admin:create -- --email');
			expect(output).not.toContain(DEMO_PASSWORD);
			// The demo secretariat's public password opens nothing: there is no such user.
			expect(await logInStatus(first, 'sekretariat@aarshjul.example', DEMO_PASSWORD)).not.toBe(303);
			// Without SMTP_URL mail stays in the outbox; production never shows it to anyone.
			expect((await get(first, '/dev/outbox')).status).toBe(404);
		} finally {
			await first.stop();
		}

		const run = await adminCreate(scratch, first.origin, ['--email', ADMIN, '--name', 'Drift']);
		expect(run.code, run.stderr).toBe(0);
		const path = run.stdout.match(/http:\/\/localhost:\d+(\/nulstil\/[a-z2-7]{32})/)?.[1];
		expect(path, run.stdout).toBeDefined();

		output = '';
		const second = await startApp(build.dir, PORTS[engine], scratch.target, {
			env: production,
			output: (text) => (output += text)
		});
		try {
			expect(output).not.toContain('npm run admin:create');
			expect((await get(second, path!)).status).toBe(200);
			const fields = { password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD };
			const reset = await postForm(second, path!, fields);
			expect(reset.status).toBe(303);
			const cookie = `session=${sessionSet(reset)}`;
			// The secretariat may create organisations: the new admin sees the form.
			expect((await get(second, '/organisationer/ny', cookie)).status).toBe(200);
			expect(await logInStatus(second, ADMIN, NEW_PASSWORD)).toBe(303);
			// The link worked once.
			expect((await get(second, path!)).status).toBe(404);
		} finally {
			await second.stop();
		}
	}, 300_000);
});
