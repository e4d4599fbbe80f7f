import type { Page } from '@playwright/test';
import { expect, test, USERS, gotoSettled, logIn, weekAhead } from './support';
import { asUser, fillBooking, openOffer, publishOffer } from './journey-steps';

// The whole journey of issue 4: a company publishes erhvervspraktik places, a school finds and
// books them, the company confirms, and the school sees the confirmation.
const TITLE = `Erhvervspraktik i smedjen ${Date.now()}`;
/** Far enough ahead that the school still has three weeks to tell UU. */
const WEEK = weekAhead(8);

const waitingCount = async (page: Page) => {
	await gotoSettled(page, '/bookinger');
	const text = await page.getByText(/\d+ venter på svar/).textContent();
	return Number(/(\d+)/.exec(text ?? '')?.[1]);
};

test('a company publishes, a school books, the company confirms', async ({ browser }) => {
	const company = await asUser(browser, USERS.company);
	const before = await waitingCount(company);

	await publishOffer(company, {
		kind: 'erhvervspraktik',
		title: TITLE,
		trade: 'Smed',
		seats: 4,
		grades: ['8. klasse', '9. klasse'],
		week: WEEK.iso,
		address: 'Bygholm Parkvej 1, 8700 Horsens',
		bring: 'Sikkerhedssko'
	});
	await expect(company.getByText('4 af 4 pladser ledige')).toBeVisible();
	await expect(company.getByText(`uge ${WEEK.number}`).first()).toBeVisible();

	const school = await asUser(browser, USERS.school);
	await openOffer(school, TITLE);
	await fillBooking(school, {
		classLabel: '8.B',
		seats: 2,
		teacherName: 'Rasmus Lærer',
		teacherEmail: 'rasmus@stensballeskolen.example',
		names: ['Anna', 'Bo']
	});
	await school.getByRole('button', { name: 'Se konflikter' }).click();
	await expect(school.getByRole('status').filter({ hasText: /konflikt/i })).toBeVisible();
	await expect(school.getByLabel('Klasse')).toHaveValue('8.B');
	await school.getByRole('button', { name: 'Book', exact: true }).click();
	// The booking's own page opens with what happened and what comes next, focused at the top.
	await expect(school).toHaveURL(/\/bookinger\/[0-9a-f-]{36}\?booket=requested$/);
	await expect(school.getByRole('status').filter({ hasText: 'Bookingen er sendt.' })).toBeFocused();
	await expect(school.getByText('anmodet', { exact: true }).first()).toBeVisible();
	await school.getByRole('link', { name: TITLE, exact: true }).click();
	await expect(school.getByText('2 af 4 pladser ledige')).toBeVisible();

	expect(await waitingCount(company)).toBe(before + 1);
	const nav = company.getByRole('navigation').getByRole('link', { name: /^Bookinger/ });
	await expect(nav.locator('.badge')).toContainText(String(before + 1));
	const waiting = company.getByRole('region', { name: 'Anmodninger, der venter på svar' });
	await waiting.getByRole('link', { name: TITLE }).click();
	await expect(company.getByText('Anna, Bo')).toBeVisible();
	await company.getByLabel('Besked til skolen (valgfri)').fill('Mød op ved porten kl. 7.30.');
	await company.getByRole('button', { name: 'Bekræft' }).click();
	await expect(company.getByText('Bookingen er bekræftet', { exact: false })).toBeVisible();
	expect(await waitingCount(company)).toBe(before);

	await gotoSettled(school, '/bookinger');
	const row = school.getByRole('row').filter({ hasText: TITLE }).first();
	await expect(row).toContainText('bekræftet');
	await row.getByRole('link', { name: TITLE }).click();
	await expect(school.getByText('Mød op ved porten kl. 7.30.')).toBeVisible();
	await expect(
		school.getByRole('heading', { name: 'Tjekliste for erhvervspraktik' })
	).toBeVisible();
});

test('a school books without JavaScript, and a mistake keeps what was typed', async ({
	browser
}) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const school = await context.newPage();
	await logIn(school, USERS.school);
	await school.goto('/tilbud?kind=visit&free=1');
	await school.locator('.offer-card a').first().click();
	await school.getByLabel('Klasse').fill('10.X');
	await school.getByLabel('Antal elever').fill('0');
	await school.getByLabel('Lærerens navn').fill('Uden Javascript');
	await school.getByLabel('Lærerens e-mail').fill('nojs@stensballeskolen.example');
	await school.getByRole('button', { name: 'Book', exact: true }).click();
	await expect(school.getByLabel('Antal elever')).toHaveAttribute('aria-invalid', 'true');
	await expect(school.getByLabel('Klasse')).toHaveValue('10.X');
	await expect(school.getByLabel('Lærerens navn')).toHaveValue('Uden Javascript');
	await school.getByLabel('Antal elever').fill('1');
	await school.getByRole('button', { name: 'Book', exact: true }).click();
	await expect(school).toHaveURL(/\/bookinger\/[0-9a-f-]{36}\?booket=requested$/);
	await expect(school.getByText('Bookingen er sendt.', { exact: false })).toBeVisible();
	await context.close();
});
