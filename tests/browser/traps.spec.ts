import { expect, test, USERS, gotoSettled } from './support';
import {
	asUser,
	fillBooking,
	fillOffer,
	openOffer,
	publishOffer,
	submitOffer
} from './journey-steps';

// Issue 18: the traps a school and a company met in a day's work.

test('a whole class that does not fit books what is free and waits for the rest', async ({
	browser
}) => {
	const title = `Besøg på lageret ${Date.now()}`;
	const company = await asUser(browser, USERS.company);
	await publishOffer(company, {
		kind: 'visit',
		title,
		seats: 4,
		grades: ['8. klasse'],
		date: '2027-03-10',
		from: '09:00',
		to: '11:00',
		address: 'Lagervej 2, 8700 Horsens'
	});

	const school = await asUser(browser, USERS.school);
	await openOffer(school, title);
	await fillBooking(school, {
		classLabel: '8.C',
		seats: 24,
		teacherName: 'Hele Klassen',
		teacherEmail: 'hele@stensballeskolen.example'
	});
	await school.getByRole('button', { name: 'Se konflikter' }).click();
	await expect(school.getByRole('status')).toContainText('Der er 4 ledige pladser.');
	await expect(school.getByRole('button', { name: 'Skriv på venteliste' })).toBeVisible();
	await school.getByRole('button', { name: 'Book 4 og skriv 20 på venteliste' }).click();
	await expect(school).toHaveURL(/\/bookinger\/[0-9a-f-]{36}\?booket=split$/);
	await expect(school.getByText('De ledige pladser er booket', { exact: false })).toBeVisible();

	await openOffer(school, title);
	await expect(school.getByText('Fuldt booket').first()).toBeVisible();
	// The offer is full now: the next class can still join the waiting list.
	await expect(school.getByRole('button', { name: 'Skriv på venteliste' })).toBeVisible();
	await gotoSettled(school, '/bookinger');
	const rows = school.getByRole('row').filter({ hasText: title });
	await expect(rows.filter({ hasText: /venteliste/i }).first()).toContainText('20');
});

test('a week field takes "uge 44" where the browser has no week picker', async ({ browser }) => {
	const title = `Praktik i lageret ${Date.now()}`;
	const company = await asUser(browser, USERS.company);
	await fillOffer(company, {
		kind: 'erhvervspraktik',
		title,
		trade: 'Smed',
		seats: 2,
		grades: ['9. klasse'],
		address: 'Lagervej 2, 8700 Horsens'
	});
	// Firefox and Safari on desktop show a week field as a plain text box.
	const week = company.getByLabel('Uge 1');
	await week.evaluate((input: HTMLInputElement) => (input.type = 'text'));
	await week.fill('uge 44');
	await submitOffer(company, title);
	await expect(company.getByText(/uge 44/).first()).toBeVisible();
});

test('a refused booking shows each error in red by its field, and focuses the first', async ({
	browser
}) => {
	const title = `Besøg i værkstedet ${Date.now()}`;
	const company = await asUser(browser, USERS.company);
	await publishOffer(company, {
		kind: 'visit',
		title,
		seats: 10,
		grades: ['8. klasse'],
		date: '2027-04-14',
		from: '09:00',
		to: '11:00',
		address: 'Værkstedsvej 3, 8700 Horsens'
	});
	const school = await asUser(browser, USERS.school);
	await openOffer(school, title);
	await school.getByLabel('Klasse').fill('7.F');
	await school.getByLabel('Antal elever').fill('0');
	await school.getByLabel('Lærerens e-mail').fill('ikke-en-adresse');
	await school.getByRole('button', { name: 'Book', exact: true }).click();

	const seats = school.getByLabel('Antal elever');
	await expect(seats).toBeFocused();
	await expect(seats).toHaveAttribute('aria-invalid', 'true');
	const errorId = (await seats.getAttribute('aria-describedby'))!.split(' ')[0];
	const error = school.locator(`#${errorId}`);
	await expect(error).toBeVisible();
	await expect(error).toHaveCSS('color', 'rgb(185, 28, 28)');
	await expect(school.getByLabel('Lærerens e-mail')).toHaveAttribute('aria-invalid', 'true');
	await expect(school.getByLabel('Klasse')).toHaveValue('7.F');
});

test('on a 375 px phone the bookings table is cards, with nothing off to the side', async ({
	browser
}) => {
	const school = await asUser(browser, USERS.school, { viewport: { width: 375, height: 812 } });
	await gotoSettled(school, '/bookinger');
	const row = school.locator('table.cards-on-phone tbody tr').first();
	await expect(row).toBeVisible();
	await expect(row).toHaveCSS('display', 'block');
	await expect(row.locator('td[data-label="Status"]')).toBeVisible();
	const wide = await school.evaluate(() => document.documentElement.scrollWidth);
	expect(wide).toBeLessThanOrEqual(375);
});
