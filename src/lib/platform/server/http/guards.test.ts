import { isRedirect } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { requireTarget, requireUser } from './guards';

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

describe('requireTarget', () => {
	const user = { id: 'u1' } as NonNullable<App.Locals['user']>;
	function event(fields: Record<string, string>) {
		const body = new URLSearchParams(fields);
		return {
			locals: { user } as App.Locals,
			url: new URL('https://aarshjul.example/tilbud/7?/confirm'),
			request: new Request('https://aarshjul.example/tilbud/7?/confirm', {
				method: 'POST',
				headers: { 'content-type': 'application/x-www-form-urlencoded' },
				body
			})
		};
	}

	it("takes the route's id before the form's", async () => {
		const target = await requireTarget(event({ bookingId: 'b2' }), 'bookingId', 'b1');
		expect(target.user).toBe(user);
		expect(target.id).toBe('b1');
		expect(target.form.get('bookingId')).toBe('b2');
	});

	it("takes the form's field without a route id, and an empty id without either", async () => {
		expect((await requireTarget(event({ bookingId: 'b2' }), 'bookingId')).id).toBe('b2');
		expect((await requireTarget(event({}), 'bookingId')).id).toBe('');
	});
});
