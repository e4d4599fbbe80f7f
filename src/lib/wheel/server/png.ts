import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { HELPER_LOOP, HelperProcess } from '$lib/platform/server/node-child';

// The PNG export renders an SVG of the wheel with resvg: about a second of CPU at 6000 px, which
// on the event loop stalled every other visitor. So: a size cap, a cache of finished PNGs, and
// the rendering in one child process with a small limit; beyond it the caller answers 503.

/**
 * The widest PNG served: an A3 sheet printed landscape at 200 dpi (420 mm = 16.5 in × 200 ≈ 3,307
 * px). More pixels do not print sharper on the alliance's printers; they only cost time.
 */
export const MAX_PNG_WIDTH = 3300;
const MIN_PNG_WIDTH = 400;
const DEFAULT_PNG_WIDTH = 2400;

/** ?width= in pixels: an integer, clamped to 400–3300; anything else is the default. */
export function pngWidth(value: string | null): number {
	if (value === null || !/^\d{1,6}$/.test(value.trim())) return DEFAULT_PNG_WIDTH;
	return Math.min(Math.max(Number(value), MIN_PNG_WIDTH), MAX_PNG_WIDTH);
}

// The renderer is code in a string (platform's HelperProcess); it loads resvg from the path the
// server resolved. It runs in a child process of its own, not a worker thread: a 3,300 px picture
// takes ~100 MB of pixels and resvg's work on top of the server's own memory, and glibc keeps much of what a thread frees;
// a process that exits gives all of it back (docs/BENCHMARKS.md, "Server memory with the demo
// data").
const RENDERER_SOURCE = `
const os = require('node:os');
const data = JSON.parse(process.env.AARSHJUL_PNG_RENDERER);
const { Resvg } = require(data.resvgPath);
// Below the server's page requests for the CPU.
try { os.setPriority(10); } catch {}
function handle({ svg, width }) {
	const resvg = new Resvg(svg, {
		fitTo: { mode: 'width', value: width },
		background: '#ffffff',
		font: {
			loadSystemFonts: true,
			fontFiles: data.fontFiles,
			defaultFontFamily: 'DejaVu Sans',
			sansSerifFamily: 'DejaVu Sans'
		}
	});
	const png = resvg.render().asPng();
	return new Uint8Array(png.buffer, png.byteOffset, png.byteLength);
}
${HELPER_LOOP}`;

function rendererEnv(): Record<string, string> {
	const require = createRequire(import.meta.url);
	let fontFiles: string[] = [];
	try {
		fontFiles = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map((file) =>
			require.resolve(`dejavu-fonts-ttf/ttf/${file}`)
		);
	} catch {
		// Without the font package resvg still draws text with the system's fonts.
	}
	return {
		AARSHJUL_PNG_RENDERER: JSON.stringify({
			resvgPath: require.resolve('@resvg/resvg-js'),
			fontFiles
		})
	};
}

/** A small least-recently-used cache of finished PNGs, bounded by count and by bytes. */
class PngCache {
	#entries = new Map<string, Uint8Array>();
	#bytes = 0;
	constructor(
		readonly maxEntries: number,
		readonly maxBytes: number
	) {}

	get(key: string): Uint8Array | undefined {
		const hit = this.#entries.get(key);
		if (hit) {
			this.#entries.delete(key);
			this.#entries.set(key, hit);
		}
		return hit;
	}

	set(key: string, png: Uint8Array) {
		if (png.byteLength > this.maxBytes) return;
		this.#entries.delete(key);
		this.#entries.set(key, png);
		this.#bytes += png.byteLength;
		for (const [oldest, value] of this.#entries) {
			if (this.#entries.size <= this.maxEntries && this.#bytes <= this.maxBytes) break;
			this.#entries.delete(oldest);
			this.#bytes -= value.byteLength;
		}
	}

	clear() {
		this.#entries.clear();
		this.#bytes = 0;
	}
}

export type PngResult =
	| { ok: true; png: Uint8Array; cached: boolean }
	| { ok: false; busy: true; retryAfterSeconds: number };

// One lazily started renderer, ended 5 s after its last picture: long enough for a few pictures
// in a row, no longer.
const renderer = new HelperProcess<{ svg: string; width: number }, Uint8Array>(
	'PNG renderer',
	RENDERER_SOURCE,
	rendererEnv,
	5_000
);
// 24 PNGs or 24 MB: a 2400 px demo wheel is about 0.5 MB, a 3300 px one about 1 MB.
const cache = new PngCache(24, 24 * 1024 * 1024);
let limit = 1;
let inFlight = 0;
const rendering = new Map<string, Promise<Uint8Array>>();

/**
 * The PNG for a key, drawn by draw() on a miss. The key says everything the picture depends on
 * (the caller's data version, viewer, query and width), so a hit costs no database work
 * beyond the version and no drawing; a picture asked for again while it renders is shared.
 * Beyond the limit a new picture is refused at once (busy), before any SVG is built: the
 * main thread then spends nothing on it.
 */
export async function renderPngCached(
	key: string,
	width: number,
	draw: () => Promise<string>
): Promise<PngResult> {
	const hit = cache.get(key);
	if (hit) return { ok: true, png: hit, cached: true };
	const running = rendering.get(key);
	if (running) return { ok: true, png: await running, cached: false };
	if (inFlight >= limit) return { ok: false, busy: true, retryAfterSeconds: 5 };
	inFlight++;
	const render = draw().then((svg) => renderer.request({ svg, width }));
	rendering.set(key, render);
	try {
		const png = await render;
		cache.set(key, png);
		return { ok: true, png, cached: false };
	} finally {
		inFlight--;
		rendering.delete(key);
	}
}

/** A cache key from its parts (hashed: the query may be long). */
export function pngCacheKey(parts: unknown[]): string {
	return createHash('sha256').update(JSON.stringify(parts)).digest('base64url');
}

/** For tests: the number of renders at once, and a cold cache. */
export function configurePngRendering(options: { limit?: number; clearCache?: boolean }) {
	if (options.limit !== undefined) limit = options.limit;
	if (options.clearCache) cache.clear();
}

/** For tests: the process that drew the last PNG (not the server's own). */
export function lastPngRendererPid(): number {
	return renderer.lastPid;
}
