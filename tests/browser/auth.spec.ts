import {
	expect,
	test,
	DANISH_WELCOME,
	DEMO_PASSWORD,
	ENGLISH_WELCOME,
	USERS,
	logInThroughForm,
	submitLogin
} from './support';

test('the company user logs in, switches language both ways and logs out', async ({ page }) => {
	await logInThroughForm(page, USERS.company);
	await expect(page.locator('html')).toHaveAttribute('lang', 'da');

	await page.getByRole('button', { name: 'English', exact: true }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(ENGLISH_WELCOME);
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page).toHaveURL((url) => url.pathname === '/');

	// The choice is kept: a fresh load stays English.
	await page.reload();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(ENGLISH_WELCOME);

	await page.getByRole('button', { name: 'Dansk', exact: true }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(DANISH_WELCOME);
	await expect(page.locator('html')).toHaveAttribute('lang', 'da');

	await page.getByRole('button', { name: 'Log ud' }).click();
	await expect(page.getByRole('link', { name: 'Log ind' }).first()).toBeVisible();
	await expect(page.getByRole('button', { name: 'Log ud' })).toHaveCount(0);
	await page.goto('/');
	await expect(page.getByRole('heading', { level: 1 })).not.toHaveText(DANISH_WELCOME);
	expect((await page.context().cookies()).find((c) => c.name === 'session')).toBeUndefined();
});

test('a wrong password shows the Danish message and stays on /login', async ({ page }) => {
	await submitLogin(page, USERS.municipality, 'not-the-password');
	await expect(page.getByText('Forkert e-mail eller adgangskode.')).toBeVisible();
	await expect(page).toHaveURL((url) => url.pathname === '/login');
	await expect(page.getByRole('heading', { level: 1 })).not.toHaveText(DANISH_WELCOME);
	await expect(page.getByLabel('E-mail')).toHaveValue(USERS.municipality);
	expect((await page.context().cookies()).find((c) => c.name === 'session')).toBeUndefined();
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('a wrong password answers HTTP 400 with the Danish message', async ({ page }) => {
		await page.goto('/login');
		await page.getByLabel('E-mail').fill(USERS.municipality);
		await page.getByLabel('Adgangskode').fill(DEMO_PASSWORD + '-wrong');
		const [response] = await Promise.all([
			page.waitForResponse(
				(r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/login'
			),
			page.getByRole('button', { name: 'Log ind' }).click()
		]);
		expect(response.status()).toBe(400);
		await expect(page.getByText('Forkert e-mail eller adgangskode.')).toBeVisible();
		await expect(page).toHaveURL((url) => url.pathname === '/login');
		// The re-rendered form keeps the e-mail but never sends the password back.
		await expect(page.getByLabel('E-mail')).toHaveValue(USERS.municipality);
		await expect(page.getByLabel('Adgangskode')).toHaveValue('');
		expect(await page.content()).not.toContain(DEMO_PASSWORD + '-wrong');
		expect((await page.context().cookies()).find((c) => c.name === 'session')).toBeUndefined();
	});
});
