import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from '@playwright/test';
import { expect, test, USERS, arcName, arcsWithNames, gotoSettled, logIn } from './support';

const YEAR = '2026/27';
const ARCS = 'svg.wheel a.arc';
const SUMMARY = '[data-testid="wheel-summary"]';

/** The wheel's text that is drawn, with its size on screen in CSS pixels. */
async function visibleWheelText(page: Page) {
	return page.locator('svg.wheel').evaluate((svg) => {
		const scale = (svg as SVGSVGElement).getScreenCTM()!.a;
		return [...svg.querySelectorAll('text')]
			.filter((text) => {
				const box = text.getBoundingClientRect();
				return box.width > 0 && box.height > 0 && getComputedStyle(text).display !== 'none';
			})
			.map((text) => ({
				text: text.textContent ?? '',
				px: parseFloat(getComputedStyle(text).fontSize) * scale
			}));
	});
}

async function summaryCount(page: Page): Promise<number> {
	return Number(await page.locator(SUMMARY).getAttribute('data-count'));
}

test.describe('the wheel page', () => {
	test.beforeEach(async ({ page }) => {
		await logIn(page, USERS.secretariat);
	});

	test('draws the seeded year’s activities, as many arcs as the server counted', async ({
		page
	}) => {
		await page.goto(`/aarshjul?year=${encodeURIComponent(YEAR)}`);
		const count = await summaryCount(page);
		expect(count).toBeGreaterThan(20);
		await expect(page.locator(SUMMARY)).toContainText(`${count} aktiviteter i ${YEAR}`);
		await expect(page.locator(ARCS)).toHaveCount(count);
		await expect(page.locator('svg.wheel')).toContainText('august 2026');
		await page.setViewportSize({ width: 1280, height: 1400 });
		await page.locator('svg.wheel').screenshot({ path: '/tmp/wheel.png' });
	});

	test('Tab reaches an arc and Enter opens its activity', async ({ page }) => {
		await gotoSettled(page, `/aarshjul?year=${encodeURIComponent(YEAR)}`);
		let name: string | null = null;
		for (let i = 0; i < 120 && !name; i++) {
			await page.keyboard.press('Tab');
			const focused = page.locator('svg.wheel a.arc:focus');
			name = (await focused.count()) ? await arcName(focused) : null;
		}
		expect(name).toMatch(/uge/);
		// An activity, or the offer's page when it is one.
		const href = await page.evaluate(
			() => document.activeElement?.closest('svg.wheel a')?.getAttribute('href') ?? ''
		);
		expect(href).toMatch(/^\/(aktiviteter|tilbud)\/[0-9a-f-]{36}$/);
		await page.keyboard.press('Enter');
		await expect(page).toHaveURL(new RegExp(`${href}$`));
		const title = name!.split(',')[0];
		await expect(page.getByRole('heading', { level: 1 })).toContainText(title);
	});

	test('the hub shows the details of the arc under the pointer or in focus', async ({ page }) => {
		await gotoSettled(page, `/aarshjul?year=${encodeURIComponent(YEAR)}`);
		const hub = page.getByTestId('wheel-hub-info');
		await expect(hub).toHaveCount(0);
		const arc = page.locator(ARCS).first();
		const title = (await arcName(arc)).split(',')[0];
		// A curved arc's box centre may miss the arc, so the pointer event is sent to it directly.
		await arc.locator('path.fill').dispatchEvent('pointerover');
		await expect(hub).toContainText(title.slice(0, 15));
		await expect(hub).toContainText(/uge/);
		await arc.locator('path.fill').dispatchEvent('pointerout');
		await expect(hub).toHaveCount(0);
		await arc.focus();
		await expect(hub).toContainText(title.slice(0, 15));
		// The pointer passing over another arc shows that one, then gives the hub back to the focus.
		const other = page.locator(ARCS).nth(5);
		const otherTitle = (await arcName(other)).split(',')[0];
		await other.locator('path.fill').dispatchEvent('pointerover');
		await expect(hub).toContainText(otherTitle.slice(0, 15));
		await other.locator('path.fill').dispatchEvent('pointerout');
		await expect(hub).toContainText(title.slice(0, 15));
	});

	for (const viewport of [{ width: 1366, height: 900, minPx: 11 }]) {
		test(`every arc carries a visible label at ${viewport.width} px`, async ({ page }) => {
			await page.setViewportSize(viewport);
			await page.goto(`/aarshjul?year=${encodeURIComponent(YEAR)}`);
			const count = await summaryCount(page);
			const labels = await page.locator('svg.wheel').evaluate((svg) => {
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
			expect(labels).toHaveLength(count);
			expect(labels.filter((l) => l.visible)).toHaveLength(count);
			const smallest = Math.min(...labels.map((l) => l.px));
			expect(smallest).toBeGreaterThanOrEqual(viewport.minPx);
			// No sideways scrolling.
			const overflow = await page.evaluate(
				() => document.documentElement.scrollWidth - document.documentElement.clientWidth
			);
			expect(overflow).toBeLessThanOrEqual(0);
		});
	}

	test('on a 375 px phone the whole wheel is on the first screen, its text 12 px or more, and a month leads to its list', async ({
		page
	}) => {
		await page.setViewportSize({ width: 375, height: 812 });
		await page.goto(`/aarshjul?year=${encodeURIComponent(YEAR)}`);
		const wheel = page.locator('svg.wheel');
		const box = (await wheel.boundingBox())!;
		// The square of rings and months (the label columns beside it are cut away on a phone).
		const frame = (await page.locator('.wheel-frame').boundingBox())!;
		expect(frame.y).toBeGreaterThanOrEqual(0);
		expect(frame.y + frame.height).toBeLessThanOrEqual(812);
		expect(frame.width).toBeGreaterThan(300);
		expect(box.width).toBeGreaterThanOrEqual(frame.width);
		expect(await visibleWheelText(page)).toEqual(
			expect.arrayContaining([expect.objectContaining({ text: 'februar' })])
		);
		for (const text of await visibleWheelText(page)) {
			expect(text.px, `"${text.text}"`).toBeGreaterThanOrEqual(12);
		}
		// Every arc is still a link with its full name.
		expect(await page.locator(ARCS).count()).toBe(await summaryCount(page));
		const overflow = () =>
			page.evaluate(
				() => document.documentElement.scrollWidth - document.documentElement.clientWidth
			);
		expect(await overflow()).toBeLessThanOrEqual(0);

		// A month on the wheel opens that month, whose weeks the wheel names and whose list below
		// names every activity of the month.
		await page.getByRole('link', { name: 'Vis februar 2027' }).click();
		await expect(page).toHaveURL(/zoom=maaned&fra=2027-02/);
		const texts = await visibleWheelText(page);
		expect(texts.map((t) => t.text)).toEqual(expect.arrayContaining(['uge 6', 'februar', '2027']));
		for (const text of texts) expect(text.px, `"${text.text}"`).toBeGreaterThanOrEqual(12);
		const list = page.getByRole('region', {
			name: 'Aktiviteterne i februar 2027 med datoer og uger'
		});
		await expect(list).toBeVisible();
		const listed = await list
			.getByRole('link')
			.evaluateAll((links) => links.map((a) => a.getAttribute('href')));
		const arcsInFebruary = (await arcsWithNames(page.locator(ARCS)))
			.filter((arc) => /februar 2027/.test(arc.name))
			.map((arc) => arc.href);
		expect(arcsInFebruary.length).toBeGreaterThan(0);
		expect(listed).toEqual(expect.arrayContaining(arcsInFebruary));
		expect(await overflow()).toBeLessThanOrEqual(0);
	});

	test('on a wide screen the phone’s month links are not there to tab to', async ({ page }) => {
		await page.setViewportSize({ width: 1366, height: 900 });
		await page.goto(`/aarshjul?year=${encodeURIComponent(YEAR)}`);
		await expect(page.getByRole('link', { name: 'Vis februar 2027' })).toBeHidden();
	});

	test('a filter changes the wheel and survives a reload', async ({ page }) => {
		await page.goto(`/aarshjul?year=${encodeURIComponent(YEAR)}`);
		const before = await summaryCount(page);
		await expect(page.getByLabel('Søjle')).toBeHidden();
		await page.locator('summary', { hasText: 'Filtre' }).click();
		await page.getByLabel('Søjle').selectOption('rekruttering');
		await expect(page).toHaveURL(/pillar=rekruttering/);
		await expect(page.locator(SUMMARY)).not.toHaveAttribute('data-count', String(before));
		const after = await summaryCount(page);
		expect(after).toBeGreaterThan(0);
		expect(after).toBeLessThan(before);
		await expect(page.locator(ARCS)).toHaveCount(after);
		await page.reload();
		// Open with the active filter counted, so that the choice is visible after a reload.
		await expect(page.locator('summary', { hasText: 'Filtre' })).toContainText('1 valgt');
		await expect(page.getByLabel('Søjle')).toHaveValue('rekruttering');
		await expect(page.locator(ARCS)).toHaveCount(after);
		const calendar = page.getByRole('link', { name: 'Vis i kalender' });
		await expect(calendar).toHaveAttribute('href', /\/kalender\?.*pillar=rekruttering/);
	});
});

test.describe('the booking school’s wheel', () => {
	test.beforeEach(async ({ page }) => {
		await logIn(page, USERS.school);
	});

	test('a booked arc shows its status, names it, and leads to the booking', async ({ page }) => {
		await page.goto(`/aarshjul?year=${encodeURIComponent(YEAR)}`);
		const booked = page.locator('svg.wheel a.arc[href^="/bookinger/"]');
		// The demo's two bookings of this school, and any that other tests made in the shared database.
		await expect(booked.nth(1)).toBeAttached();
		const names = (await arcsWithNames(booked)).map((arc) => arc.name);
		expect(names.some((n) => n.endsWith('jeres booking: bekræftet'))).toBe(true);
		expect(names.some((n) => n.endsWith('jeres booking: anmodet'))).toBe(true);
		// Visible, not colour only: a mark before the name on the arc or outside it, or the status
		// words in the key the arc's number points to; the legend says what the marks mean.
		for (const link of await booked.all()) {
			const label = (await link.locator('text.label').textContent()) ?? '';
			if (/^\d+$/.test(label)) {
				// Named by its key entry, which says the status in words.
				const entry = await link.getAttribute('aria-labelledby');
				await expect(page.getByTestId('wheel-key').locator(`li#${entry}`)).toContainText(
					'jeres booking:'
				);
			} else {
				expect(label).toMatch(/^[✓?] /);
			}
		}
		await expect(page.getByTestId('wheel-legend-bookings')).toContainText('✓ bekræftet');
		// Provider offers the school has not booked lead to the offer, where it can book.
		await expect(page.locator('svg.wheel a.arc[href^="/tilbud/"]').first()).toBeAttached();

		const confirmed = page
			.locator('svg.wheel')
			.getByRole('link', { name: /jeres booking: bekræftet$/ })
			.first();
		await confirmed.focus();
		await page.keyboard.press('Enter');
		await expect(page).toHaveURL(/\/bookinger\/[0-9a-f-]{36}$/);
		await expect(page.getByRole('main')).toContainText(/bekræftet/i);
	});

	test('the list view tags the school’s own bookings with their status', async ({ page }) => {
		await page.goto(`/aarshjul?year=${encodeURIComponent(YEAR)}&view=list`);
		const tags = page.locator('.activity-list .tag.booking');
		// The demo's two bookings of this school, and any that other tests made in the shared database.
		await expect(tags.nth(1)).toBeAttached();
		await expect(tags.filter({ hasText: 'jeres booking: anmodet' }).first()).toBeAttached();
		const links = page.locator('.activity-list li:has(.tag.booking) > a');
		await expect(links).toHaveCount(await tags.count());
		for (const link of await links.all()) {
			await expect(link).toHaveAttribute('href', /^\/bookinger\//);
		}
	});
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the wheel page is server-rendered SVG with its arcs', async ({ page }) => {
		await page.goto(`/aarshjul?year=${encodeURIComponent(YEAR)}`);
		const count = await summaryCount(page);
		expect(count).toBeGreaterThan(0);
		await expect(page.locator('svg.wheel')).toBeVisible();
		await expect(page.locator(ARCS)).toHaveCount(count);
		await page.getByRole('link', { name: 'Liste' }).click();
		await expect(page).toHaveURL(/view=list/);
		await expect(page.locator('.activity-list li > a')).toHaveCount(count);
	});

	test('the closed filter panel opens and filters with a plain form submit', async ({ page }) => {
		await page.goto(`/aarshjul?year=${encodeURIComponent(YEAR)}`);
		const before = await summaryCount(page);
		await page.locator('summary', { hasText: 'Filtre' }).click();
		await page.getByLabel('Søjle').selectOption('rekruttering');
		await page.getByRole('button', { name: 'Vis', exact: true }).click();
		await expect(page).toHaveURL(/pillar=rekruttering/);
		const after = await summaryCount(page);
		expect(after).toBeLessThan(before);
		await expect(page.getByLabel('Søjle')).toBeVisible();
		await expect(page.locator(ARCS)).toHaveCount(after);
	});
});

test.describe('embedding', () => {
	let host: Server;
	let hostUrl: string;
	let frameSrc = '';

	test.beforeAll(async () => {
		// Another origin: 127.0.0.1 on its own port frames the app served at localhost.
		host = createServer((_, res) => {
			res.setHeader('content-type', 'text/html; charset=utf-8');
			res.end(
				`<!doctype html><title>Host</title><iframe src="${frameSrc}" width="900" height="1200"></iframe>`
			);
		});
		await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
		hostUrl = `http://127.0.0.1:${(host.address() as AddressInfo).port}/`;
	});
	test.afterAll(async () => {
		await new Promise((resolve) => host.close(resolve));
	});

	test('the embed loads in another origin’s iframe and shows public activities only', async ({
		page,
		baseURL
	}) => {
		frameSrc = `${baseURL}/embed?year=${encodeURIComponent(YEAR)}`;
		await page.goto(hostUrl);
		const frame = page.frameLocator('iframe');
		const arcs = frame.locator('svg.wheel a');
		await expect(frame.locator('svg.wheel')).toBeVisible();
		const count = Number(await frame.locator(SUMMARY).getAttribute('data-count'));
		expect(count).toBeGreaterThan(0);
		await expect(arcs).toHaveCount(count);
		await expect(arcs.first()).toHaveAttribute('target', '_blank');
		await expect(frame.locator('.site-header')).toBeHidden();

		// A logged-in visitor gets the same public set, and every id is one anonymous visitors see.
		const hrefs = await arcs.evaluateAll((links) =>
			links.map((a) => new URL(a.getAttribute('href') ?? '').pathname)
		);
		const anonymous = await page.request.get(
			`${baseURL}/aarshjul?year=${encodeURIComponent(YEAR)}`
		);
		const publicHtml = await anonymous.text();
		for (const href of hrefs) expect(publicHtml).toContain(`href="${href}"`);
		await logIn(page, USERS.secretariat);
		await page.goto(`/embed?year=${encodeURIComponent(YEAR)}`);
		await expect(page.locator('svg.wheel a')).toHaveCount(count);
	});

	test('the wheel page itself refuses to load in a frame', async ({ page, baseURL }) => {
		frameSrc = `${baseURL}/aarshjul?year=${encodeURIComponent(YEAR)}`;
		const refused = page.waitForEvent('response', (r) => r.url().startsWith(`${baseURL}/aarshjul`));
		await page.goto(hostUrl);
		const response = await refused;
		expect(response.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
		const frame = page.frames().find((f) => f !== page.mainFrame());
		expect(frame).toBeDefined();
		await expect.poll(async () => frame!.locator('svg.wheel').count()).toBe(0);
		expect(frame!.url().startsWith(baseURL!)).toBe(false);
	});
});
