import type { Page } from '@playwright/test';
import { FIXTURES } from './probe/fixtures';
import { expect, test, gotoSettled } from './support';

// Issue 7: every action with the keyboard alone, and a visible focus wherever focus lands.

/** The accessible name of the focused element, roughly as a screen reader would say it. */
async function focusedName(page: Page): Promise<string> {
	return page.evaluate(() => {
		const el = document.activeElement as HTMLElement | null;
		if (!el || el === document.body) return '';
		const input = el as HTMLInputElement;
		const label = input.labels?.[0]?.textContent ?? el.getAttribute('aria-label') ?? '';
		return (label || el.textContent || '').replace(/\s+/g, ' ').trim();
	});
}

/** Presses Tab until the focused element's name matches; fails after `limit` presses. */
async function tabTo(page: Page, name: RegExp, limit = 80): Promise<void> {
	for (let i = 0; i < limit; i++) {
		await page.keyboard.press('Tab');
		if (name.test(await focusedName(page))) return;
	}
	throw new Error(`Tab never reached ${name}`);
}

async function focusIsVisible(page: Page): Promise<boolean> {
	return page.evaluate(() => {
		const el = document.activeElement as HTMLElement | null;
		if (!el || el === document.body) return true;
		// A wheel arc (an SVG link) shows focus as a thick dark stroke around its shape.
		const shape = el instanceof SVGElement ? el.querySelector('.fill') : null;
		if (shape) return parseFloat(getComputedStyle(shape).strokeWidth) >= 4;
		// Date and week inputs: Tab walks their segments, which the browser highlights itself.
		if (
			/^(date|week|time|month)$/.test(el.getAttribute('type') ?? '') &&
			!el.matches(':focus-visible')
		)
			return true;
		const style = getComputedStyle(el);
		const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
		return outline || style.boxShadow !== 'none';
	});
}

test('focus is visible on everything Tab reaches', async ({ page }) => {
	for (const path of ['/', '/aarshjul', '/tilbud', '/login', '/kalender']) {
		await gotoSettled(page, path);
		const seen = new Set<string>();
		for (let i = 0; i < 30; i++) {
			await page.keyboard.press('Tab');
			const name = await focusedName(page);
			expect(await focusIsVisible(page), `${path}: focus on "${name}" is not visible`).toBe(true);
			seen.add(name);
		}
		// Focus moves on (no trap on the first elements).
		expect(seen.size, path).toBeGreaterThan(5);
	}
});

test('the skip link takes the keyboard straight to the content', async ({ page }) => {
	await gotoSettled(page, '/aarshjul');
	await page.keyboard.press('Tab');
	expect(await focusedName(page)).toBe('Gå til indhold');
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/#/);
});

test('a school coordinator logs in and books a visit with the keyboard alone', async ({ page }) => {
	await gotoSettled(page, '/login');
	await tabTo(page, /^E-mail/);
	await page.keyboard.type('skole@aarshjul.example');
	await tabTo(page, /^Adgangskode/);
	await page.keyboard.type('aarshjul-demo');
	await page.keyboard.press('Enter');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Velkommen/);

	await gotoSettled(page, `/tilbud/${FIXTURES.companyOffer}`);
	await tabTo(page, /^Klasse/);
	await page.keyboard.type('7.K');
	await tabTo(page, /^Antal elever/);
	await page.keyboard.type('1');
	await tabTo(page, /^Lærerens navn/);
	await page.keyboard.type('Tastatur Lærer');
	await tabTo(page, /^Lærerens e-mail/);
	await page.keyboard.type('tastatur@stensballeskolen.example');
	await tabTo(page, /^Book$/);
	await page.keyboard.press('Enter');
	await expect(page.getByText(/Bookingen er sendt|venteliste/i).first()).toBeVisible();
});

test('the wheel has a text alternative: a name, a description and a list of its activities', async ({
	page
}) => {
	await gotoSettled(page, '/aarshjul');
	const wheel = page.getByRole('group', { name: /^Årshjul for skoleåret \d{4}\/\d{2}$/ });
	await expect(wheel).toBeVisible();
	await expect(wheel).toHaveAccessibleDescription(/\d+ aktiviteter?; (hver|den) er et link/);
	await expect(
		page
			.getByRole('list')
			.filter({ has: page.getByRole('link') })
			.first()
	).toBeVisible();
});
