import { describe, expect, it } from 'vitest';
import { safeRedirectPath } from './safe-redirect';

// How Chromium reads a Location header relative to the site: the result must stay on the site.
function landsOn(location: string): string {
	return new URL(location, 'https://aarshjul.example.dk').origin;
}

describe('safe-redirect', () => {
	describe('safeRedirectPath', () => {
		it('keeps a same-site path with its query and fragment', () => {
			expect(safeRedirectPath('/tilbud/1?uge=42#bookinger')).toBe('/tilbud/1?uge=42#bookinger');
			expect(safeRedirectPath('/aarshjul')).toBe('/aarshjul');
		});

		it('keeps an encoded path encoded', () => {
			expect(safeRedirectPath('/organisationer/%C3%A5rhus')).toBe('/organisationer/%C3%A5rhus');
		});

		it('encodes non-ASCII so the Location header is valid', () => {
			expect(safeRedirectPath('/ferier?kommune=Århus#æ')).toBe('/ferier?kommune=%C3%85rhus#%C3%A6');
		});

		const HOSTILE = [
			'//evil.example',
			'/\\evil.example',
			'\\\\evil.example',
			'\\/evil.example',
			'/\t/evil.example',
			'/\n/evil.example',
			'/\r\n/evil.example',
			'\t//evil.example',
			' //evil.example',
			'/.//evil.example',
			'/%2F/evil.example',
			'/%5C/evil.example',
			'/%09/evil.example',
			'https://evil.example/',
			'http:evil.example',
			'javascript:alert(1)',
			'data:text/html,x',
			'evil.example',
			'//evil.example\u3002com',
			'/\u2215/evil.example',
			'//ẹvil.example',
			'/\u0000/evil.example'
		];
		for (const value of HOSTILE) {
			it(`never leaves the site for ${JSON.stringify(value)}`, () => {
				const path = safeRedirectPath(value);
				expect(path.startsWith('/')).toBe(true);
				expect(path.startsWith('//')).toBe(false);
				expect(landsOn(path)).toBe('https://aarshjul.example.dk');
				// A header value with a control character or non-ASCII would make the redirect a 500.
				expect(path).toMatch(/^[\x21-\x7e]+$/);
			});
		}

		it('drops a line break instead of passing it to the Location header', () => {
			expect(safeRedirectPath('/profil\r\nSet-Cookie: x=1')).toBe('/profilSet-Cookie:%20x=1');
		});

		it('falls back for anything that is not a string, or is very long', () => {
			expect(safeRedirectPath(null)).toBe('/');
			expect(safeRedirectPath(undefined, '/login')).toBe('/login');
			expect(safeRedirectPath(new File([], 'x'))).toBe('/');
			expect(safeRedirectPath('/' + 'a'.repeat(3000))).toBe('/');
			expect(safeRedirectPath('')).toBe('/');
		});
	});
});
