import type { Browser } from '@playwright/test';
import { browserServer } from './servers';
import { expect, test, DEMO_PASSWORD, gotoSettled, logInThroughForm } from './support';

// Issue 7: a session dies at logout and at a password change, also when its cookie is replayed.
const MUSEUM = 'museum@aarshjul.example';

async function loggedInContext(browser: Browser, email: string) {
	const context = await browser.newContext();
	const page = await context.newPage();
	await logInThroughForm(page, email);
	const cookie = (await context.cookies()).find((c) => c.name === 'session')!;
	return { context, page, cookie };
}

async function profileStatus(browser: Browser, cookie: { name: string; value: string }) {
	const replay = await browser.newContext();
	await replay.addCookies([
		{ name: cookie.name, value: cookie.value, url: browserServer(test.info().parallelIndex).origin }
	]);
	const response = await replay.request.get('/profil', { maxRedirects: 0 });
	const location = response.headers()['location'] ?? '';
	await replay.close();
	return `${response.status()} ${location.split('?')[0]}`;
}

test('a replayed session cookie is dead after logout', async ({ browser }) => {
	const { context, page, cookie } = await loggedInContext(browser, MUSEUM);
	expect(await profileStatus(browser, cookie)).toBe('200 ');
	await page.getByRole('button', { name: 'Log ud' }).click();
	await expect(page.getByRole('link', { name: 'Log ind' }).first()).toBeVisible();
	expect(await profileStatus(browser, cookie)).toBe('303 /login');
	await context.close();
});

test('changing the password ends the other sessions, not this one', async ({ browser }) => {
	const here = await loggedInContext(browser, MUSEUM);
	const elsewhere = await loggedInContext(browser, MUSEUM);
	const changeTo = async (current: string, next: string) => {
		await gotoSettled(here.page, '/profil');
		await here.page.getByLabel('Nuværende adgangskode').fill(current);
		await here.page.getByLabel('Ny adgangskode', { exact: true }).fill(next);
		await here.page.getByLabel('Gentag adgangskoden').fill(next);
		await here.page.getByRole('button', { name: 'Skift adgangskode' }).click();
		await expect(here.page.getByText('Din adgangskode er skiftet.')).toBeVisible();
	};
	await changeTo(DEMO_PASSWORD, 'ny-hemmelig-kode-2026');
	expect(await profileStatus(browser, elsewhere.cookie)).toBe('303 /login');
	// The session that made the change lives on; put the demo password back for other tests.
	await changeTo('ny-hemmelig-kode-2026', DEMO_PASSWORD);
	await here.context.close();
	await elsewhere.context.close();
});
