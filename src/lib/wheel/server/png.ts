import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

// The PNG export renders an SVG of the wheel with resvg: about a second of CPU at 6000 px, which
// on the event loop stalled every other visitor. So: a size cap, a cache of finished PNGs, and
// the rendering in one worker thread with a small limit; beyond it the caller answers 503.

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

// The worker is code in a string, so it travels inside the server bundle whatever Vite and
// adapter-node do with files; it loads resvg from the path the main thread resolved.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const os = require('node:os');
const { Resvg } = require(workerData.resvgPath);
// On Linux a thread has its own nice value: page requests on the main thread go first.
try { os.setPriority(10); } catch {}
parentPort.on('message', ({ id, svg, width }) => {
	try {
		const resvg = new Resvg(svg, {
			fitTo: { mode: 'width', value: width },
			background: '#ffffff',
			font: {
				loadSystemFonts: true,
				fontFiles: workerData.fontFiles,
				defaultFontFamily: 'DejaVu Sans',
				sansSerifFamily: 'DejaVu Sans'
			}
		});
		const png = resvg.render().asPng();
		const bytes = new Uint8Array(png.buffer, png.byteOffset, png.byteLength).slice();
		parentPort.postMessage({ id, png: bytes, threadId: require('node:worker_threads').threadId }, [bytes.buffer]);
	} catch (error) {
		parentPort.postMessage({ id, error: String(error && error.message || error) });
	}
});
`;

function workerData() {
	const require = createRequire(import.meta.url);
	let fontFiles: string[] = [];
	try {
		fontFiles = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map((file) =>
			require.resolve(`dejavu-fonts-ttf/ttf/${file}`)
		);
	} catch {
		// Without the font package resvg still draws text with the system's fonts.
	}
	return { resvgPath: require.resolve('@resvg/resvg-js'), fontFiles };
}

type Pending = { resolve: (png: Uint8Array) => void; reject: (error: Error) => void };

/** One lazily started worker, stopped again when idle so that it costs no memory in between. */
class PngWorker {
	#worker: Worker | null = null;
	#pending = new Map<number, Pending>();
	#next = 1;
	#idle: ReturnType<typeof setTimeout> | null = null;
	lastThreadId = 0;

	render(svg: string, width: number): Promise<Uint8Array> {
		const worker = this.#start();
		if (this.#idle) clearTimeout(this.#idle);
		const id = this.#next++;
		return new Promise<Uint8Array>((resolve, reject) => {
			this.#pending.set(id, { resolve, reject });
			worker.postMessage({ id, svg, width });
		}).finally(() => {
			if (this.#pending.size === 0) this.#scheduleStop();
		});
	}

	#start(): Worker {
		if (this.#worker) return this.#worker;
		const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: workerData() });
		worker.unref();
		worker.on(
			'message',
			(message: { id: number; png?: Uint8Array; error?: string; threadId?: number }) => {
				const pending = this.#pending.get(message.id);
				this.#pending.delete(message.id);
				if (message.threadId) this.lastThreadId = message.threadId;
				if (message.png) pending?.resolve(message.png);
				else pending?.reject(new Error(`PNG rendering failed: ${message.error}`));
			}
		);
		const fail = (error: Error) => {
			if (this.#worker === worker) this.#worker = null;
			for (const pending of this.#pending.values()) pending.reject(error);
			this.#pending.clear();
		};
		worker.on('error', fail);
		worker.on('exit', (code) => fail(new Error(`PNG worker exited with code ${code}`)));
		this.#worker = worker;
		return worker;
	}

	#scheduleStop() {
		if (this.#idle) clearTimeout(this.#idle);
		this.#idle = setTimeout(() => {
			const worker = this.#worker;
			this.#worker = null;
			void worker?.terminate();
		}, 30_000);
		this.#idle.unref();
	}
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

const worker = new PngWorker();
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
	const render = draw().then((svg) => worker.render(svg, width));
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

/** For tests: the thread that drew the last PNG (0 would be the main thread). */
export function lastPngThreadId(): number {
	return worker.lastThreadId;
}
