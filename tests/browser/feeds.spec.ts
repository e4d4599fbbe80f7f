import { expect, test, USERS, gotoSettled, logIn } from './support';
import { makeFeedAddress } from './journey-steps';

test('a school coordinator makes the school feed address and the feed holds its activities', async ({
	page
}) => {
	await logIn(page, USERS.school);
	await gotoSettled(page, '/feeds');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kalenderabonnement');

	const card = page.locator('section[data-scope="school"]');
	await expect(card.getByRole('heading', { name: 'Stensballeskolen' })).toBeVisible();
	const url = await makeFeedAddress(card);

	await expect(card.getByTestId('feed-qr')).toBeVisible();
	const main = card.getByTestId('feed-address');
	await expect(main.getByRole('link', { name: 'Tilføj til Google Kalender' })).toHaveAttribute(
		'href',
		`https://calendar.google.com/calendar/render?cid=${encodeURIComponent(url.replace(/^https?:/, 'webcal:'))}`
	);
	await expect(main.getByRole('link', { name: 'Åbn i kalenderprogram' })).toHaveAttribute(
		'href',
		/^webcal:\/\//
	);

	// Calendar clients send no cookie: fetch the address as they would.
	const response = await page.request.get(url, { headers: { cookie: '' } });
	expect(response.status()).toBe(200);
	expect(response.headers()['content-type']).toBe('text/calendar; charset=utf-8');
	const body = await response.text();
	expect(body).toContain('X-WR-CALNAME:Årshjul – Stensballeskolen');
	expect(body).toContain('SUMMARY:GF1-inspirationsdag: Metal og maskin');

	// The public feed's card is always there, with its QR code.
	const open = page.locator('section[data-scope="public"]');
	await expect(open.getByTestId('feed-qr')).toBeVisible();
	await expect(open.getByTestId('feed-url')).toHaveValue(/\/feeds\/offentlig\.ics$/);

	// Shown once: after a reload the address is gone, only a new one can be made.
	await page.reload();
	await expect(card.getByTestId('feed-url')).toHaveCount(0);
	await expect(card.getByRole('button', { name: 'Lav ny adresse' })).toBeVisible();
});

test('a second address leaves the first one shown; holidays and choices have their own links', async ({
	page
}) => {
	await logIn(page, USERS.school);
	await gotoSettled(page, '/feeds');
	await expect(
		page.getByRole('navigation').getByRole('link', { name: 'Kalenderabonnement' })
	).toBeVisible();

	const school = page.locator('section[data-scope="school"]');
	const first = await makeFeedAddress(school);
	// The address with the municipality's school holidays: its own calendar link, Google link, QR.
	const holidays = school.getByTestId('feed-address-holidays');
	await expect(holidays.getByTestId('feed-url-holidays')).toHaveValue(`${first}?ferier=1`);
	await expect(holidays.getByTestId('feed-qr-holidays')).toBeVisible();
	await expect(holidays.getByRole('link', { name: 'Åbn i kalenderprogram' })).toHaveAttribute(
		'href',
		`${first.replace(/^https?:/, 'webcal:')}?ferier=1`
	);
	await expect(holidays.getByRole('link', { name: 'Tilføj til Google Kalender' })).toHaveAttribute(
		'href',
		/calendar\.google\.com.*ferier%3D1$/
	);

	// Making the personal address does not hide the school's.
	const personal = page.locator('section[data-scope="user"]');
	await personal.getByLabel('Kun kommende aktiviteter').check();
	await personal.getByLabel('Uden aflyste aktiviteter').check();
	await personal.getByRole('button', { name: 'Lav adresse' }).click();
	await expect(personal.getByTestId('feed-url')).toHaveValue(
		/\/feeds\/[a-z2-7]{32}\.ics\?kommende=1&uden-aflyste=1$/
	);
	await expect(school.getByTestId('feed-url')).toHaveValue(first);

	// Changing the school address's choices keeps both shown.
	await school.getByLabel('Uden aflyste aktiviteter').check();
	await school.getByRole('button', { name: 'Vis adressen med disse valg' }).click();
	await expect(school.getByTestId('feed-url')).toHaveValue(`${first}?uden-aflyste=1`);
	await expect(personal.getByTestId('feed-url')).toHaveValue(/kommende=1&uden-aflyste=1$/);
});

test('a company user is offered no address with school holidays', async ({ page }) => {
	await logIn(page, USERS.company);
	await gotoSettled(page, '/feeds');
	const personal = page.locator('section[data-scope="user"]');
	await makeFeedAddress(personal);
	await expect(personal.getByTestId('feed-url-holidays')).toHaveCount(0);
	await expect(page.getByText('Med kommunens skoleferier')).toHaveCount(0);
});

test('a school admin sees a member’s personal address (not the secret) and ends it; /feeds says how fast calendars update', async ({
	page
}) => {
	// The school coordinator is the school's admin and a member: its own personal address is
	// listed among the members' addresses.
	await logIn(page, USERS.school);
	await gotoSettled(page, '/feeds');
	const personal = page.locator('section[data-scope="user"]');
	const url = await makeFeedAddress(personal);

	// Health of the address: fetched by Google's importer, its size against 1 MB.
	const fetched = await page.request.get(url, {
		headers: { cookie: '', 'user-agent': 'Google-Calendar-Importer' }
	});
	expect(fetched.status()).toBe(200);
	await page.reload();
	await expect(personal.getByTestId('feed-health')).toContainText('af Google Kalender');
	await expect(personal.getByTestId('feed-health')).toContainText(
		'af Google Kalenders grænse på 1 MB'
	);

	const school = page.locator('section[data-scope="school"]');
	const members = school.getByTestId('member-feeds');
	await expect(
		members.getByRole('heading', { name: 'Medlemmernes personlige adresser' })
	).toBeVisible();
	await expect(members).not.toContainText(url.match(/[a-z2-7]{32}/)![0]);
	const revoke = members.getByRole('button', { name: /^Luk .*s personlige adresse$/ });
	await expect(revoke).toHaveCount(1);
	await revoke.click();
	await expect(school.getByRole('status').filter({ hasText: 'Adressen er lukket' })).toBeVisible();
	await expect(members).toContainText('Ingen medlemmer har en personlig adresse.');
	const after = await page.request.get(url, { headers: { cookie: '' } });
	expect(after.status()).toBe(404);

	const help = page.locator('section.help');
	await expect(help).toContainText('Google Kalender henter et abonnement hver 8.–24. time');
	await expect(help).toContainText('Outlook');
	await expect(help).toContainText('Apple Kalender');
	await expect(help).toContainText('inden for de næste 48 timer også på mail');
});
