import { expect, test } from '@playwright/test';
import { USERS, logIn } from './support';

test('pages carry the security headers', async ({ page }) => {
	for (const path of ['/', '/login', '/aarshjul', '/kalender', '/tilbud', '/alliancen']) {
		const response = await page.goto(path);
		expect(response, path).not.toBeNull();
		expect(response!.status(), path).toBe(200);
		const csp = await response!.headerValues('content-security-policy');
		expect(csp.join('\n'), path).toContain("frame-ancestors 'none'");
		expect(await response!.headerValue('x-content-type-options'), path).toBe('nosniff');
		// Scripts only from this origin or with the response's nonce: no inline script runs.
		const scriptSrc = /script-src ([^;]*)/.exec(csp.join(';'))?.[1] ?? '';
		expect(scriptSrc, path).toContain("'self'");
		expect(scriptSrc, path).toMatch(/'nonce-[A-Za-z0-9+/=]+'/);
		expect(scriptSrc, path).not.toContain('unsafe-inline');
		expect(scriptSrc, path).not.toContain('unsafe-eval');
		expect(await response!.headerValue('referrer-policy'), path).toBeTruthy();
	}
});

test('the session cookie is HttpOnly and SameSite=Lax', async ({ page, context }) => {
	await logIn(page, USERS.company);
	const session = (await context.cookies()).find((c) => c.name === 'session');
	expect(session).toBeDefined();
	expect(session!.httpOnly).toBe(true);
	expect(session!.sameSite).toBe('Lax');
	expect(session!.path).toBe('/');
	// Scripts on the page cannot read it.
	expect(await page.evaluate(() => document.cookie)).not.toContain('session=');
});

test('GET /healthz answers 200 with database ok', async ({ request }) => {
	const response = await request.get('/healthz');
	expect(response.status()).toBe(200);
	expect(await response.json()).toMatchObject({ database: 'ok' });
	expect(response.headers()['x-content-type-options']).toBe('nosniff');
});
