import type { Page } from '@playwright/test';
import { expect, test, USERS, arcsWithNames, gotoSettled, logIn } from './support';

const YEAR = '2026/27';
const WHEEL = `/aarshjul?year=${encodeURIComponent(YEAR)}`;
const SUMMARY = '[data-testid="wheel-summary"]';

async function summaryCount(page: Page): Promise<number> {
	return Number(await page.locator(SUMMARY).getAttribute('data-count'));
}

/** Every arc's label is drawn and at least `minPx` tall on screen. */
async function labelsOnScreen(page: Page) {
	return page.locator('svg.wheel').evaluate((svg) => {
		const scale = (svg as SVGSVGElement).getScreenCTM()!.a;
		return [...svg.querySelectorAll('a.arc')].map((arc) => {
			const text = arc.querySelector('text.label') as SVGTextElement | null;
			const box = text?.getBoundingClientRect();
			return {
				visible: !!box && box.width > 0 && box.height > 0,
				px: text ? Number(text.getAttribute('font-size')) * scale : 0
			};
		});
	});
}

test.describe('zooming the wheel without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('links zoom to a quarter, page to the next, and the print keeps the zoom', async ({
		page
	}) => {
		await page.goto(WHEEL);
		const count = await summaryCount(page);
		const zoom = page.getByTestId('wheel-zoom');
		await zoom.getByRole('link', { name: 'Kvartal', exact: true }).click();
		await expect(page).toHaveURL(/zoom=kvartal&fra=2026-08/);
		await expect(page.getByTestId('wheel-zoom-showing')).toContainText('aug.–okt. 2026');
		// The whole year stays on the wheel as context: the same arcs, each still named.
		expect(await summaryCount(page)).toBe(count);
		await expect(page.locator('svg.wheel a.arc')).toHaveCount(count);
		await zoom.getByRole('link', { name: /^Næste: nov\. 2026–jan\. 2027/ }).click();
		await expect(page).toHaveURL(/zoom=kvartal&fra=2026-11/);
		// Zooming in opens the quarter's first month, or today's month when today is in it.
		const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Copenhagen' });
		const inQuarter = today >= '2026-11-01' && today <= '2027-01-31';
		const month = inQuarter ? today.slice(0, 7) : '2026-11';
		await zoom.getByRole('link', { name: /Zoom ind/ }).click();
		await expect(page).toHaveURL(new RegExp(`zoom=maaned&fra=${month}`));
		const name = {
			'2026-11': 'november 2026',
			'2026-12': 'december 2026',
			'2027-01': 'januar 2027'
		}[month]!;
		await expect(page.locator('svg.wheel title').first()).toContainText(name);
		const print = page.getByRole('link', { name: 'Udskriv (A3 liggende)' });
		await expect(print).toHaveAttribute('href', new RegExp(`zoom=maaned&fra=${month}`));
		await print.click();
		await expect(page.getByRole('heading', { level: 1 })).toContainText(name);
	});

	test('a bad zoom or month is a Danish 400', async ({ page }) => {
		const level = await page.goto(`${WHEEL}&zoom=uge`);
		expect(level?.status()).toBe(400);
		await expect(page.getByRole('main')).toContainText('Ukendt zoom');
		const month = await page.goto(`${WHEEL}&zoom=maaned&fra=2027-09`);
		expect(month?.status()).toBe(400);
		await expect(page.getByRole('main')).toContainText('Ugyldig måned');
		const svg = await page.request.get(`/aarshjul/eksport.svg?year=2026%2F27&zoom=kvartal&fra=x`);
		expect(svg.status()).toBe(400);
	});
});

test.describe('zooming the wheel', () => {
	test.beforeEach(async ({ page }) => {
		await logIn(page, USERS.secretariat);
	});

	test('+ and − zoom, the arrows page, and every arc keeps its label', async ({ page }) => {
		await page.setViewportSize({ width: 1366, height: 900 });
		await gotoSettled(page, `${WHEEL}&zoom=halvaar&fra=2027-02`);
		await page.locator('h1').click();
		await page.keyboard.press('+');
		await expect(page).toHaveURL(/zoom=kvartal&fra=2027-02/);
		await page.keyboard.press('ArrowRight');
		await expect(page).toHaveURL(/zoom=kvartal&fra=2027-05/);
		await page.keyboard.press('+');
		await expect(page).toHaveURL(/zoom=maaned&fra=2027-05/);
		const count = await summaryCount(page);
		const labels = await labelsOnScreen(page);
		expect(labels).toHaveLength(count);
		expect(labels.filter((l) => l.visible)).toHaveLength(count);
		expect(Math.min(...labels.map((l) => l.px))).toBeGreaterThanOrEqual(11);
		// Day ticks and numbers at month level: 31 days of May, and the weeks named.
		const scale = page.locator('svg.wheel g.scale');
		for (const day of ['1', '17', '31']) {
			await expect(scale.locator('text', { hasText: new RegExp(`^${day}$`) })).toHaveCount(1);
		}
		await expect(scale.locator('text', { hasText: /^uge 20$/ })).toHaveCount(1);
		await page.keyboard.press('-');
		await expect(page).toHaveURL(/zoom=kvartal&fra=2027-05/);
		await page.keyboard.press('ArrowLeft');
		await expect(page).toHaveURL(/zoom=kvartal&fra=2027-02/);
		// Zoomed in, the period's arcs are wider than in the year view.
		await page.locator('svg.wheel').screenshot({ path: '/tmp/wheel-quarter.png' });
	});

	test('the zoomed period’s arcs are wider than in the year view', async ({ page }) => {
		// The same arc in both views: a whole-week activity in uge 6, e.g. an erhvervspraktik week.
		// Other tests add and move activities in the shared database (a visit of two hours dragged
		// into uge 6 is drawn at the minimum width in both views), so the arc is chosen by its
		// accessible name — a span of days ending in uge 6 — and found again by address and name.
		await page.goto(WHEEL);
		const arcs = await arcsWithNames(page.locator('svg.wheel a.arc'));
		const found = arcs.find((arc) => /\d\.–\d+\. .*, uge 6$/.test(arc.name));
		expect(found, 'a whole-week arc in uge 6').toBeTruthy();
		const { href, name } = found ?? { href: '', name: '' };
		const widthOf = async (url: string) => {
			await page.goto(url);
			const arc = page
				.locator(`svg.wheel a.arc[href="${href}"]`)
				.filter({ has: page.locator('path.fill') })
				.and(page.locator('svg.wheel').getByRole('link', { name, exact: true }))
				.first();
			const box = await arc.locator('path.fill').boundingBox();
			return Math.max(box!.width, box!.height);
		};
		const year = await widthOf(WHEEL);
		const month = await widthOf(`${WHEEL}&zoom=maaned&fra=2027-02`);
		expect(month).toBeGreaterThan(year * 3);
	});
});
