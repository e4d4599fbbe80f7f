import { Readable } from 'node:stream';
import { constants, createBrotliCompress, createGzip } from 'node:zlib';

// Compresses the app's own responses (pages, JSON, SVG, text) when the client accepts it, so the
// app needs no proxy in front of it for that. Streams through zlib: a streamed page stays
// streamed. Brotli at quality 4 with a 256 kB window: on the 1.3 MB wheel page of 2,000
// activities 231 kB in ~11 ms, against 220 kB in ~25–40 ms at quality 5 with the default 4 MB
// window (docs/BENCHMARKS.md), and a smaller encoder in memory; brotli's default 11 is meant for
// files compressed once. Gzip, for clients without brotli, at level 6 (255 kB for that page).

export type Encoding = 'br' | 'gzip';

const COMPRESSIBLE =
	/^(text\/(html|plain|css|javascript|csv|calendar)|application\/(json|javascript|xml|ld\+json|manifest\+json)|image\/svg\+xml)\b/i;
/** Below this a compressed body is barely smaller, and not worth a CPU's time. */
const MIN_BYTES = 1024;

/**
 * The encoding to use for an Accept-Encoding header: br before gzip when both are acceptable,
 * none when neither is (absent, `identity`, or q=0).
 */
export function negotiateEncoding(acceptEncoding: string | null): Encoding | null {
	if (!acceptEncoding) return null;
	const quality = new Map<string, number>();
	for (const part of acceptEncoding.split(',')) {
		const [name, ...params] = part.trim().toLowerCase().split(';');
		if (!name) continue;
		const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
		const value = q ? Number(q.slice(2)) : 1;
		quality.set(name, Number.isFinite(value) ? value : 0);
	}
	const of = (name: Encoding) => quality.get(name) ?? (quality.get('*') || 0);
	const br = of('br');
	const gzip = of('gzip');
	if (br <= 0 && gzip <= 0) return null;
	return br >= gzip ? 'br' : 'gzip';
}

function addVary(headers: Headers) {
	const vary = headers.get('vary');
	if (!vary) headers.set('vary', 'Accept-Encoding');
	else if (!/(^|,)\s*(accept-encoding|\*)\s*(,|$)/i.test(vary)) {
		headers.set('vary', `${vary}, Accept-Encoding`);
	}
}

/**
 * The response compressed for the request, or the same response when it should not be: a HEAD
 * request, no body, a status without one, already encoded (the feeds gzip their own), a type that
 * does not compress (PNG), a small body, or `Cache-Control: no-transform`. Vary: Accept-Encoding
 * is set on every response whose type could be compressed, so caches keep the versions apart.
 */
export function compressResponse(request: Request, response: Response): Response {
	const type = response.headers.get('content-type') ?? '';
	if (!COMPRESSIBLE.test(type)) return response;
	const headers = new Headers(response.headers);
	addVary(headers);
	const length = headers.get('content-length');
	const encoding = negotiateEncoding(request.headers.get('accept-encoding'));
	const skip =
		encoding === null ||
		request.method === 'HEAD' ||
		response.body === null ||
		[101, 204, 206, 304].includes(response.status) ||
		headers.has('content-encoding') ||
		(length !== null && Number(length) < MIN_BYTES) ||
		/\bno-transform\b/i.test(headers.get('cache-control') ?? '');
	if (skip) {
		// Responses are sometimes immutable (fetch()ed ones); the status line and body are kept.
		return new Response(response.body, {
			status: response.status,
			statusText: response.statusText,
			headers
		});
	}
	const zip =
		encoding === 'br'
			? createBrotliCompress({
					params: {
						[constants.BROTLI_PARAM_QUALITY]: 4,
						[constants.BROTLI_PARAM_LGWIN]: 18,
						[constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT
					}
				})
			: createGzip({ level: 6 });
	const input = Readable.fromWeb(response.body as import('node:stream/web').ReadableStream);
	input.on('error', (e) => zip.destroy(e));
	const body = Readable.toWeb(input.pipe(zip)) as ReadableStream<Uint8Array>;
	headers.set('content-encoding', encoding);
	headers.delete('content-length');
	// The bytes differ from the identity version, so a strong validator becomes a weak one.
	const etag = headers.get('etag');
	if (etag && !etag.startsWith('W/')) headers.set('etag', `W/${etag}`);
	return new Response(body, { status: response.status, statusText: response.statusText, headers });
}
