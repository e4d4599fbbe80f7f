import {
	expect,
	test,
	DANISH_WELCOME,
	DEMO_PASSWORD,
	ENGLISH_WELCOME,
	USERS,
	logIn
} from './support';

// Every page must work before (or without) JavaScript: plain form posts and redirects.
test.use({ javaScriptEnabled: false });

test('the login form and the language switch work without JavaScript', async ({ page }) => {
	await logIn(page, USERS.secretariat);
	expect((await page.context().cookies()).some((c) => c.name === 'session')).toBe(true);

	await page.getByRole('button', { name: 'English', exact: true }).click();
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(ENGLISH_WELCOME);

	await page.getByRole('button', { name: 'Dansk', exact: true }).click();
	await expect(page.locator('html')).toHaveAttribute('lang', 'da');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(DANISH_WELCOME);
});

test('the language switch works for visitors and returns to the same page', async ({ page }) => {
	await page.goto('/login');
	await expect(page.locator('html')).toHaveAttribute('lang', 'da');
	await page.getByRole('button', { name: 'English', exact: true }).click();
	await expect(page).toHaveURL((url) => url.pathname === '/login');
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page.getByRole('button', { name: 'Dansk', exact: true })).toBeVisible();
});

test.describe('while JavaScript is still loading', () => {
	test.use({ javaScriptEnabled: true });

	test('what a person typed survives hydration and the form still logs in', async ({ page }) => {
		// Hold the app's scripts back, as on a slow connection, until the form is filled in.
		let release!: () => void;
		const scriptsMayLoad = new Promise<void>((resolve) => (release = resolve));
		await page.route(
			(url) => url.pathname.startsWith('/_app/') && url.pathname.endsWith('.js'),
			async (route) => {
				await scriptsMayLoad;
				await route.continue();
			}
		);
		await page.goto('/login', { waitUntil: 'domcontentloaded' });
		await page.getByLabel('E-mail').fill(USERS.municipality);
		await page.getByLabel('Adgangskode').fill(DEMO_PASSWORD);

		release();
		await page.waitForLoadState('networkidle');
		await expect(page.getByLabel('E-mail')).toHaveValue(USERS.municipality);
		await expect(page.getByLabel('Adgangskode')).toHaveValue(DEMO_PASSWORD);

		await page.getByRole('button', { name: 'Log ind' }).click();
		await expect(page).toHaveURL((url) => url.pathname === '/');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(DANISH_WELCOME);
	});
});
