import { beforeEach, describe, expect, it } from 'vitest';
import { createSession, validateSessionToken } from '../../src/lib/auth/server/session';
import { actions, load } from '../../src/routes/login/+page.server';
import { useEmptyDatabase } from '../helpers/db';
import { PASSWORD, createUser } from './auth-fixtures';
import { authEvent, outcome } from './login-route.fixtures';

// Issue 12, point 6: `next` after logging in, and for a user already logged in, never leaves
// the site, whatever a browser would make of it, and never makes the redirect a 500.
const NEXT_VARIANTS = [
	'/%09/evil.example',
	'/\t/evil.example',
	'/\r\n/evil.example',
	'/%0d%0a/evil.example',
	'//evil.example',
	'/\\evil.example',
	'\\\\evil.example',
	'/%5C/evil.example',
	'/.//evil.example',
	'https://evil.example',
	'/ferier?kommune=Århus',
	'/profil\nSet-Cookie: x=1'
];

/** Where a browser ends up after following the Location header from this site. */
const origin = (location: string) => new URL(location, 'http://localhost').origin;

describe('login route', () => {
	const database = useEmptyDatabase();
	let userId: string;
	beforeEach(async () => {
		userId = (await createUser(database.db, 'ida@example.dk')).id;
	});

	describe('load', () => {
		for (const next of NEXT_VARIANTS) {
			it(`keeps a logged-in user on the site for next=${JSON.stringify(next)}`, async () => {
				const { token } = await createSession(database.db, userId);
				const { user, session } = await validateSessionToken(database.db, token);
				const path = `/login?next=${encodeURIComponent(next)}`;
				const result = await outcome(() => load(authEvent(database.db, { path, user, session })));
				expect(result.kind).toBe('redirect');
				if (result.kind !== 'redirect') return;
				expect(origin(result.location)).toBe('http://localhost');
				expect(result.location).toMatch(/^\/(?!\/)[\x21-\x7e]*$/);
			});
		}

		it('passes a safe next on to the form for a visitor', async () => {
			const result = await outcome(() =>
				load(authEvent(database.db, { path: '/login?next=%2F%09%2Fevil.example' }))
			);
			expect(result).toEqual({ kind: 'data', data: { next: '/', providers: [] } });
		});
	});

	describe('actions.default', () => {
		for (const next of NEXT_VARIANTS) {
			it(`keeps the user on the site after login for next=${JSON.stringify(next)}`, async () => {
				const fields = { email: 'ida@example.dk', password: PASSWORD, next };
				const result = await outcome(() =>
					actions.default(authEvent(database.db, { path: '/login', fields }))
				);
				expect(result.kind).toBe('redirect');
				if (result.kind !== 'redirect') return;
				expect(origin(result.location)).toBe('http://localhost');
				expect(result.location).toMatch(/^\/(?!\/)[\x21-\x7e]*$/);
			});
		}

		it('goes to a same-site next after login', async () => {
			const fields = { email: 'ida@example.dk', password: PASSWORD, next: '/tilbud?uge=42#a' };
			const result = await outcome(() =>
				actions.default(authEvent(database.db, { path: '/login', fields }))
			);
			expect(result).toMatchObject({ kind: 'redirect', location: '/tilbud?uge=42#a' });
		});
	});
});
