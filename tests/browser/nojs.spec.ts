import { expect, test } from '@playwright/test';
import { DANISH_WELCOME, ENGLISH_WELCOME, USERS, logIn } from './support';

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
