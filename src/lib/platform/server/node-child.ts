import { spawn, type ChildProcess } from 'node:child_process';

/** What a helper's source receives: `{ id, request }`; what it sends back. */
type HelperReply<R> = { id: number; pid: number } & (
	{ ok: true; result: R } | { ok: false; error: string }
);

type Pending<R> = { resolve: (result: R) => void; reject: (error: Error) => void };

/**
 * A helper process (the PNG renderer, the allocation's solver, the first start's unpacking of the
 * database template), whose memory goes back to the system when it exits: `node -e source`,
 * started on the first request and ended once it has been idle for `idleMs`; requests go to it
 * over IPC. The source is code in a string, so it travels inside the server bundle whatever Vite
 * and adapter-node do with files; it answers every `{ id, request }` message with a HelperReply
 * (HELPER_LOOP), is given `env` and exits when the server disconnects. Its young generation is
 * kept as small as `npm start` keeps the server's (package.json). A helper that dies fails the
 * requests it had; the next request starts a new one.
 */
export class HelperProcess<Q, R> {
	#child: ChildProcess | null = null;
	#pending = new Map<number, Pending<R>>();
	#next = 1;
	#idle: ReturnType<typeof setTimeout> | null = null;
	/** The process that answered last (for tests: it is not the server's own). */
	lastPid = 0;

	constructor(
		readonly name: string,
		readonly source: string,
		readonly env: () => Record<string, string>,
		readonly idleMs: number
	) {}

	request(request: Q): Promise<R> {
		const child = this.#start();
		if (this.#idle) clearTimeout(this.#idle);
		const id = this.#next++;
		// While an answer is awaited the channel keeps this process alive (a script, not only a
		// server, can wait for it); when idle it does not.
		child.channel?.ref();
		return new Promise<R>((resolve, reject) => {
			this.#pending.set(id, { resolve, reject });
			child.send({ id, request });
		}).finally(() => {
			if (this.#pending.size > 0) return;
			child.channel?.unref();
			this.#scheduleStop();
		});
	}

	#start(): ChildProcess {
		if (this.#child) return this.#child;
		const child = spawn(process.execPath, ['--max-semi-space-size=2', '-e', this.source], {
			env: { ...process.env, ...this.env() },
			stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
			serialization: 'advanced'
		});
		// Neither the process nor (when idle) its channel keeps the server or a script alive.
		child.unref();
		child.on('message', (reply: HelperReply<R>) => {
			const pending = this.#pending.get(reply.id);
			this.#pending.delete(reply.id);
			this.lastPid = reply.pid;
			if (reply.ok) pending?.resolve(reply.result);
			else pending?.reject(new Error(`${this.name} failed: ${reply.error}`));
		});
		const fail = (error: Error) => {
			// A helper ended when idle had nothing pending: the requests now waiting are another's.
			if (this.#child !== child) return;
			this.#child = null;
			for (const pending of this.#pending.values()) pending.reject(error);
			this.#pending.clear();
		};
		child.on('error', fail);
		child.on('exit', (code, signal) =>
			fail(new Error(`${this.name} exited with ${signal ?? `code ${code}`}`))
		);
		this.#child = child;
		return child;
	}

	#scheduleStop() {
		if (this.#idle) clearTimeout(this.#idle);
		this.#idle = setTimeout(() => {
			const child = this.#child;
			this.#child = null;
			child?.disconnect();
		}, this.idleMs);
		this.#idle.unref();
	}
}

/**
 * The message loop of a helper's source: `handle` (code in the string, called with the request)
 * answers each request; a thrown error travels back as text. Put after the helper's own setup.
 */
export const HELPER_LOOP = `
process.on('disconnect', () => process.exit(0));
process.on('message', async ({ id, request }) => {
	try {
		process.send({ id, pid: process.pid, ok: true, result: await handle(request) });
	} catch (error) {
		process.send({ id, pid: process.pid, ok: false, error: String((error && error.message) || error) });
	}
});
`;
