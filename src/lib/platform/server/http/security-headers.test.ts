import { afterEach, describe, expect, it } from 'vitest';
import { isFramable, securityHeaders } from './security-headers';

describe('security-headers', () => {
	const origin = process.env.ORIGIN;
	afterEach(() => {
		if (origin === undefined) delete process.env.ORIGIN;
		else process.env.ORIGIN = origin;
	});

	describe('securityHeaders', () => {
		it('sends HSTS when the app is served over https', () => {
			process.env.ORIGIN = 'https://aarshjul.example';
			const headers = new Headers();
			securityHeaders('/', headers);
			expect(headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
		});

		it('sends no HSTS on plain http (development)', () => {
			process.env.ORIGIN = 'http://localhost:5173';
			const headers = new Headers();
			securityHeaders('/', headers);
			expect(headers.get('strict-transport-security')).toBeNull();
		});

		it('forbids framing everywhere but the embed, which any site may frame', () => {
			const page = new Headers();
			securityHeaders('/aarshjul', page);
			expect(page.get('content-security-policy')).toBe("frame-ancestors 'none'");
			expect(page.get('x-frame-options')).toBe('DENY');
			const embed = new Headers();
			securityHeaders('/embed/hedensted-kommune', embed);
			expect(embed.get('content-security-policy')).toBe('frame-ancestors *');
			expect(embed.get('x-frame-options')).toBeNull();
		});
	});

	describe('isFramable', () => {
		it('does not let a look-alike path through', () => {
			expect(isFramable('/embed')).toBe(true);
			expect(isFramable('/embedded')).toBe(false);
			expect(isFramable('/aarshjul/embed')).toBe(false);
		});
	});
});
