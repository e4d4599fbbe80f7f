import { describe, expect, it } from 'vitest';
import { BODY_LIMIT, bodySizeRefusal, bodyTooLarge, declaredBodySize } from './body-size';

const UPLOADS = [/^\/praktikfordeling\/[^/?]+\?\/upload$/];
const post = (address: string, headers: Record<string, string>) => ({
	request: new Request(`http://localhost${address}`, { method: 'POST', headers }),
	url: new URL(`http://localhost${address}`)
});
const refusal = (address: string, headers: Record<string, string>) => {
	const { request, url } = post(address, headers);
	return bodySizeRefusal(request, url, UPLOADS);
};

describe('platform/server/http/body-size', () => {
	describe('declaredBodySize', () => {
		it('reads the content-length, or null when there is none or it is garbled', () => {
			expect(declaredBodySize(post('/x', { 'content-length': '123' }).request)).toBe(123);
			expect(declaredBodySize(post('/x', {}).request)).toBeNull();
			expect(declaredBodySize(post('/x', { 'content-length': '1e9' }).request)).toBeNull();
		});
	});

	describe('bodyTooLarge', () => {
		it('compares the declared length with the limit', () => {
			const { request } = post('/x', { 'content-length': String(10 * 1024 * 1024 + 1) });
			expect(bodyTooLarge(request, 10 * 1024 * 1024)).toBe(true);
			expect(bodyTooLarge(request, 11 * 1024 * 1024)).toBe(false);
		});
	});

	describe('bodySizeRefusal', () => {
		it('lets ordinary bodies up to 512 kB through', () => {
			expect(refusal('/bookinger', { 'content-length': String(BODY_LIMIT) })).toBeNull();
		});

		it('refuses a larger body elsewhere with a Danish 413', async () => {
			const response = refusal('/bookinger', { 'content-length': String(BODY_LIMIT + 1) })!;
			expect(response.status).toBe(413);
			expect(await response.text()).toBe('Det, du sendte, er for stort (højst 512 kB).');
		});

		it('leaves the wish upload to its action, but not the round page’s other actions', () => {
			const big = { 'content-length': String(20 * 1024 * 1024) };
			expect(refusal('/praktikfordeling/abc?/upload', big)).toBeNull();
			expect(refusal('/praktikfordeling/abc?/pupil', big)?.status).toBe(413);
			expect(refusal('/praktikfordeling/abc/x?/upload', big)?.status).toBe(413);
		});

		it('refuses a chunked body without a length (411), since no limit could be checked', async () => {
			const response = refusal('/praktikfordeling/abc?/upload', {
				'transfer-encoding': 'chunked'
			})!;
			expect(response.status).toBe(411);
			expect(await response.text()).toMatch(/ingen længde/);
		});
	});
});
