import { request, type BrowserContext, type Page } from '@playwright/test';
import { expect, test, USERS, gotoSettled, logIn, submitLogin } from './support';

/** The invitation link mailed to `email`, read in the outbox as the secretariat. */
async function invitationLinkFromOutbox(page: Page, context: BrowserContext, email: string) {
	await context.clearCookies();
	// A visitor is sent to log in: the outbox is not for anyone who finds the address.
	await page.goto('/dev/outbox');
	expect(new URL(page.url()).pathname).toBe('/login');
	await logIn(page, USERS.secretariat);
	await gotoSettled(page, '/dev/outbox');
	const mail = page.getByRole('article').filter({ hasText: email }).first();
	await expect(mail).toBeVisible();
	const href = await mail
		.getByRole('link', { name: /\/invitation\// })
		.first()
		.getAttribute('href');
	expect(href).toMatch(/\/invitation\/[^/]+$/);
	return href!;
}

test('an admin invites a new person who accepts through the outbox link', async ({
	page,
	context,
	browser,
	baseURL
}) => {
	// Two invitations, each read in the outbox as the secretariat: more steps than most tests.
	test.slow();
	const email = `ny.kollega.${Date.now()}@aarshjul.example`;
	const name = 'Nora Nyansat';
	const password = 'en-lang-ny-adgangskode';

	// The school admin opens the members page of their own organisation from the dashboard.
	await logIn(page, USERS.school);
	const orgLink = page
		.getByRole('region', { name: 'Dine organisationer' })
		.getByRole('link')
		.first();
	const orgPath = await orgLink.getAttribute('href');
	expect(orgPath).toMatch(/^\/organisationer\/[^/]+$/);
	await gotoSettled(page, `${orgPath}/medlemmer`);

	await page.getByLabel('E-mail', { exact: true }).fill(email);
	await page.getByLabel('Rolle', { exact: true }).selectOption('member');
	await page.getByRole('button', { name: /invit/i }).click();
	await expect(page.getByText(email).first()).toBeVisible();

	// The mail waits in the outbox (no SMTP_URL), which only the secretariat may read.
	const href = await invitationLinkFromOutbox(page, context, email);

	// The invitee is someone else: drop the secretariat's session first.
	await context.clearCookies();
	await gotoSettled(page, href!);
	await page.getByLabel('Navn').fill(name);
	await page.getByLabel('Adgangskode', { exact: true }).fill(password);
	await page.getByLabel('Gentag adgangskoden').fill(password);
	await page.getByRole('button', { name: 'Opret adgang' }).click();

	await expect(page).toHaveURL((url) => url.pathname === '/');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Velkommen, ${name}`);
	await expect(page.getByRole('button', { name: 'Log ud' })).toBeVisible();

	// The link works once only.
	await context.clearCookies();
	const again = await page.goto(href!);
	expect(again!.status()).toBe(404);

	// Later a company invites the same address. The link is no login (issue 12): a visitor, or
	// the company admin who sent it, is asked to log in as that account first.
	await logIn(page, USERS.company);
	const companyOrg = await page
		.getByRole('region', { name: 'Dine organisationer' })
		.getByRole('link')
		.first()
		.getAttribute('href');
	await gotoSettled(page, `${companyOrg}/medlemmer`);
	await page.getByLabel('E-mail', { exact: true }).fill(email);
	await page.getByLabel('Rolle', { exact: true }).selectOption('admin');
	await page.getByRole('button', { name: /invit/i }).click();
	await expect(page.getByText(email).first()).toBeVisible();
	const second = await invitationLinkFromOutbox(page, context, email);

	await context.clearCookies();
	await logIn(page, USERS.company);
	await gotoSettled(page, second);
	await expect(page.getByText(`Log ind som ${email} for at tage imod invitationen.`)).toBeVisible();
	await expect(page.getByRole('button', { name: 'Tag imod invitationen' })).toHaveCount(0);
	await page.getByRole('button', { name: `Log ud og log ind som ${email}` }).click();

	// Logging out leads to the login page, which returns to the invitation.
	await expect(page).toHaveURL((url) => url.pathname === '/login');
	await page.getByLabel('E-mail').fill(email);
	await page.getByLabel('Adgangskode').fill(password);
	await page.getByRole('button', { name: 'Log ind' }).click();
	await expect(page).toHaveURL((url) => url.pathname === new URL(second, url).pathname);
	await page.getByRole('button', { name: 'Tag imod invitationen' }).click();
	await expect(page).toHaveURL((url) => url.pathname === '/');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Velkommen, ${name}`);

	// Someone guesses Nora's password until the account answers "too many attempts" (issue 12):
	// another browser is refused even with the right password, Nora's own browser is not.
	const attacker = await request.newContext({ baseURL });
	let status = 0;
	for (let i = 0; i < 6; i++) {
		const guess = await attacker.post('/login', {
			form: { email, password: `gæt-${i}-forkert` },
			headers: { origin: baseURL!, accept: 'text/html' },
			maxRedirects: 0
		});
		status = guess.status();
	}
	expect(status).toBe(429);
	await attacker.dispose();

	const stranger = await browser.newPage();
	await submitLogin(stranger, email, password);
	await expect(stranger.getByRole('alert')).toContainText('For mange forsøg');
	await stranger.close();

	await page.getByRole('button', { name: 'Log ud' }).click();
	await expect(page.getByRole('banner').getByRole('link', { name: 'Log ind' })).toBeVisible();
	await submitLogin(page, email, password);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Velkommen, ${name}`);
});
