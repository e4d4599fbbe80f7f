import { expect, test } from '@playwright/test';
import { USERS, gotoSettled, logIn } from './support';
import { makeFeedAddress } from './journey-steps';

test('a school coordinator makes the school feed address and the feed holds its activities', async ({
	page
}) => {
	await logIn(page, USERS.school);
	await gotoSettled(page, '/feeds');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kalenderabonnementer');

	const card = page.locator('section[data-scope="school"]');
	await expect(card.getByRole('heading', { name: 'Stensballeskolen' })).toBeVisible();
	const url = await makeFeedAddress(card);

	await expect(card.getByTestId('feed-qr')).toBeVisible();
	await expect(card.getByRole('link', { name: 'Tilføj til Google Kalender' })).toHaveAttribute(
		'href',
		`https://calendar.google.com/calendar/render?cid=${encodeURIComponent(url.replace(/^https?:/, 'webcal:'))}`
	);
	await expect(card.getByRole('link', { name: 'Åbn i kalenderprogram' })).toHaveAttribute(
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
