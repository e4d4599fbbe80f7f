import { describe, expect, it } from 'vitest';
import { sessionCookieOptions } from './session-cookie';

describe('session-cookie', () => {
	describe('sessionCookieOptions', () => {
		const expires = new Date('2026-12-27T00:00:00Z');

		it('is HttpOnly, SameSite=Lax and Secure in production', () => {
			const options = sessionCookieOptions(new URL('https://aarshjul.example/login'), expires);
			expect(options).toEqual({
				httpOnly: true,
				sameSite: 'lax',
				secure: true,
				path: '/',
				expires
			});
		});

		it('stays Secure on plain HTTP anywhere but this machine', () => {
			expect(sessionCookieOptions(new URL('http://aarshjul.example/'), expires).secure).toBe(true);
			expect(sessionCookieOptions(new URL('http://10.0.0.5:3000/'), expires).secure).toBe(true);
		});

		it('drops Secure only for http://localhost development', () => {
			expect(sessionCookieOptions(new URL('http://localhost:5173/'), expires).secure).toBe(false);
			expect(sessionCookieOptions(new URL('http://127.0.0.1:4319/'), expires).secure).toBe(false);
		});
	});
});
