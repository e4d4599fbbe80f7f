import { spawn, type ChildProcess, type StdioOptions } from 'node:child_process';

/**
 * Starts `node -e source`: a short-lived helper process (the PNG renderer, the first start's
 * unpacking of the database template) whose memory goes back to the system when it exits.
 * The source is code in a string, so it travels inside the server bundle whatever Vite and
 * adapter-node do with files. Its young generation is kept as small as `npm start` keeps the
 * server's (package.json), so a helper costs no more than it must.
 */
export function spawnNodeScript(
	source: string,
	env: Record<string, string>,
	stdio: StdioOptions
): ChildProcess {
	return spawn(process.execPath, ['--max-semi-space-size=2', '-e', source], {
		env: { ...process.env, ...env },
		stdio,
		serialization: 'advanced'
	});
}
