import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Cookie, type Locator, type Page } from '@playwright/test';
import { browserServer } from './servers';

/**
 * Playwright's test, with baseURL pointing at this worker's own server (tests/browser/servers.ts):
 * every spec imports `test` from here, so pages, `browser.newContext()` and request contexts
 * all reach it.
 */
export const test = base.extend<object, { workerOrigin: string }>({
	workerOrigin: [
		// eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures a fixture uses from its first parameter
		async ({}, use, workerInfo) => use(browserServer(workerInfo.parallelIndex).origin),
		{ scope: 'worker' }
	],
	baseURL: async ({ workerOrigin }, use) => use(workerOrigin)
});
export { expect };

/** Demo users seeded on first start of an empty database (see db/seed). */
export const DEMO_PASSWORD = 'aarshjul-demo';
export const USERS = {
	company: 'virksomhed@aarshjul.example',
	secretariat: 'sekretariat@aarshjul.example',
	school: 'skole@aarshjul.example',
	municipality: 'kommune@aarshjul.example'
} as const;

export const DANISH_WELCOME = /^Velkommen, \S.*/;
export const ENGLISH_WELCOME = /^Welcome, \S.*/;

/**
 * Opens a page and waits until its JavaScript has hydrated it (the root layout marks
 * `html[data-hydrated]` when everything has mounted), so that what a test types, clicks or
 * points at is not raced by hydration.
 */
export async function gotoSettled(page: Page, path: string): Promise<void> {
	await page.goto(path);
	await waitForHydration(page);
}

/**
 * Opens the new-activity form and fills in what every activity needs: its title, the first
 * category and organisation, and its first and last day (YYYY-MM-DD). Nothing is submitted.
 */
export async function startNewActivity(
	page: Page,
	activity: { title: string; start: string; end: string }
): Promise<void> {
	await gotoSettled(page, '/aktiviteter/ny');
	await page.getByLabel('Titel').fill(activity.title);
	await page.getByLabel('Kategori').selectOption({ index: 1 });
	await page.getByLabel('Ansvarlig organisation').selectOption({ index: 1 });
	await page.getByLabel('Startdato').fill(activity.start);
	await page.getByLabel('Slutdato').fill(activity.end);
}

/**
 * Waits until the page in view has hydrated; returns at once in a browser without JavaScript
 * (SvelteKit's inline start script never ran there, so nothing will hydrate).
 */
export async function waitForHydration(page: Page): Promise<void> {
	await page.waitForLoadState('domcontentloaded');
	const scripted = await page.evaluate(() =>
		Object.keys(window).some((key) => key.startsWith('__sveltekit'))
	);
	if (scripted) await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
}

/** Fills and submits the Danish login form; does not wait for the result. */
export async function submitLogin(page: Page, email: string, password: string): Promise<void> {
	await gotoSettled(page, '/login');
	await page.getByLabel('E-mail').fill(email);
	await page.getByLabel('Adgangskode').fill(password);
	await page.getByRole('button', { name: 'Log ind' }).click();
}

/** Logs in through the login form and waits for the Danish dashboard. */
export async function logInThroughForm(
	page: Page,
	email: string,
	password = DEMO_PASSWORD
): Promise<void> {
	await submitLogin(page, email, password);
	await expect(page).toHaveURL((url) => url.pathname === '/');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(DANISH_WELCOME);
}

/** This worker's session cookie per demo user: a form login per test costs a page and a hash. */
const sessions = new Map<string, Cookie>();

/**
 * Logs in and waits for the (hydrated) Danish dashboard: with the session this worker already has
 * for the user while it is alive (another test may have logged it out or changed the password),
 * else through the form. A test about logging in or about sessions ending, or one that needs a
 * session of its own beside another, uses logInThroughForm.
 */
export async function logIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
	const known = password === DEMO_PASSWORD ? sessions.get(email) : undefined;
	if (known) {
		await page.context().addCookies([known]);
		await gotoSettled(page, '/');
		const heading = await page.getByRole('heading', { level: 1 }).textContent();
		if (DANISH_WELCOME.test(heading ?? '')) return;
		await page.context().clearCookies({ name: 'session' });
		sessions.delete(email);
	}
	await logInThroughForm(page, email, password);
	const cookie = (await page.context().cookies()).find((c) => c.name === 'session');
	if (cookie && password === DEMO_PASSWORD) sessions.set(email, cookie);
}

/**
 * The ISO week `weeks` weeks from today, as the week field takes it ('2027-W14') and as the pages
 * show it (14): offers in past weeks are refused, so a test's week must move with the clock.
 */
export function weekAhead(weeks: number): { iso: string; number: number } {
	const day = new Date();
	day.setUTCHours(0, 0, 0, 0);
	day.setUTCDate(day.getUTCDate() + 7 * weeks);
	// The ISO week's Thursday decides its year.
	const thursday = new Date(day);
	thursday.setUTCDate(day.getUTCDate() + 3 - ((day.getUTCDay() + 6) % 7));
	const year = thursday.getUTCFullYear();
	const number = Math.ceil(((thursday.getTime() - Date.UTC(year, 0, 1)) / 86_400_000 + 1) / 7);
	return { iso: `${year}-W${String(number).padStart(2, '0')}`, number };
}

/**
 * The wheel's arcs with their accessible names: an arc's aria-label, or, for a numbered arc on a
 * page with the key, the text of the key entry its aria-labelledby points to.
 */
export function arcsWithNames(arcs: Locator): Promise<{ href: string; name: string }[]> {
	return arcs.evaluateAll((links) =>
		links.map((a) => ({
			href: a.getAttribute('href') ?? '',
			name:
				a.getAttribute('aria-label') ??
				document.getElementById(a.getAttribute('aria-labelledby') ?? '')?.textContent?.trim() ??
				''
		}))
	);
}

/** The accessible name of one arc (see arcsWithNames). */
export async function arcName(arc: Locator): Promise<string> {
	const [first] = await arcsWithNames(arc.first());
	return first?.name ?? '';
}

/**
 * axe-core on the page in view. Legacy mode runs axe in the page itself; the default mode opens a
 * blank page per scan to merge the results of the page's frames, which takes about twice as long
 * and only matters for cross-origin frames, which the app's pages do not have.
 */
export function axe(page: Page): AxeBuilder {
	return new AxeBuilder({ page }).setLegacyMode();
}
