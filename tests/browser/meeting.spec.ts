import { expect, test, USERS, gotoSettled, logIn } from './support';

// Issue 6, meetings: the secretariat writes minutes with a script in them (nothing runs), and
// plans the next meeting from the September one; a partner reads the minutes on a phone.
const SEPTEMBER = 'Alliancemøde september 2026';

test('the secretariat writes minutes that cannot run script, and plans the next meeting', async ({
	page
}) => {
	const dialogs: string[] = [];
	page.on('dialog', async (dialog) => {
		dialogs.push(dialog.message());
		await dialog.dismiss();
	});
	await logIn(page, USERS.secretariat);
	await gotoSettled(page, '/moeder');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Alliancemøder');
	await page.getByRole('link', { name: SEPTEMBER }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(SEPTEMBER);
	await page.waitForLoadState('networkidle');

	await page.getByRole('link', { name: 'Skriv referat' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Referat: ${SEPTEMBER}`);
	await page.waitForLoadState('networkidle');
	const minutes =
		'## Beslutninger\n\n<script>alert("xss")</script>\n\n<img src=x onerror="alert(1)">\n\n[klik](javascript:alert(1))';
	await page.getByRole('textbox', { name: 'Referat' }).fill(minutes);
	await page.getByRole('button', { name: 'Gem referat' }).click();
	await expect(page.getByRole('status')).toHaveText('Gemt.');
	const preview = page.getByRole('region', { name: 'Sådan ser det gemte ud' });
	await expect(preview.getByRole('heading', { name: 'Beslutninger' })).toBeVisible();
	await expect(preview).toContainText('<script>alert("xss")</script>');
	await expect(preview.locator('script, img, a[href^="javascript"]')).toHaveCount(0);

	await page.getByRole('link', { name: 'Tilbage til mødet' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(SEPTEMBER);
	// The demo alliance has planned the next meeting already: the button opens it, no duplicate.
	await expect(page.getByRole('link', { name: 'Planlæg næste møde' })).toHaveCount(0);
	await page.getByRole('link', { name: 'Åbn næste møde' }).click();
	await expect(page.getByRole('heading', { level: 1 })).not.toHaveText(SEPTEMBER);
	await expect(page.getByRole('link', { name: SEPTEMBER })).toBeVisible();
	expect(dialogs).toEqual([]);
});

test('a partner reads the minutes on a phone', async ({ page }) => {
	await page.setViewportSize({ width: 375, height: 800 });
	await logIn(page, USERS.municipality);
	await gotoSettled(page, '/moeder');
	await page.getByRole('link', { name: SEPTEMBER }).click();
	await expect(page.getByRole('heading', { name: 'Referat', level: 2 })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Skriv referat' })).toHaveCount(0);
	const width = await page.evaluate(() => document.documentElement.scrollWidth);
	expect(width).toBeLessThanOrEqual(375);
});
