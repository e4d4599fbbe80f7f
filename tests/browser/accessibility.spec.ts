import type { Page } from '@playwright/test';
import { FIXTURES } from './probe/fixtures';
import { axe, expect, test, USERS, gotoSettled, logIn } from './support';

// Issue 7: axe-core finds no WCAG 2.1 A/AA violations on the main pages, logged out and in,
// in Danish and in English.
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

// The scans only read, and each logs in afresh: they share out over both workers instead of
// keeping one busy for the longest file of the suite.
test.describe.configure({ mode: 'parallel' });

const PUBLIC_PAGES = [
	'/',
	'/aarshjul',
	// The wheel zoomed: a half-year, a quarter, a month (day numbers, weeks in the month band).
	'/aarshjul?zoom=halvaar&fra=2027-02',
	'/aarshjul?zoom=kvartal&fra=2026-11',
	'/aarshjul?zoom=maaned&fra=2027-02',
	'/kalender',
	'/tilbud',
	'/organisationer',
	`/organisationer/${FIXTURES.company}`,
	'/ferier',
	'/embed',
	'/login',
	'/glemt-adgangskode',
	'/tilgaengelighed',
	'/alliancen',
	'/laerepladsalliance'
];

const PAGES_BY_USER: [keyof typeof USERS, string[]][] = [
	[
		'company',
		[
			'/',
			'/aarshjul',
			'/tilbud',
			`/tilbud/${FIXTURES.companyOffer}`,
			'/tilbud/ny',
			'/bookinger',
			`/bookinger/${FIXTURES.companyBooking}`,
			'/feeds',
			'/profil',
			'/aktiviteter/ny',
			'/serier/ny',
			`/organisationer/${FIXTURES.company}/medlemmer`,
			`/laerepladsalliance/tilsagn/${FIXTURES.companyId}`,
			`/aktiviteter/${FIXTURES.endedCompanyActivity}/evaluering`,
			'/evalueringer',
			'/log'
		]
	],
	[
		'school',
		[
			'/',
			// The school's own bookings marked on the wheel, year and zoomed.
			'/aarshjul',
			'/aarshjul?zoom=kvartal&fra=2027-02',
			'/aarshjul?view=list',
			'/kalender',
			`/tilbud/${FIXTURES.companyOffer}`,
			'/bookinger',
			'/feeds',
			'/praktikfordeling',
			// The duty page with the school's pupils form.
			'/praktikfordeling/pligt'
		]
	],
	[
		'municipality',
		[
			'/',
			'/ferier',
			'/rapporter',
			'/rapporter/print',
			`/moeder/${FIXTURES.meeting}`,
			'/praktikfordeling/pligt'
		]
	],
	[
		'secretariat',
		[
			'/',
			'/aarshjul/rul-frem',
			`/aktiviteter/${FIXTURES.privateActivity}`,
			'/alliancen',
			'/laerepladsalliance',
			'/moeder',
			`/moeder/${FIXTURES.meeting}`,
			`/moeder/${FIXTURES.meeting}/referat`,
			'/evalueringer',
			'/rapporter',
			'/log',
			'/skoleaar'
		]
	]
];

async function expectNoViolations(page: Page, path: string) {
	await gotoSettled(page, path);
	const results = await axe(page).withTags(WCAG).analyze();
	const found = results.violations.map(
		(v) =>
			`${path}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes
				.map((n) => n.target.join(' '))
				.slice(0, 3)
				.join(' | ')}`
	);
	expect(found, path).toEqual([]);
}

for (const locale of ['da', 'en'] as const) {
	test.describe(`accessibility in ${locale}`, () => {
		// axe takes a second or two per page on a busy machine.
		test.describe.configure({ timeout: 180_000 });
		test.beforeEach(async ({ context, baseURL }) => {
			await context.addCookies([{ name: 'PARAGLIDE_LOCALE', value: locale, url: baseURL! }]);
		});

		test('public pages, logged out', async ({ page }) => {
			for (const path of PUBLIC_PAGES) await expectNoViolations(page, path);
		});

		for (const [who, pages] of PAGES_BY_USER) {
			test(`pages of the ${who} user`, async ({ page }) => {
				// logIn expects the Danish dashboard; switch language after logging in.
				await page.context().clearCookies();
				await logIn(page, USERS[who]);
				await page
					.context()
					.addCookies([{ name: 'PARAGLIDE_LOCALE', value: locale, url: page.url() }]);
				for (const path of pages) await expectNoViolations(page, path);
			});
		}
	});
}
