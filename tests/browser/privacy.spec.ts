import { copenhagenToday } from '../../src/lib/platform/dates/iso';
import { schoolYearOf } from '../../src/lib/platform/dates/school-year';
import { expect, test, USERS, gotoSettled, logIn } from './support';

// Issue 6, data protection: the secretariat sees the school years and why the running one cannot
// be closed yet; a company admin finds the export on the organisation page and downloads it.

test('the secretariat sees the school years and cannot close one that runs', async ({ page }) => {
	await page.setViewportSize({ width: 375, height: 900 });
	await logIn(page, USERS.secretariat);
	await gotoSettled(page, '/skoleaar');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Skoleår og personoplysninger');
	// The demo bookings are in 2026/27; the running year is whatever today is in.
	await expect(page.getByRole('row', { name: /2026\/27/ })).toBeVisible();
	const year = schoolYearOf(copenhagenToday());
	await gotoSettled(page, `/skoleaar?aar=${encodeURIComponent(year)}`);
	await expect(page.getByRole('heading', { name: `Luk skoleåret ${year}` })).toBeVisible();
	await expect(page.getByRole('alert')).toContainText(`slutter først 31. jul. 20${year.slice(5)}`);
	await expect(page.getByRole('button', { name: /Luk skoleåret/ })).toHaveCount(0);
});

test('a company admin downloads the organisation data', async ({ page }) => {
	await logIn(page, USERS.company);
	// The demo company admin's organisation, Bygholm Stål ApS.
	await gotoSettled(page, '/organisationer/bygholm-staal');
	const link = page.getByRole('link', { name: 'Eksportér data' });
	await link.click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Eksport af data');
	const download = page.waitForEvent('download');
	await page.getByRole('link', { name: 'Hent alt som JSON' }).click();
	const file = await download;
	expect(file.suggestedFilename()).toMatch(/^aarshjul-.+\.json$/);
	const csv = page.waitForEvent('download');
	await page.getByRole('link', { name: 'Medlemmer (CSV)' }).click();
	expect((await csv).suggestedFilename()).toMatch(/-members-\d{4}-\d{2}-\d{2}\.csv$/);
});
