import {
	expect,
	type Browser,
	type BrowserContextOptions,
	type Locator,
	type Page
} from '@playwright/test';
import ICAL from 'ical.js';
import { gotoSettled, logIn } from './support';

// Steps that several browser journeys take the same way: logging a person in in a browser of
// their own, publishing an offer, booking it, answering a booking, making a feed address.

/** A person in a browser of their own (own cookies), logged in on the Danish dashboard. */
export async function asUser(
	browser: Browser,
	email: string,
	options: BrowserContextOptions = {}
): Promise<Page> {
	const context = await browser.newContext(options);
	const page = await context.newPage();
	await logIn(page, email);
	return page;
}

export interface OfferInput {
	kind: 'erhvervspraktik' | 'visit';
	title: string;
	seats: number;
	grades: string[];
	address: string;
	/** Erhvervspraktik: the trade's label and an ISO week such as 2027-W11. */
	trade?: string;
	week?: string;
	/** Visit: a date (yyyy-mm-dd) and times (hh:mm). */
	date?: string;
	from?: string;
	to?: string;
	bring?: string;
}

const KIND_LABEL = { erhvervspraktik: 'Erhvervspraktik', visit: 'Virksomhedsbesøg' } as const;

/** Opens the new-offer form from /tilbud and fills it in without sending it. */
export async function fillOffer(page: Page, offer: OfferInput): Promise<void> {
	await gotoSettled(page, '/tilbud');
	await page.getByRole('link', { name: 'Nyt tilbud' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nyt tilbud');
	await page.getByLabel(KIND_LABEL[offer.kind], { exact: true }).check();
	await page.getByLabel('Titel').fill(offer.title);
	if (offer.trade) {
		await page.getByLabel('Fag', { exact: true }).selectOption({ label: offer.trade });
	}
	await page.getByLabel('Pladser').fill(String(offer.seats));
	for (const grade of offer.grades) await page.getByLabel(grade, { exact: true }).check();
	if (offer.week) await page.getByLabel('Uge 1').fill(offer.week);
	if (offer.date) await page.getByLabel('Dato 1').fill(offer.date);
	if (offer.from) await page.getByLabel('Fra kl.').fill(offer.from);
	if (offer.to) await page.getByLabel('Til kl.').fill(offer.to);
	await page.getByLabel('Adresse').fill(offer.address);
	if (offer.bring) await page.getByLabel('Det skal eleverne have med').fill(offer.bring);
}

/** Sends the filled new-offer form and waits for the published offer's page. */
export async function submitOffer(page: Page, title: string): Promise<void> {
	await page.getByRole('button', { name: 'Offentliggør tilbud' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
	await expect(page.getByText('Tilbuddet er offentliggjort.')).toBeVisible();
}

export async function publishOffer(page: Page, offer: OfferInput): Promise<void> {
	await fillOffer(page, offer);
	await submitOffer(page, offer.title);
}

export interface BookingInput {
	classLabel: string;
	seats: number;
	teacherName: string;
	teacherEmail: string;
	/** First names, erhvervspraktik only. */
	names?: string[];
}

/** Finds an offer by its title on /tilbud and opens it, ready to book. */
export async function openOffer(page: Page, title: string): Promise<void> {
	await gotoSettled(page, '/tilbud');
	await page.getByLabel('Fritekst').fill(title);
	await page.getByRole('button', { name: 'Søg' }).click();
	await expect(page.getByText('1 tilbud', { exact: true })).toBeVisible();
	await page.getByRole('link', { name: title }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
	await page.waitForLoadState('networkidle');
}

/** Fills the booking form of the open offer. */
export async function fillBooking(page: Page, booking: BookingInput): Promise<void> {
	await page.getByLabel('Klasse').fill(booking.classLabel);
	await page.getByLabel('Antal elever').fill(String(booking.seats));
	await page.getByLabel('Lærerens navn').fill(booking.teacherName);
	await page.getByLabel('Lærerens e-mail').fill(booking.teacherEmail);
	if (booking.names) {
		await page.getByLabel('Elevernes fornavne (valgfrit)').fill(booking.names.join('\n'));
	}
}

/** Sends the filled booking form as a request to the provider; the booking's page opens. */
export async function submitBooking(page: Page): Promise<void> {
	await page.getByRole('button', { name: 'Book', exact: true }).click();
	await expect(page).toHaveURL(/\/bookinger\/[0-9a-f-]{36}\?booket=requested$/);
	await expect(page.getByRole('status').filter({ hasText: 'Bookingen er sendt.' })).toBeFocused();
}

/** The provider opens a waiting request from the list on /bookinger. */
export async function openWaitingRequest(page: Page, title: string): Promise<void> {
	await gotoSettled(page, '/bookinger');
	const waiting = page.getByRole('region', { name: 'Anmodninger, der venter på svar' });
	await waiting.getByRole('link', { name: title }).first().click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText(title);
	await page.waitForLoadState('networkidle');
}

/** Confirms the open request; `beforeSend` runs with the message typed (e.g. a screenshot). */
export async function confirmRequest(
	page: Page,
	message: string,
	beforeSend?: () => Promise<void>
): Promise<void> {
	await page.getByLabel('Besked til skolen (valgfri)').fill(message);
	await beforeSend?.();
	await page.getByRole('button', { name: 'Bekræft' }).click();
	await expect(page.getByText('Bookingen er bekræftet', { exact: false })).toBeVisible();
}

/**
 * Makes the secret address of a feed card on /feeds: the first one, or a new one when one was
 * made before (the old one stops working). Returns the address, shown only this once.
 */
export async function makeFeedAddress(card: Locator): Promise<string> {
	if (await card.getByRole('button', { name: 'Lav adresse' }).count()) {
		await card.getByRole('button', { name: 'Lav adresse' }).click();
	} else {
		await card
			.getByLabel('Jeg forstår, at den gamle adresse holder op med at virke med det samme')
			.check();
		await card.getByRole('button', { name: 'Lav ny adresse' }).click();
	}
	const input = card.getByTestId('feed-url');
	await expect(input).toHaveValue(/\/feeds\/[a-z2-7]{32}\.ics$/);
	return input.inputValue();
}

/**
 * Downloads a feed as a calendar program does (no cookie) and parses it with ical.js, with the
 * feed's own VTIMEZONE registered so that times convert to the right instants.
 */
export async function feedEvents(page: Page, url: string): Promise<ICAL.Event[]> {
	const response = await page.request.get(url, { headers: { cookie: '' } });
	expect(response.status()).toBe(200);
	const calendar = new ICAL.Component(ICAL.parse(await response.text()));
	for (const zone of calendar.getAllSubcomponents('vtimezone')) {
		ICAL.TimezoneService.register(zone);
	}
	return calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
}
