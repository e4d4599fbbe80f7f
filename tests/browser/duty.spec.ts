import type { Locator, Page } from '@playwright/test';
import { seedId } from '../../db/seed/ids';
import { expect, test, USERS, gotoSettled, logIn } from './support';

// The erhvervspraktik duty (had / placed / missing) on the dashboards, its page and the report;
// praktikfordeling in the navigation; and the wish CSV's 10 MB limit through the real server.
// The demo database is shared with other specs: figures are compared with each other, not with
// fixed numbers, except what this spec itself saves.

/** The four figures of a row (pupils, had, placed, missing) as numbers (null: "ikke oplyst"). */
async function figures(row: Locator): Promise<(number | null)[]> {
	const cells = await row.locator('td[data-figure]').allTextContents();
	return cells.map((c) => (/^\d+$/.test(c.trim()) ? Number(c.trim()) : null));
}

function rowOf(page: Page, testId: string, name: string): Locator {
	return page.getByTestId(testId).locator('tr', { has: page.getByRole('rowheader', { name }) });
}

test('a school sees its own duty, states its pupils (bad input comes back filled in) and finds the page', async ({
	page
}) => {
	await logIn(page, USERS.school);
	const nav = page.getByRole('navigation', { name: 'Hovedmenu' });
	await expect(nav.getByRole('link', { name: 'Praktikfordeling' })).toBeVisible();

	const dashboard = page.getByTestId('dashboard-duty');
	await expect(
		dashboard.getByRole('heading', { name: /Erhvervspraktik-pligten 20\d\d\/\d\d/ })
	).toBeVisible();
	await expect(dashboard.getByTestId('duty-schools').locator('tbody tr')).toHaveCount(1);
	const own = rowOf(page, 'duty-schools', 'Stensballeskolen');
	const [, , placed] = await figures(own);
	// The demo's confirmed week 6 for 8.A (two pupils).
	expect(placed).toBeGreaterThanOrEqual(2);

	await dashboard.getByRole('link', { name: /Se hele opgørelsen/ }).click();
	await expect(page).toHaveURL(/\/praktikfordeling\/pligt$/);
	await expect(page.getByRole('heading', { name: 'Sådan tælles' })).toBeVisible();
	await page.waitForLoadState('networkidle');

	const grade7 = page.getByLabel('Elever i 7. klasse');
	await grade7.fill('mange');
	await page.getByLabel('Elever i 8. klasse').fill('50');
	await page.getByLabel('Elever i 9. klasse').fill('50');
	await page.getByRole('button', { name: 'Gem elevtal' }).click();
	await expect(page.getByText('Skriv et helt tal mellem 0 og 2000.')).toBeVisible();
	await expect(grade7).toHaveValue('mange');
	await expect(page.getByLabel('Elever i 8. klasse')).toHaveValue('50');

	await grade7.fill('50');
	await page.getByRole('button', { name: 'Gem elevtal' }).click();
	await expect(page.getByText('Elevtallet er gemt.')).toBeVisible();
	const [pupils, had, nowPlaced, missing] = await figures(
		rowOf(page, 'duty-schools', 'Stensballeskolen')
	);
	expect(pupils).toBe(150);
	expect(missing).toBe(Math.max(0, 150 - had! - nowPlaced!));
});

test('a municipality sees its schools on the dashboard and the secretariat every municipality', async ({
	page
}) => {
	await logIn(page, USERS.municipality);
	const dashboard = page.getByTestId('dashboard-duty');
	await expect(dashboard.getByTestId('duty-municipalities')).toContainText('Hedensted Kommune');
	await expect(dashboard.getByTestId('duty-schools')).not.toContainText('Stensballeskolen');
	// Løsning Skole's 9.A had its week 45 in the demo.
	const [pupils, had] = await figures(rowOf(page, 'duty-schools', 'Løsning Skole'));
	expect(pupils).toBeGreaterThan(0);
	expect(had).toBeGreaterThanOrEqual(2);

	await page.context().clearCookies();
	await logIn(page, USERS.secretariat);
	const municipalities = page.getByTestId('dashboard-duty').getByTestId('duty-municipalities');
	for (const name of ['Hedensted Kommune', 'Horsens Kommune', 'Odder Kommune']) {
		await expect(municipalities.getByRole('rowheader', { name })).toBeVisible();
	}

	await gotoSettled(page, '/rapporter');
	const table = page.locator('section[data-table="pligt-kommuner"]');
	await expect(table.getByRole('heading')).toHaveText(/Erhvervspraktik-pligten pr\. kommune/);
	await expect(table.getByRole('rowheader', { name: 'Hedensted Kommune' })).toBeVisible();
	await expect(page.locator('section[data-table="pligt-skoler"]')).toContainText('Løsning Skole');
});

test('a wish CSV up to 10 MB reaches the validation; over 10 MB gets the Danish message', async ({
	page
}) => {
	test.setTimeout(60_000);
	await logIn(page, USERS.school);
	await gotoSettled(page, `/praktikfordeling/${seedId('allocation-round', 'uge-5-6-2027')}`);
	const header =
		'klasse;pseudonym;fornavn;klassetrin;aldersgruppe;egen plads;ønske 1;ønske 2;ønske 3;ønske 4;ønske 5\n';
	const upload = async (bytes: number) => {
		const padding = '\n'.repeat(bytes - Buffer.byteLength(header));
		await page.getByLabel('CSV-fil').setInputFiles({
			name: 'elever.csv',
			mimeType: 'text/csv',
			buffer: Buffer.from(header + padding)
		});
		await page.getByRole('button', { name: 'Indlæs' }).click();
	};

	// Just under 10 MB: past adapter-node's default 512 kB, read and validated (no pupils in it).
	await upload(10 * 1024 * 1024 - 1024);
	await expect(page.getByRole('alert')).toContainText('Filen er tom');

	await upload(10 * 1024 * 1024 + 200 * 1024);
	await expect(page.getByRole('alert')).toHaveText('Filen er for stor: højst 10 MB.');
});
