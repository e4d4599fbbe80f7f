import type { Browser, Locator, Page } from '@playwright/test';
import { expect, test, USERS, gotoSettled } from './support';
import { DESKTOP, PHONE, guideShots, type Device } from './guide-shots';
import {
	asUser,
	confirmRequest,
	feedEvents,
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
// With GUIDE_SCREENSHOTS=1 the steps save the screenshots of docs/BRUGERVEJLEDNING.md.

const TEACHER = 'laerer@aarshjul.example';
const YEAR = '2026/27';
const NEXT = '2027/28';

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

	async function as(browser: Browser, email: string) {
		if (!pages.has(email)) pages.set(email, await asUser(browser, email, device.options));
		return pages.get(email)!;
	}
	const shot = guideShots(device);

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
			await expect(page.locator('svg.wheel a.arc')).toHaveCount(count);
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
			await shot(school, 'skole-booking', 'here');
			await submitBooking(school);
			await school.getByRole('link', { name: PRAKTIK, exact: true }).click();
			await expect(school.getByText('2 af 4 pladser ledige')).toBeVisible();

			await openOffer(school, VISIT);
			await fillBooking(school, { ...booking, seats: 22 });
			await submitBooking(school);
			await school.getByRole('link', { name: VISIT, exact: true }).click();
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
			await confirmRequest(company, 'Mød op ved porten kl. 7.30 i sikkerhedssko.', () =>
				shot(
					company,
					'virksomhed-bekraeft',
					company.getByRole('term').filter({ hasText: /^Skole$/ })
				)
			);
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
			const feedUrl = await makeFeedAddress(card);
			await expect(card.getByTestId('feed-qr')).toBeVisible();
			await shot(school, 'skole-kalenderadresse');

			// A teacher is a plain member: the school's address comes from the coordinator, and the
			// teacher may make a personal calendar of their own, which holds the school's bookings too.
			const teacher = await as(browser, TEACHER);
			await gotoSettled(teacher, '/feeds');
			const schoolCard = teacher.locator('section[data-scope="school"]');
			await expect(schoolCard.getByText('Spørg en administrator i organisationen')).toBeVisible();
			await expect(schoolCard.getByRole('button', { name: /Lav/ })).toHaveCount(0);
			const own = teacher.locator('section[data-scope="user"]');
			await expect(own.getByRole('heading')).toHaveText(/^Din personlige kalender/);
			await expect(own.getByRole('button', { name: /^Lav (ny )?adresse$/ })).toBeVisible();
			await expect(teacher.getByRole('heading', { name: 'Sådan abonnerer du' })).toBeVisible();
			const personal = await makeFeedAddress(own);
			await shot(teacher, 'laerer-kalenderabonnement');
			const mine = await feedEvents(teacher, personal);
			expect(mine.some((e) => e.summary.startsWith(`${VISIT} – ${CLASS}`))).toBe(true);

			const events = await feedEvents(teacher, feedUrl);
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
			await expect(secretariat.getByRole('heading', { level: 1 })).toHaveText('Rul skoleåret frem');
			const choice = secretariat.getByRole('checkbox', { name: new RegExp(escape(PRAKTIK)) });
			await expect(choice).not.toBeChecked();
			await choice.check();
			await shot(secretariat, 'sekretariat-rul-frem-valg', choice, 'center');
			await secretariat.getByRole('button', { name: 'Forhåndsvis' }).click();
			await expect(secretariat.getByRole('heading', { level: 2 })).toContainText(
				`Forhåndsvisning: ${YEAR} → ${NEXT}`
			);
			const row = secretariat.getByRole('row').filter({ hasText: PRAKTIK });
			// The first cell is the copy's title, editable; then where it was and where it goes.
			await expect(row.getByRole('cell').nth(1)).toContainText('uge 11');
			await expect(row.getByRole('cell').nth(2)).toContainText('2028 (uge 11)');
			await expect(secretariat.getByText('Intet er gemt endnu.')).toBeVisible();
			await shot(secretariat, 'sekretariat-rul-frem');

			await secretariat.getByRole('button', { name: `Gem 1 ny aktivitet i ${NEXT}` }).click();
			await expect(secretariat.getByRole('status')).toContainText(
				`1 aktivitet er oprettet i ${NEXT}. 0 blev sprunget over.`
			);
			await secretariat.getByRole('link', { name: `Se årshjulet for ${NEXT}` }).click();
			await expect(secretariat.getByRole('heading', { level: 1 })).toHaveText(`Årshjul ${NEXT}`);
			const arc = (scope: Locator) =>
				scope.locator('svg.wheel').getByRole('link', { name: `${PRAKTIK},` });
			await expect(arc(secretariat.locator('body'))).toHaveCount(1);

			await secretariat.getByRole('link', { name: 'Udskriv (A3 liggende)' }).click();
			await expect(secretariat).toHaveURL(/\/aarshjul\/print\?/);
			await expect(secretariat.getByRole('heading', { level: 1 })).toHaveText(`Årshjul ${NEXT}`);
			await expect(arc(secretariat.getByTestId('print-sheet'))).toHaveCount(1);
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
			await expect(municipality.getByLabel('Skoleår', { exact: true })).toHaveValue(YEAR);
			const praktik = municipality.locator('section[data-table="praktik"] table');
			// On a phone the table is cards: the header row stays for screen readers, out of sight.
			await expect(praktik.getByRole('columnheader', { name: 'Udbudte pladser' })).toBeAttached();
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
