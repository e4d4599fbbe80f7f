import { expect, test } from '@playwright/test';
import { USERS, gotoSettled } from './support';
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
