import { mkdirSync } from 'node:fs';
import { expect, test, type BrowserContextOptions, type Page } from '@playwright/test';
import ICAL from 'ical.js';
import { USERS, gotoSettled } from './support';
import {
	asUser,
	confirmRequest,
	fillBooking,
	fillOffer,
	makeFeedAddress,
	openOffer,
	openWaitingRequest,
	submitBooking,
	submitOffer
} from './journey-steps';

// Issue 7: the product's journey from end to end, once on a desktop and once on a phone, on the
// one shared database: a newcomer, a company, a school, a teacher, the secretariat and a
// municipality each do their part, and each step builds on the one before.
// With GUIDE_SCREENSHOTS=1 the steps save the screenshots of docs/BRUGERVEJLEDNING.md; without
// it nothing is written, so a CI run never rewrites tracked files.

const SHOTS = process.env.GUIDE_SCREENSHOTS === '1';
const IMG = 'docs/guide/img';
const TEACHER = 'laerer@aarshjul.example';
const YEAR = '2026/27';
const NEXT = '2027/28';

interface Device {
	name: string;
	options: BrowserContextOptions;
	/** The screenshots this device takes for the guide; the phone's are saved as mobil-<name>. */
	shots: 'all' | string[];
	prefix: string;
}

const DESKTOP: Device = {
	name: 'desktop (1280×800)',
	options: { viewport: { width: 1280, height: 800 } },
	shots: 'all',
	prefix: ''
};
const PHONE: Device = {
	name: 'phone (375×812)',
	options: { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true },
	shots: ['offentligt-hjul', 'skole-booking'],
	prefix: 'mobil-'
};

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const noSideways = async (page: Page) =>
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
		page.viewportSize()!.width
	);

