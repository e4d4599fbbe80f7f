import { expect, test, USERS, logInThroughForm } from './support';

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
	await logInThroughForm(page, USERS.company);
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

test('static files carry nosniff and the referrer policy too', async ({ page, request }) => {
	// Everything the browser fetches for a page: its /_app/immutable scripts and styles, app.css
	// and the favicon come from adapter-node's static file server, before any hook runs.
	const fetched: { url: string; nosniff: string | null; referrer: string | null }[] = [];
	page.on('response', async (response) => {
		fetched.push({
			url: new URL(response.url()).pathname,
			nosniff: await response.headerValue('x-content-type-options'),
			referrer: await response.headerValue('referrer-policy')
		});
	});
	await page.goto('/login', { waitUntil: 'networkidle' });
	const immutable = fetched.filter((f) => f.url.startsWith('/_app/immutable/'));
	expect(immutable.length).toBeGreaterThan(0);
	for (const file of fetched) {
		expect(file.nosniff, file.url).toBe('nosniff');
		expect(file.referrer, file.url).toBe('strict-origin-when-cross-origin');
	}

	const direct = [
		'/favicon.svg',
		'/app.css',
		'/robots.txt',
		'/_app/version.json',
		immutable[0].url
	];
	for (const path of direct) {
		for (const method of ['GET', 'HEAD'] as const) {
			const response = await request.fetch(path, { method });
			expect(response.status(), `${method} ${path}`).toBeLessThan(500);
			expect(response.headers()['x-content-type-options'], `${method} ${path}`).toBe('nosniff');
			expect(response.headers()['referrer-policy'], `${method} ${path}`).toBe(
				'strict-origin-when-cross-origin'
			);
		}
	}
	// A revalidation that ends in 304 Not Modified keeps them as well.
	const first = await request.get('/favicon.svg');
	const etag = first.headers()['etag'];
	expect(etag).toBeTruthy();
	const notModified = await request.get('/favicon.svg', { headers: { 'if-none-match': etag } });
	expect(notModified.status()).toBe(304);
	expect(notModified.headers()['x-content-type-options']).toBe('nosniff');
});

test('the embeddable wheel may still be framed', async ({ request }) => {
	const response = await request.get('/embed');
	expect(response.status()).toBe(200);
	expect(response.headers()['x-frame-options']).toBeUndefined();
	expect(response.headers()['content-security-policy']).toContain('frame-ancestors *');
	expect(response.headers()['x-content-type-options']).toBe('nosniff');
});
