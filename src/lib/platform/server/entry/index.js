// build/index.js — what `node build` (and `npm start`) runs. adapter-node serves static files
// (build/client: /_app/immutable/*, favicon, robots.txt) before SvelteKit's hooks run, so the
// security headers set in hooks.server.ts never reach them. This entry adds the headers that are
// the same on every route to every response, then starts adapter-node's own server unchanged
// (renamed to adapter-node-server.js by svelte.config.js): PORT, HOST, SOCKET_PATH, graceful
// shutdown and the rest of its environment variables work as documented.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { staticHeaders } from './static-headers.js';

// The empty embedded cluster made at build time (make-pglite-template.js), found next to this
// file whatever the working directory.
const template = fileURLToPath(new URL('./pglite-template.tgz', import.meta.url));
if (!process.env.PGLITE_TEMPLATE && existsSync(template)) process.env.PGLITE_TEMPLATE = template;

// adapter-node refuses a body over BODY_SIZE_LIMIT (512 kB by default) in English before the
// app sees it; the app sets its own limits in Danish (platform/server/http/body-size.ts: 512 kB,
// the wish CSV 10 MB), so the adapter's is lifted unless the operator sets one.
process.env.BODY_SIZE_LIMIT ??= 'Infinity';

const headers = staticHeaders(process.env.ORIGIN);

// A file that exists only in build/, beside this one once copied there: named through a variable
// so that type-checking this source does not look for it.
const adapterNodeServer = './adapter-node-server.js';
const { server } = await import(adapterNodeServer);
// Every request gets the headers first; SvelteKit's own responses set theirs later with
// writeHead, which wins over these defaults where a page sets another value. Then the fast path
// that the app registered at start (platform/server/http/fast-path.ts: feed polls) may answer it;
// everything else, and whatever the fast path declines, goes to polka's handler as before.
const FAST_PATH = Symbol.for('aarshjul.fastPath');
const http = server.server;
const handlers = http.listeners('request');
http.removeAllListeners('request');
http.on(
	'request',
	/** @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res */
	(req, res) => {
		for (const [name, value] of headers) res.setHeader(name, value);
		const pass = () => {
			for (const handler of handlers) handler.call(http, req, res);
		};
		/** @type {((req: unknown, res: unknown) => false | Promise<boolean>) | undefined} */
		const fast = /** @type {any} */ (globalThis)[FAST_PATH];
		const answered = fast ? fast(req, res) : false;
		if (answered === false) pass();
		else answered.then((done) => done || pass(), pass);
	}
);
