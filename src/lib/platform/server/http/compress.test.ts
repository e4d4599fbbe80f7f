import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { compressResponse, negotiateEncoding } from './compress';

const HTML = `<!doctype html><p>${'Årshjul '.repeat(2000)}</p>`;

const request = (acceptEncoding?: string, method = 'GET') =>
	new Request('http://localhost/aarshjul', {
		method,
		headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding }
	});
const page = (headers: Record<string, string> = {}, body: string | null = HTML, status = 200) =>
	new Response(body, {
		status,
		headers: { 'content-type': 'text/html; charset=utf-8', ...headers }
	});
const bytes = async (response: Response) => Buffer.from(await response.arrayBuffer());

describe('compress', () => {
	describe('negotiateEncoding', () => {
		it('prefers br, honours q-values and refuses what is not offered', () => {
			expect(negotiateEncoding('gzip, deflate, br, zstd')).toBe('br');
			expect(negotiateEncoding('gzip')).toBe('gzip');
			expect(negotiateEncoding('br;q=0.5, gzip;q=0.8')).toBe('gzip');
			expect(negotiateEncoding('br;q=0, gzip;q=0')).toBeNull();
			expect(negotiateEncoding('identity')).toBeNull();
			expect(negotiateEncoding('*')).toBe('br');
			expect(negotiateEncoding('*;q=0')).toBeNull();
			expect(negotiateEncoding(null)).toBeNull();
			expect(negotiateEncoding('')).toBeNull();
		});
	});

	describe('compressResponse', () => {
		it('sends a page brotli-compressed, much smaller, and decodable to the same text', async () => {
			const response = compressResponse(request('gzip, br'), page({ 'content-length': '99999' }));
			expect(response.headers.get('content-encoding')).toBe('br');
			expect(response.headers.get('content-length')).toBeNull();
			expect(response.headers.get('vary')).toBe('Accept-Encoding');
			const body = await bytes(response);
			expect(body.length).toBeLessThan(Buffer.byteLength(HTML) / 10);
			expect(brotliDecompressSync(body).toString('utf8')).toBe(HTML);
		});

		it('sends gzip when only gzip is accepted, and keeps status and other headers', async () => {
			const response = compressResponse(
				request('gzip'),
				page({ 'set-cookie': 'a=1', 'x-frame-options': 'DENY' }, HTML, 404)
			);
			expect(response.status).toBe(404);
			expect(response.headers.get('content-encoding')).toBe('gzip');
			expect(response.headers.get('x-frame-options')).toBe('DENY');
			expect(response.headers.getSetCookie()).toEqual(['a=1']);
			expect(gunzipSync(await bytes(response)).toString('utf8')).toBe(HTML);
		});

		it('sends identity when nothing is accepted, but still says it varies', async () => {
			const response = compressResponse(request(), page());
			expect(response.headers.get('content-encoding')).toBeNull();
			expect(response.headers.get('vary')).toBe('Accept-Encoding');
			expect((await bytes(response)).toString('utf8')).toBe(HTML);
		});

		it('never compresses twice, nor PNG, small bodies, HEAD, 304 or no-transform', async () => {
			const gzipped = page({ 'content-encoding': 'gzip', 'content-type': 'text/calendar' });
			expect(compressResponse(request('br'), gzipped).headers.get('content-encoding')).toBe('gzip');
			const png = new Response(HTML, { headers: { 'content-type': 'image/png' } });
			expect(compressResponse(request('br'), png)).toBe(png);
			for (const response of [
				compressResponse(request('br'), page({ 'content-length': '12' }, 'small')),
				compressResponse(request('br', 'HEAD'), page()),
				compressResponse(request('br'), page({}, null, 304)),
				compressResponse(request('br'), page({ 'cache-control': 'private, no-transform' }))
			]) {
				expect(response.headers.get('content-encoding')).toBeNull();
			}
		});

		it('adds Accept-Encoding to an existing Vary once, and weakens a strong ETag', () => {
			const response = compressResponse(request('gzip'), page({ vary: 'Cookie', etag: '"abc"' }));
			expect(response.headers.get('vary')).toBe('Cookie, Accept-Encoding');
			expect(response.headers.get('etag')).toBe('W/"abc"');
			const again = compressResponse(request('gzip'), page({ vary: 'accept-encoding' }));
			expect(again.headers.get('vary')).toBe('accept-encoding');
		});
	});
});
