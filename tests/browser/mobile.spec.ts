import { expect, test, USERS, logIn } from './support';

test.use({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });

const scrollWidth = (page: import('@playwright/test').Page) =>
	page.evaluate(() => document.documentElement.scrollWidth);

test('the dashboard has no horizontal scrollbar at 375 px', async ({ page }) => {
	await logIn(page, USERS.school);
	expect(await page.evaluate(() => window.innerWidth)).toBe(375);
	expect(await scrollWidth(page)).toBeLessThanOrEqual(375);

	// English labels are longer; they must fit too.
	await page.getByRole('button', { name: 'English', exact: true }).click();
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	expect(await scrollWidth(page)).toBeLessThanOrEqual(375);
});

test('the login page has no horizontal scrollbar at 375 px', async ({ page }) => {
	await page.goto('/login');
	await expect(page.getByRole('button', { name: 'Log ind' })).toBeVisible();
	expect(await scrollWidth(page)).toBeLessThanOrEqual(375);
});
