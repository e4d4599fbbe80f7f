import type { Browser, Page } from '@playwright/test';
import { expect, test, USERS } from './support';
import { asUser } from './journey-steps';

// A refused form shows each field's error in red beside it, tied to the field (aria-invalid,
// aria-describedby), and the keyboard starts at the first field in error: after an enhanced
// submit (focusFirstError) and after a plain post without JavaScript (autofocus).

interface Case {
	/** Who fills the form in; null: logged out. */
	user: string | null;
	path: string;
	/** The form's first field, which is also the first refused when submitted empty. */
	first: string;
}

const CASES: Case[] = [
	{ user: null, path: '/login', first: 'email' },
	{ user: USERS.secretariat, path: '/aktiviteter/ny', first: 'title' },
	{ user: USERS.secretariat, path: '/moeder/ny', first: 'title' },
	{ user: USERS.secretariat, path: '/organisationer/ny', first: 'name' },
	{ user: USERS.school, path: '/profil', first: 'currentPassword' }
];

async function open(browser: Browser, c: Case, javaScriptEnabled: boolean): Promise<Page> {
	if (c.user) return asUser(browser, c.user, { javaScriptEnabled });
	const context = await browser.newContext({ javaScriptEnabled });
	return context.newPage();
}

async function expectFirstErrorFocused(page: Page, c: Case) {
	const form = page.locator(`form:has([name="${c.first}"])`);
	const invalid = form.locator('[aria-invalid="true"]');
	await expect(invalid.first()).toBeVisible();
	await expect(invalid.first()).toHaveAttribute('name', c.first);
	await expect(invalid.first()).toBeFocused();

	for (const field of await invalid.all()) {
		const ids = (await field.getAttribute('aria-describedby'))?.split(' ') ?? [];
		const errorId = ids.find((id) => id.endsWith('-error'));
		expect(errorId, `${c.path}: ${await field.getAttribute('name')} names its error`).toBeTruthy();
		const error = page.locator(`[id="${errorId}"]`);
		await expect(error).toBeVisible();
		await expect(error).not.toBeEmpty();
		// --danger (#b91c1c) for the text, and the field's border.
		await expect(error).toHaveCSS('color', 'rgb(185, 28, 28)');
		await expect(field).toHaveCSS('border-top-color', 'rgb(185, 28, 28)');
	}
}

for (const javaScriptEnabled of [true, false]) {
	test.describe(javaScriptEnabled ? 'with JavaScript' : 'without JavaScript', () => {
		for (const c of CASES) {
			test(`an empty form on ${c.path} points at its first error`, async ({ browser }) => {
				const page = await open(browser, c, javaScriptEnabled);
				await page.goto(c.path);
				const form = page.locator(`form:has([name="${c.first}"])`);
				await expect(form).toBeVisible();
				// Empty the fields a page may fill in beforehand.
				for (const field of await form
					.locator('input[type="text"], input[type="email"], input[type="number"], textarea')
					.all()) {
					if (await field.isEditable()) await field.fill('');
				}
				await form.locator('button[type="submit"]').last().click();
				await expectFirstErrorFocused(page, c);
				await page.context().close();
			});
		}
	});
}
