import { isRedirect } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { requireUser } from './guards';

function loginTarget(path: string): string {
	try {
		requireUser({ user: null } as App.Locals, new URL(path, 'https://aarshjul.example'));
	} catch (thrown) {
		if (isRedirect(thrown)) return thrown.location;
		throw thrown;
	}
	throw new Error('no redirect');
}

describe('requireUser', () => {
	it('returns the logged-in user', () => {
		const user = { id: 'u1' } as NonNullable<App.Locals['user']>;
		expect(requireUser({ user } as App.Locals, new URL('https://aarshjul.example/bookinger'))).toBe(
			user
		);
	});

	it('sends a visitor to log in and back to the page with its query', () => {
		expect(loginTarget('/aarshjul?aar=2026%2F27')).toBe(
			`/login?next=${encodeURIComponent('/aarshjul?aar=2026%2F27')}`
		);
	});

	it('keeps only the path of a form action, which is no page to come back to', () => {
		expect(loginTarget('/tilbud/7?/book')).toBe(`/login?next=${encodeURIComponent('/tilbud/7')}`);
	});
});
