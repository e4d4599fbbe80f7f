import { expect, test, USERS, gotoSettled, logIn } from './support';

// The lærepladsalliance as its users meet it, on the seeded demo (2026/27).

test('a visitor sees open apprenticeships but not the follow-up figures', async ({ page }) => {
	await gotoSettled(page, '/laerepladsalliance?aar=2026%2F27');
	await expect(
		page.getByRole('heading', { name: 'Ledige lærepladser med start i 2026/27' })
	).toBeVisible();
	await expect(page.getByRole('rowheader', { name: 'Bygholm Stål ApS' }).first()).toBeVisible();
	await expect(page.getByRole('heading', { name: /Overblik pr. fag/ })).toHaveCount(0);
	await expect(page.getByRole('heading', { name: /Til opfølgning/ })).toHaveCount(0);
});

test('a company posts an opening, fixes a typo and marks it filled', async ({ page }) => {
	await logIn(page, USERS.company);
	await gotoSettled(page, '/laerepladsalliance');
	await page.getByRole('link', { name: 'Tilsagn og lærepladsopslag for Bygholm Stål ApS' }).click();
	await page.getByRole('link', { name: 'Slå en læreplads op' }).click();
	await page.getByLabel('Fag').selectOption({ label: 'Smed' });
	await page.getByLabel('Antal pladser').fill('0');
	await page.getByLabel('Startdato').fill('2027-04-05');
	await page.getByLabel('Beskrivelse').fill('Lærling til montageholdet');
	await page.getByRole('button', { name: 'Opret opslag' }).click();
	await expect(page.getByText('Skriv et helt antal pladser mellem 1 og 100')).toBeVisible();
	await expect(page.getByLabel('Beskrivelse')).toHaveValue('Lærling til montageholdet');
	await page.getByLabel('Antal pladser').fill('3');
	await page.getByRole('button', { name: 'Opret opslag' }).click();
	await expect(page.getByText('Opslaget er oprettet.')).toBeVisible();
	const row = page.getByRole('row').filter({ hasText: 'Lærling til montageholdet' });
	await row.getByRole('button', { name: 'Markér besat' }).click();
	await expect(page.getByText('Opslaget er markeret som besat.')).toBeVisible();
	await expect(
		page.getByRole('row').filter({ hasText: 'Lærling til montageholdet' }).getByText('Besat')
	).toBeVisible();
});

test('the secretariat sees the trades in order and whom to call', async ({ page }) => {
	await logIn(page, USERS.secretariat);
	await gotoSettled(page, '/laerepladsalliance?aar=2026%2F27');
	const overview = page.getByRole('table').nth(1);
	const trades = overview.locator('tbody th[scope="row"]');
	await expect(trades.nth(0)).toHaveText('Industritekniker');
	await expect(trades.nth(1)).toHaveText('Smed');
	await expect(overview.getByText(/\d+ af \d+ pladser besat/).first()).toBeVisible();
	await expect(page.getByRole('heading', { name: /Til opfølgning/ })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Stensballe Klejnsmedie ApS' })).toBeVisible();
});

test('the page fits a 375 px phone', async ({ page }) => {
	await page.setViewportSize({ width: 375, height: 800 });
	await logIn(page, USERS.secretariat);
	await gotoSettled(page, '/laerepladsalliance?aar=2026%2F27');
	const width = await page.evaluate(() => document.documentElement.scrollWidth);
	expect(width).toBeLessThanOrEqual(375);
});
