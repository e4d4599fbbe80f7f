import type { Page } from '@playwright/test';
import { expect, test, USERS } from './support';
import { asUser } from './journey-steps';

// On a phone (375 px) every data table becomes cards: each row a block, each value with its
// column's name (data-label), and nothing off to the side of the page.

test.use({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });

const PAGES: { user: string; paths: string[] }[] = [
	{
		user: USERS.secretariat,
		paths: [
			'/kalender?date=2027-02-01&view=month',
			'/moeder',
			'/log',
			'/ferier',
			'/evalueringer',
			'/praktikfordeling',
			'/skoleaar',
			'/laerepladsalliance',
			'/organisationer/di-laerlingeindsatsen/medlemmer',
			'/aarshjul/rul-frem',
			'/rapporter',
			'/bookinger'
		]
	},
	{ user: USERS.municipality, paths: ['/bookinger'] },
	{ user: USERS.company, paths: ['/bookinger', '/laerepladsalliance'] }
];

async function expectCards(page: Page, path: string): Promise<number> {
	await page.goto(path);
	await expect(page.locator('h1').first()).toBeVisible();
	const width = await page.evaluate(() => document.documentElement.scrollWidth);
	expect(width, `${path} scrolls sideways`).toBeLessThanOrEqual(375);

	// FullCalendar's month grid (role=grid and presentation tables) is a widget, not a data table.
	const tables = await page.locator('main table:not([role]):not(.fc table)').all();
	for (const table of tables) {
		if (!(await table.isVisible())) continue;
		await expect(table, `${path}: a table stays a table`).toHaveClass(/cards-on-phone/);
		const row = table.locator('tbody tr').first();
		if ((await row.count()) === 0) continue;
		await expect(row).toHaveCSS('display', 'block');
		const labelled = row.locator('td[data-label]');
		if ((await row.locator('td:not([colspan])').count()) > 0) {
			expect(await labelled.count(), `${path}: cells name their column`).toBeGreaterThan(0);
		}
	}
	return tables.length;
}

for (const { user, paths } of PAGES) {
	test(`tables are cards at 375 px for ${user}`, async ({ browser }) => {
		const page = await asUser(browser, user, {
			viewport: { width: 375, height: 812 },
			isMobile: true,
			hasTouch: true
		});
		let tables = 0;
		for (const path of paths) tables += await expectCards(page, path);
		expect(tables).toBeGreaterThan(0);

		// Pages reached from a list: a meeting and an allocation round.
		if (user === USERS.secretariat) {
			for (const [list, link] of [
				['/moeder', 'main table a[href^="/moeder/"]'],
				['/praktikfordeling', 'main a[href^="/praktikfordeling/"]']
			]) {
				await page.goto(list);
				const href = await page.locator(link).first().getAttribute('href');
				if (href) await expectCards(page, href);
			}
		}
		await page.context().close();
	});
}
