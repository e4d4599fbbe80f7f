import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import { expect, test, USERS, gotoSettled, logIn } from './support';

// Issue 6: the secretariat opens the report, filters Hedensted and smed, downloads the CSV, and
// the CSV holds exactly the numbers the page shows.

/** Every row of a report table as the page shows it: header, body and total. */
async function pageTable(page: Page, id: string): Promise<string[][]> {
	const rows = page.locator(`section[data-table="${id}"] table tr`);
	return rows.evaluateAll((trs) =>
		trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent!.trim()))
	);
}

test('the secretariat filters Hedensted and smed and downloads a CSV that matches the page', async ({
	page
}) => {
	await logIn(page, USERS.secretariat);
	await gotoSettled(page, '/rapporter');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Rapport');

	await page.getByRole('combobox', { name: 'Skoleår', exact: true }).selectOption('2026/27');
	await page
		.getByRole('combobox', { name: 'Kommune', exact: true })
		.selectOption({ label: 'Hedensted Kommune' });
	await page.getByRole('combobox', { name: 'Fag', exact: true }).selectOption({ label: 'Smed' });
	await page.getByRole('button', { name: 'Vis rapport' }).click();
	await expect(page).toHaveURL(/aar=2026%2F27.*kommune=hedensted.*fag=smed/);
	await expect(page.getByTestId('report-filters')).toHaveText(
		'Kommune: Hedensted Kommune. Fag: Smed.'
	);
	await expect(page.getByRole('heading', { name: 'Sådan tælles' })).toBeVisible();

	// The demo gives Hedensted schools smed places, booked and already used.
	const praktik = await pageTable(page, 'praktik');
	const smed = praktik.find((r) => r[0] === 'Smed')!;
	expect(
		smed
			.slice(1)
			.map(Number)
			.every((n) => n > 0)
	).toBe(true);
	await expect(page.locator('section[data-table="praktik"] [role="img"]')).toHaveAttribute(
		'aria-label',
		new RegExp(`Smed: Udbudte pladser ${smed[1]}, Bookede pladser ${smed[2]}`)
	);

	const downloading = page.waitForEvent('download');
	await page.getByRole('link', { name: 'Hent CSV til Excel' }).click();
	const download = await downloading;
	expect(download.suggestedFilename()).toBe('rapport-2026-27-hedensted-smed.csv');
	const bytes = await readFile((await download.path())!);
	expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
	const records = parse(bytes.toString('utf8'), {
		bom: true,
		delimiter: ';',
		relax_column_count: true
	}) as string[][];

	const sections = page.locator('section[data-table]');
	const ids = await sections.evaluateAll((els) => els.map((e) => e.getAttribute('data-table')!));
	expect(ids.length).toBe(9);
	let compared = 0;
	for (const id of ids) {
		const title = (await page.locator(`section[data-table="${id}"] h2`).textContent())!.trim();
		const at = records.findIndex((r) => r.length === 1 && r[0] === title);
		expect(at, title).toBeGreaterThan(0);
		// The page writes 3.333 (Danish thousands); the CSV 3333, as Danish Excel reads numbers.
		const shown = (await pageTable(page, id)).map((row) =>
			row.map((cell) => (/^\d{1,3}(\.\d{3})+(,\d+)?$/.test(cell) ? cell.replaceAll('.', '') : cell))
		);
		if (shown.length === 0) continue; // "Ingen tal": the CSV has only the header
		expect(records.slice(at + 1, at + 1 + shown.length), title).toEqual(shown);
		compared += shown.length;
	}
	expect(compared).toBeGreaterThan(10);
	expect(records).toContainEqual(smed);
});

test('a school coordinator is not shown the report', async ({ page }) => {
	await logIn(page, USERS.school);
	const response = await page.goto('/rapporter');
	expect(response?.status()).toBe(404);
});