function journey(device: Device, tag: string) {
	// Unique per run and per device: both journeys share the database, and so do repeated runs.
	const id = `${tag}${Date.now().toString(36)}`;
	const PRAKTIK = `Smedepraktik på værkstedet ${id}`;
	const VISIT = `Besøg i smedjen ${id}`;
	const CLASS = `8.${tag.toUpperCase()}`;
	const pages = new Map<string, Page>();
	let feedUrl = '';

	async function as(browser: import('@playwright/test').Browser, email: string) {
		if (!pages.has(email)) pages.set(email, await asUser(browser, email, device.options));
		return pages.get(email)!;
	}
	async function shot(page: Page, name: string) {
		if (!SHOTS || (device.shots !== 'all' && !device.shots.includes(name))) return;
		mkdirSync(IMG, { recursive: true });
		await page.screenshot({
			path: `${IMG}/${device.prefix}${name}.png`,
			animations: 'disabled',
			caret: 'hide'
		});
	}

	test.describe.serial(`journey on a ${device.name}`, () => {
		test.afterAll(async () => {
			for (const page of pages.values()) await page.context().close();
		});

		test('a newcomer opens the public wheel', async ({ browser }) => {
			const context = await browser.newContext(device.options);
			const page = await context.newPage();
			await gotoSettled(page, '/');
			await page.getByRole('main').getByRole('link', { name: 'Årshjul', exact: true }).click();
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Årshjul ${YEAR}`);
			const summary = page.getByTestId('wheel-summary');
			const count = Number(await summary.getAttribute('data-count'));
			expect(count).toBeGreaterThan(0);
			await expect(page.locator('svg.wheel a[href^="/aktiviteter/"]')).toHaveCount(count);
			await expect(page.getByRole('heading', { name: 'Forklaring' })).toBeVisible();
			await noSideways(page);
			await shot(page, 'offentligt-hjul');
			await context.close();
		});

		test('a company publishes an erhvervspraktik offer and a visit', async ({ browser }) => {
			const company = await as(browser, USERS.company);
			await fillOffer(company, {
				kind: 'erhvervspraktik',
				title: PRAKTIK,
				trade: 'Smed',
				seats: 4,
				grades: ['8. klasse', '9. klasse'],
				week: '2027-W11',
				address: 'Bygholm Parkvej 1, 8700 Horsens',
				bring: 'Sikkerhedssko og arbejdstøj'
			});
			await shot(company, 'virksomhed-nyt-tilbud');
			await submitOffer(company, PRAKTIK);
			await expect(company.getByText('4 af 4 pladser ledige')).toBeVisible();
			await expect(company.getByText(/uge 11/).first()).toBeVisible();
			await shot(company, 'virksomhed-tilbud');

			await fillOffer(company, {
				kind: 'visit',
				title: VISIT,
				seats: 28,
				grades: ['8. klasse'],
				date: '2027-03-03',
				from: '09:00',
				to: '11:30',
				address: 'Bygholm Parkvej 1, 8700 Horsens'
			});
			await submitOffer(company, VISIT);
			await expect(company.getByText('28 af 28 pladser ledige')).toBeVisible();
			await noSideways(company);
		});

		test('a school coordinator books two places and a visit', async ({ browser }) => {
			const school = await as(browser, USERS.school);
			const booking = {
				classLabel: CLASS,
				teacherName: 'Rasmus Holm Pedersen',
				teacherEmail: TEACHER
			};
			await openOffer(school, PRAKTIK);
			await fillBooking(school, { ...booking, seats: 2, names: ['Anna', 'Bo'] });
			await school.getByRole('button', { name: 'Se konflikter' }).click();
			await expect(school.getByRole('status').filter({ hasText: /konflikt/i })).toBeVisible();
			await expect(school.getByLabel('Klasse')).toHaveValue(CLASS);
			await shot(school, 'skole-booking');
			await submitBooking(school);
			await expect(school.getByText('2 af 4 pladser ledige')).toBeVisible();

			await openOffer(school, VISIT);
			await fillBooking(school, { ...booking, seats: 22 });
			await submitBooking(school);
			await expect(school.getByText('6 af 28 pladser ledige')).toBeVisible();

			await gotoSettled(school, '/bookinger');
			const upcoming = school.getByRole('table', { name: 'Det kommende' });
			for (const title of [PRAKTIK, VISIT]) {
				const link = school.getByRole('link', { name: title, exact: true });
				await expect(upcoming.getByRole('row').filter({ has: link })).toContainText('anmodet');
			}
			await noSideways(school);
			await shot(school, 'skole-bookinger');
		});

		test('the company confirms both requests', async ({ browser }) => {
			const company = await as(browser, USERS.company);
			await openWaitingRequest(company, PRAKTIK);
			await expect(company.getByText('Anna, Bo')).toBeVisible();
			await shot(company, 'virksomhed-bekraeft');
			await confirmRequest(company, 'Mød op ved porten kl. 7.30 i sikkerhedssko.');
			await openWaitingRequest(company, VISIT);
			await confirmRequest(company, 'Vi mødes i receptionen.');
			await gotoSettled(company, '/bookinger');
			const waiting = company.getByRole('region', { name: 'Anmodninger, der venter på svar' });
			await expect(waiting.getByRole('link', { name: PRAKTIK })).toHaveCount(0);
			await expect(waiting.getByRole('link', { name: VISIT })).toHaveCount(0);
		});

		test('a teacher downloads the school feed and finds the visit in it', async ({ browser }) => {
			// The coordinator (school admin) makes the school's address and hands it to the teachers.
			const school = await as(browser, USERS.school);
			await gotoSettled(school, '/feeds');
			const card = school.locator('section[data-scope="school"]');
			feedUrl = await makeFeedAddress(card);
			await expect(card.getByTestId('feed-qr')).toBeVisible();
			await shot(school, 'skole-kalenderadresse');

			// A teacher is a plain member: the school's address comes from the coordinator, but the
			// page offers the teacher a personal calendar of their own.
			const teacher = await as(browser, TEACHER);
			await gotoSettled(teacher, '/feeds');
			const schoolCard = teacher.locator('section[data-scope="school"]');
			await expect(schoolCard.getByText('Spørg en administrator i organisationen')).toBeVisible();
			await expect(schoolCard.getByRole('button', { name: /Lav/ })).toHaveCount(0);
			const own = teacher.locator('section[data-scope="user"]');
			await expect(own.getByRole('heading')).toHaveText(/^Din personlige kalender/);
			await expect(own.getByRole('button', { name: /^Lav (ny )?adresse$/ })).toBeVisible();
			await expect(teacher.getByRole('heading', { name: 'Sådan abonnerer du' })).toBeVisible();
			await shot(teacher, 'laerer-kalenderabonnement');

			// A calendar program sends no cookie.
			const response = await teacher.request.get(feedUrl, { headers: { cookie: '' } });
			expect(response.status()).toBe(200);
			const calendar = new ICAL.Component(ICAL.parse(await response.text()));
			// The feed carries its own VTIMEZONE: registered, the times convert to real instants.
			for (const zone of calendar.getAllSubcomponents('vtimezone')) {
				ICAL.TimezoneService.register(zone);
			}
			const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
			const visit = events.find((e) => e.summary === `${VISIT} – ${CLASS}`);
			expect(visit, `the visit ${VISIT} in the school feed`).toBeDefined();
			expect(visit!.component.getFirstPropertyValue('status')).toBe('CONFIRMED');
			const start = visit!.component.getFirstProperty('dtstart')!;
			expect(start.getParameter('tzid')).toBe('Europe/Copenhagen');
			// 9.00–11.30 in Copenhagen, winter time (UTC+1).
			expect(visit!.startDate.toJSDate().toISOString()).toBe('2027-03-03T08:00:00.000Z');
			expect(visit!.endDate.toJSDate().toISOString()).toBe('2027-03-03T10:30:00.000Z');
			expect(visit!.location).toContain('Bygholm Parkvej 1');
			expect(events.some((e) => e.summary === `${PRAKTIK} – ${CLASS}`)).toBe(true);
		});

		test('the secretariat rolls the year forward and prints the wheel', async ({ browser }) => {
			const secretariat = await as(browser, USERS.secretariat);
			const query = new URLSearchParams({ year: YEAR, valg: 'ingen' });
			await gotoSettled(secretariat, `/aarshjul/rul-frem?${query}`);
			await expect(secretariat.getByRole('heading', { level: 1 })).toHaveText(
				'Rul skoleåret frem'
			);
			const choice = secretariat.getByRole('checkbox', { name: new RegExp(escape(PRAKTIK)) });
			await expect(choice).not.toBeChecked();
			await choice.check();
			await secretariat.getByRole('button', { name: 'Forhåndsvis' }).click();
			await expect(secretariat.getByRole('heading', { level: 2 })).toContainText(
				`Forhåndsvisning: ${YEAR} → ${NEXT}`
			);
			const row = secretariat.getByRole('row').filter({ hasText: PRAKTIK });
			await expect(row.getByRole('cell').nth(0)).toContainText('uge 11');
			await expect(row.getByRole('cell').nth(1)).toContainText('2028 (uge 11)');
			await expect(secretariat.getByText('Intet er gemt endnu.')).toBeVisible();
			await shot(secretariat, 'sekretariat-rul-frem');

			await secretariat.getByRole('button', { name: `Gem 1 nye aktiviteter i ${NEXT}` }).click();
			await expect(secretariat.getByRole('status')).toContainText(
				`1 aktiviteter er oprettet i ${NEXT}. 0 blev sprunget over.`
			);
			await secretariat.getByRole('link', { name: `Se årshjulet for ${NEXT}` }).click();
			await expect(secretariat.getByRole('heading', { level: 1 })).toHaveText(`Årshjul ${NEXT}`);
			const arc = `svg.wheel a[aria-label^="${PRAKTIK},"]`;
			await expect(secretariat.locator(arc)).toHaveCount(1);

			await secretariat.getByRole('link', { name: 'Udskriv (A3 liggende)' }).click();
			await expect(secretariat).toHaveURL(/\/aarshjul\/print\?/);
			await expect(secretariat.getByRole('heading', { level: 1 })).toHaveText(`Årshjul ${NEXT}`);
			await expect(secretariat.getByTestId('print-sheet').locator(arc)).toHaveCount(1);
			await secretariat.waitForLoadState('networkidle');
			await shot(secretariat, 'sekretariat-udskrift');
			await secretariat.evaluate(() => {
				window.print = () => document.body.setAttribute('data-printed', 'yes');
			});
			await secretariat.getByRole('button', { name: 'Udskriv' }).click();
			await expect(secretariat.locator('body')).toHaveAttribute('data-printed', 'yes');
		});

		test('a municipality user reads the report', async ({ browser }) => {
			const municipality = await as(browser, USERS.municipality);
			await gotoSettled(municipality, '/rapporter');
			await expect(municipality.getByRole('heading', { level: 1 })).toHaveText('Rapport');
			await expect(municipality.getByLabel('Skoleår')).toHaveValue(YEAR);
			const praktik = municipality.locator('section[data-table="praktik"] table');
			await expect(praktik.getByRole('columnheader', { name: 'Udbudte pladser' })).toBeVisible();
			// The journey's places are counted: 4 smed places offered, 2 of them booked.
			const smed = praktik.getByRole('row', { name: /^Smed\b/ });
			const figures = (await smed.getByRole('cell').allTextContents()).map(Number);
			expect(figures).toHaveLength(3);
			expect(figures[0]).toBeGreaterThanOrEqual(4);
			expect(figures[1]).toBeGreaterThanOrEqual(2);
			await expect(praktik.getByRole('row', { name: /^I alt\b/ })).toBeVisible();
			await shot(municipality, 'kommune-rapport');
		});
	});
}

journey(DESKTOP, 'd');
journey(PHONE, 'm');
