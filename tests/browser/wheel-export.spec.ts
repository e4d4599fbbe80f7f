import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, test, gotoSettled } from './support';

const YEAR = '2026/27';

async function download(page: Page, linkName: string): Promise<{ name: string; body: Buffer }> {
	const links = page.getByRole('navigation', { name: 'Eksport og udskrift' });
	const [file] = await Promise.all([
		page.waitForEvent('download'),
		links.getByRole('link', { name: linkName }).click()
	]);
	return { name: file.suggestedFilename(), body: await readFile(await file.path()) };
}

test.describe('wheel export', () => {
	test('downloads the wheel as SVG and as PNG from the wheel page', async ({ page }) => {
		await gotoSettled(page, `/aarshjul?year=${YEAR}`);

		const svg = await download(page, 'Hent som SVG');
		expect(svg.name).toBe('aarshjul-2026-27.svg');
		expect(svg.body.length).toBeGreaterThan(0);
		const text = svg.body.toString('utf8');
		expect(text).toMatch(/^(<\?xml|<svg)/);
		expect(text).toContain('Årshjul for skoleåret 2026/27');
		const arcs = await page.locator('svg.wheel a.arc').count();
		expect(arcs).toBeGreaterThan(0);
		expect(text.match(/<a /g)).toHaveLength(arcs);

		const png = await download(page, 'Hent som PNG');
		expect(png.name).toBe('aarshjul-2026-27.png');
		expect([...png.body.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
		expect(png.body.readUInt32BE(16)).toBe(2400);
	});

	test('the built app draws the PNG in its worker, no wider than A3 at 200 dpi', async ({
		request
	}) => {
		const response = await request.get(`/aarshjul/eksport.png?year=${YEAR}&width=6000`);
		expect(response.status()).toBe(200);
		const body = await response.body();
		expect([...body.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
		expect(body.readUInt32BE(16)).toBe(3300);
	});

	test('carries the filters into the export', async ({ page }) => {
		await gotoSettled(page, `/aarshjul?year=${YEAR}&pillar=rekruttering`);
		const arcs = await page.locator('svg.wheel a.arc').count();
		const svg = (await download(page, 'Hent som SVG')).body.toString('utf8');
		expect(svg).toContain('Søjle: Rekruttering');
		expect(svg.match(/<a /g)).toHaveLength(arcs);
	});

	test('the print page shows wheel, legend, year and filters, without the header in print', async ({
		page
	}) => {
		await gotoSettled(page, `/aarshjul?year=${YEAR}&pillar=rekruttering`);
		await page.getByRole('link', { name: 'Udskriv (A3 liggende)' }).click();
		await expect(page).toHaveURL(/\/aarshjul\/print\?/);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Årshjul ${YEAR}`);
		await expect(page.getByRole('heading', { name: 'Forklaring' })).toBeVisible();
		await expect(page.getByTestId('print-filters')).toHaveText('Søjle: Rekruttering');
		await expect(page.getByText(/^Dannet \d+\. \p{L}+ \d{4}$/u)).toBeVisible();
		await expect(page.getByTestId('print-sheet').locator('svg.wheel')).toBeVisible();
		await expect(page.locator('.site-header')).toBeVisible();

		await page.emulateMedia({ media: 'print' });
		await expect(page.locator('.site-header')).toBeHidden();
		await expect(page.locator('.site-footer')).toBeHidden();
		await expect(page.getByRole('button', { name: 'Udskriv' })).toBeHidden();
		await expect(page.getByTestId('print-sheet').locator('svg.wheel')).toBeVisible();
		await expect(page.getByRole('heading', { name: 'Forklaring' })).toBeVisible();
		// The list of activities with dates and weeks stands beside the wheel, as on the A3 sheet.
		await page.setViewportSize({ width: 1587, height: 1123 });
		const wheel = (await page.getByTestId('print-sheet').locator('svg.wheel').boundingBox())!;
		const list = page.getByRole('heading', { name: /^Alle aktiviteter med datoer og uger/ });
		const heading = (await list.boundingBox())!;
		expect(heading.x).toBeGreaterThanOrEqual(wheel.x + wheel.width);
		expect(heading.y).toBeLessThan(wheel.y + wheel.height);
		await expect(page.getByTestId('wheel-key').getByRole('link').first()).toContainText(/uge \d+/);
	});

	test('the Udskriv button opens the browser’s print', async ({ page }) => {
		await gotoSettled(page, `/aarshjul/print?year=${YEAR}`);
		await page.evaluate(() => {
			window.print = () => document.body.setAttribute('data-printed', 'yes');
		});
		await page.getByRole('button', { name: 'Udskriv' }).click();
		await expect(page.locator('body')).toHaveAttribute('data-printed', 'yes');
		await expect(page.getByTestId('print-filters')).toHaveText('Alle aktiviteter (ingen filtre)');
	});
});
