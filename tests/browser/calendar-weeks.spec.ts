import type { Page } from '@playwright/test';
import { expect, test } from './support';

// Screen readers read a week number by its accessible name (FullCalendar's aria-label), not by
// the short text on screen: it must be in the page's language, "Uge 5" on a Danish page.

// 1 February 2027 is a Monday in ISO week 5: the month grid starts with that week.
const MONTH = '/kalender?date=2027-02-01&view=month';
const YEAR = '/kalender?date=2027-02-01&view=year';

const weekNumbers = (page: Page) => page.locator('.fc .fc-daygrid-week-number');

async function chooseEnglish(page: Page) {
	await page.goto('/login');
	await page.getByRole('button', { name: 'English', exact: true }).click();
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
}

test.describe('calendar week numbers', () => {
	test('are read as "Uge" on a Danish page', async ({ page }) => {
		await page.goto(MONTH);
		await expect(page.locator('html')).toHaveAttribute('lang', 'da');
		const first = weekNumbers(page).first();
		await expect(first).toHaveText('uge 5');
		await expect(first).toHaveAccessibleName('Uge 5');
		// Every row, not only the first.
		const names = await weekNumbers(page).evaluateAll((els) =>
			els.map((el) => el.getAttribute('aria-label') ?? '')
		);
		expect(names.length).toBeGreaterThanOrEqual(4);
		for (const name of names) expect(name).toMatch(/^Uge \d+$/);

		// The year view shows the bare number; its name still says "Uge".
		await page.goto(YEAR);
		await expect(weekNumbers(page).first()).toHaveAccessibleName(/^Uge \d+$/);
	});

	test('are read as "Week" on an English page', async ({ page }) => {
		await chooseEnglish(page);
		await page.goto(MONTH);
		await expect(page.locator('html')).toHaveAttribute('lang', 'en');
		const first = weekNumbers(page).first();
		await expect(first).toHaveText('week 5');
		await expect(first).toHaveAccessibleName('Week 5');
		await expect(first).not.toHaveAccessibleName(/uge/i);
	});
});
