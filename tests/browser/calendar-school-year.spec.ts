import type { Page } from '@playwright/test';
import { axe, expect, test, USERS, logIn, startNewActivity } from './support';

// The calendar fits a school year: holidays, folded filters, August–July, a list on phones, a
// day popover that closes from the keyboard, and names that say what the screen shows.

const isFeed = (path: string) => (url: URL) => url.pathname === path;

/** Waits for both of the calendar's sources after opening a calendar URL. */
async function openCalendar(page: Page, path: string) {
	const activities = page.waitForResponse((r) => isFeed('/api/activities')(new URL(r.url())));
	const holidays = page.waitForResponse((r) => isFeed('/api/holidays')(new URL(r.url())));
	await page.goto(path);
	expect((await activities).status()).toBe(200);
	expect((await holidays).status()).toBe(200);
}

async function nameMismatches(page: Page): Promise<string[]> {
	const results = await axe(page).withRules(['label-content-name-mismatch']).analyze();
	return results.violations.flatMap((v) => v.nodes.map((n) => n.target.join(' ')));
}

test.describe('calendar over a school year', () => {
	test.use({ viewport: { width: 1366, height: 900 } });

	test('shows public holidays, and the school its municipality’s school holidays', async ({
		page
	}) => {
		await openCalendar(page, '/kalender?view=month&date=2026-12-01');
		const christmas = page.locator('td[data-date="2026-12-25"] .fc-bg-event.holiday-public');
		await expect(christmas).toHaveText('Juledag');
		// A visitor has no municipality of its own.
		await expect(page.locator('.fc-bg-event.holiday-school')).toHaveCount(0);

		await logIn(page, USERS.school);
		await openCalendar(page, '/kalender?view=month&date=2026-12-01');
		// Stensballeskolen is in Horsens: Horsens' Christmas holiday from 19 December.
		await expect(page.locator('td[data-date="2026-12-21"] .fc-bg-event.holiday-school')).toHaveText(
			'Juleferie'
		);
		await expect(page.locator('td[data-date="2026-12-25"] .fc-bg-event.holiday-public')).toHaveText(
			'Juledag'
		);
		// The list draws no backgrounds: the holidays are lines of their own there.
		await page.getByRole('button', { name: 'Liste' }).click();
		await expect(page.locator('.fc-list-event.holiday-public')).toContainText(['Juledag']);
	});

	test('folds the filters away so the grid is on the first screen, without JavaScript too', async ({
		page
	}) => {
		await openCalendar(page, '/kalender?view=month&date=2027-02-01');
		await expect(page.getByLabel('Søjle')).toBeHidden();
		const firstWeek = page.locator('.fc-daygrid-body tr').first();
		const box = (await firstWeek.boundingBox())!;
		expect(box.y + box.height).toBeLessThan(900);
		await page.getByText('Filtre', { exact: true }).click();
		await expect(page.getByLabel('Søjle')).toBeVisible();
	});

	test('runs the year view from August to July', async ({ page }) => {
		await openCalendar(page, '/kalender?view=year&date=2027-02-01');
		const months = page.locator('.fc-multimonth-month');
		await expect(months).toHaveCount(12);
		await expect(page.locator('.fc-multimonth-title').first()).toHaveText(/august 2026/i);
		await expect(page.locator('.fc-multimonth-title').last()).toHaveText(/juli 2027/i);
		await expect(page).toHaveURL(/date=2026-08-01/);
		await page.getByRole('button', { name: 'Næste' }).click();
		await expect(page.locator('.fc-multimonth-title').first()).toHaveText(/august 2027/i);
		await expect(page).toHaveURL(/date=2027-08-01/);
	});

	test('the day popover has a visible close button; Escape closes it and focus returns', async ({
		page
	}) => {
		await openCalendar(page, '/kalender?view=year&date=2027-02-01');
		const more = page.locator('.fc-more-link').first();
		await more.focus();
		await page.keyboard.press('Enter');
		const dialog = page.getByRole('dialog');
		await expect(dialog).toBeVisible();
		const close = dialog.getByRole('button', { name: 'Luk' });
		await expect(close).toBeVisible();
		await expect(close).toBeFocused();
		await expect(dialog.getByRole('link').first()).toBeVisible();
		const open = await axe(page).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
		expect(open.violations.map((v) => v.id)).toEqual([]);
		await page.keyboard.press('Escape');
		await expect(dialog).toBeHidden();
		await expect(more).toBeFocused();

		await more.click();
		await expect(dialog).toBeVisible();
		await close.click();
		await expect(dialog).toBeHidden();
		await expect(more).toBeFocused();
	});

	test('every name holds the visible text (axe label-content-name-mismatch)', async ({ page }) => {
		for (const path of [
			'/kalender',
			'/kalender?view=month&date=2026-12-01',
			'/kalender?view=year'
		]) {
			await openCalendar(page, path);
			await page.waitForLoadState('networkidle');
			expect(await nameMismatches(page), path).toEqual([]);
		}
	});

	test('a school sees its own booking with its status in words, linked to the booking', async ({
		page
	}) => {
		await logIn(page, USERS.school);
		// Stensballeskolen has asked for a visit at Bygholm on 13 January 2027.
		await openCalendar(page, '/kalender?view=month&date=2027-01-01');
		// Other tests may book more in the shared database: the first requested one is enough.
		const booking = page
			.locator('.fc a.fc-event.own-booking')
			.filter({ hasText: 'Booking: anmodet' })
			.first();
		await expect(booking).toBeAttached();
		await expect(booking).toHaveAttribute('href', /^\/bookinger\/[0-9a-f-]{36}$/);
		await booking.click();
		await expect(page).toHaveURL(/\/bookinger\/[0-9a-f-]{36}$/);
	});

	test('a course on three mornings is three morning events, and its page says so', async ({
		page
	}) => {
		await logIn(page, USERS.secretariat);
		await startNewActivity(page, {
			title: 'Svejsekursus for vejledere',
			start: '2027-03-02',
			end: '2027-03-04'
		});
		await page.getByLabel('Hele dagen').uncheck();
		await page.getByLabel('Starttidspunkt').fill('09:00');
		await page.getByLabel('Sluttidspunkt').fill('12:00');
		await page.getByRole('button', { name: 'Opret aktivitet' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Svejsekursus for vejledere');
		await expect(page.getByText('kl. 9.00–12.00 hver dag')).toBeVisible();

		await openCalendar(page, '/kalender?view=week&date=2027-03-01');
		const course = page.locator('.fc-timegrid-event').filter({ hasText: 'Svejsekursus' });
		await expect(course).toHaveCount(3);
		for (const day of ['2027-03-02', '2027-03-03', '2027-03-04']) {
			await expect(
				page.locator(`td.fc-timegrid-col[data-date="${day}"] .fc-timegrid-event`, {
					hasText: 'Svejsekursus'
				})
			).toContainText('09.00 - 12.00');
		}
	});
});

test.describe('calendar on a phone', () => {
	test.use({ viewport: { width: 375, height: 800 } });

	test('opens on the list unless the URL names a view', async ({ page }) => {
		await openCalendar(page, '/kalender?date=2027-02-01');
		await expect(page.locator('.fc-list').first()).toBeVisible();
		await expect(page).toHaveURL(/view=list/);
		await openCalendar(page, '/kalender?date=2027-02-01&view=month');
		await expect(page.locator('.fc-daygrid-body')).toBeVisible();
	});

	test('every name holds the visible text (axe label-content-name-mismatch)', async ({ page }) => {
		for (const path of ['/kalender', '/kalender?view=month&date=2026-12-01']) {
			await openCalendar(page, path);
			await page.waitForLoadState('networkidle');
			expect(await nameMismatches(page), path).toEqual([]);
		}
	});
});

test.describe('calendar without JavaScript', () => {
	test.use({ javaScriptEnabled: false, viewport: { width: 1366, height: 900 } });

	test('opens the folded filters and lists the holidays of the period', async ({ page }) => {
		await page.goto('/kalender?view=month&date=2026-12-01');
		await expect(page.getByLabel('Søjle')).toBeHidden();
		await page.getByText('Filtre', { exact: true }).click();
		await expect(page.getByLabel('Søjle')).toBeVisible();
		await expect(page.getByRole('listitem').filter({ hasText: ': Juledag' })).toContainText(
			'helligdag'
		);
	});
});
