import { execFileSync } from 'node:child_process';
import { renameSync } from 'node:fs';
import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

const OUT = 'build';
const nodeAdapter = adapter({ out: OUT });

/**
 * adapter-node, with src/lib/platform/server/entry/index.js as build/index.js in front of adapter-node's own
 * entry (kept as build/adapter-node-server.js): static files get the security headers too, and
 * `node build` / `npm start` stay what they were. Also builds the empty PGlite cluster that a
 * first start on an empty DATA_DIR unpacks (src/lib/platform/server/entry/make-pglite-template.js).
 * @type {import('@sveltejs/kit').Adapter}
 */
const nodeAdapterWithHeaders = {
	...nodeAdapter,
	name: `${nodeAdapter.name} + static headers`,
	async adapt(builder) {
		await nodeAdapter.adapt(builder);
		renameSync(`${OUT}/index.js`, `${OUT}/adapter-node-server.js`);
		renameSync(`${OUT}/index.js.map`, `${OUT}/adapter-node-server.js.map`);
		builder.copy('src/lib/platform/server/entry/index.js', `${OUT}/index.js`);
		builder.copy('src/lib/platform/server/entry/static-headers.js', `${OUT}/static-headers.js`);
		// In a process of its own: initdb's ~800 MB is given back when it exits.
		execFileSync(process.execPath, [
			'src/lib/platform/server/entry/make-pglite-template.js',
			`${OUT}/pglite-template.tgz`
		]);
	}
};

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: nodeAdapterWithHeaders,
		// SvelteKit adds nonces/hashes for its own inline scripts, so scripts need no 'unsafe-inline'.
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'form-action': ['self'],
				'base-uri': ['self'],
				'object-src': ['none']
			}
		},
		alias: {
			$db: 'db'
		}
	}
};

export default config;
