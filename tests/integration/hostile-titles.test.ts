import { Resvg } from '@resvg/resvg-js';
import { parse as parseCsv } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { requestedMails } from '../../src/lib/bookings/server/notify';
import { sendMail } from '../../src/lib/platform/server/mail';
import type { SessionUser } from '../../src/lib/auth/server/session';
import { GET as getSvg } from '../../src/routes/aarshjul/eksport.svg/+server';
import { GET as getPng } from '../../src/routes/aarshjul/eksport.png/+server';
import { load as loadPrint } from '../../src/routes/aarshjul/print/+page.server';
import { GET as getFeed } from '../../src/routes/feeds/[file]/+server';
import { GET as getReportCsv } from '../../src/routes/rapporter/csv/+server';
import { GET as getOrganisationExport } from '../../src/routes/organisationer/[slug]/eksport/hent/+server';
import { parseFeed } from './feed-fixtures';
import { fakeEvent, fakeLocals } from './organisation.fixtures';
import { demoUser, useDemoDatabase } from './demo-fixtures';
import { decode } from '../helpers/wheel-svg';

// Issue 12, point 9: a title with "]]>", markup characters, control characters and emoji must
// survive every export. The forms refuse control characters, but older rows and other ways in
// may hold them; PostgreSQL stores everything but NUL.

const HOSTILE = 'Forløb ]]> <b>&amp; & "citat" \'x\' \u0001\u0008\u000b\u001b\u007f slut 😀🇩🇰';
const ORIGIN = 'http://localhost:5173';
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
// eslint-disable-next-line no-control-regex -- looking for control characters is the point
const XML_ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/;

describe('exports of a hostile activity title', () => {
	const demo = useDemoDatabase({ routes: true });
	let secretariat: SessionUser;
	let museumSlug: string;

	beforeAll(async () => {
		secretariat = await demoUser(demo.db, 'sekretariat@aarshjul.example');

		// A public museum forløb of 2026/27: on the public wheel, the public feed and the report.
		const target = await demo.db
			.selectFrom('activity')
			.innerJoin('organisation as owner', 'owner.id', 'activity.ownerId')
			.innerJoin('offer', 'offer.activityId', 'activity.id')
			.where('owner.kind', '=', 'museum')
			.where('offer.kind', '=', 'forloeb')
			.where('activity.status', '=', 'planned')
			.where('activity.startDate', '>=', '2026-08-01')
			.where('activity.startDate', '<=', '2027-07-31')
			.select(['activity.id', 'owner.slug'])
			.executeTakeFirstOrThrow();
		museumSlug = target.slug;
		await demo.db
			.updateTable('activity')
			.set({ title: HOSTILE, description: HOSTILE, place: HOSTILE, visibility: 'public' })
			.where('id', '=', target.id)
			.execute();
	});

	const wheel = (
		handler: (event: never) => Response | Promise<Response>,
		path: string,
		search: string
	) =>
		handler({
			url: new URL(`${ORIGIN}/aarshjul/${path}?${search}`),
			locals: fakeLocals(null)
		} as never) as Promise<Response>;

	it('writes an SVG that an XML parser reads, with the title escaped and the emoji kept', async () => {
		const response = await wheel(getSvg, 'eksport.svg', 'year=2026/27');
		expect(response.status).toBe(200);
		const svg = await response.text();
		expect(svg).not.toMatch(XML_ILLEGAL);
		expect(svg).not.toContain(']]>');
		expect(svg).not.toContain('<![CDATA[');
		expect(svg).toMatch(/Forløb \]\]&gt; &lt;b>?(&gt;)?&amp;amp; &amp; /);
		expect(decode(svg)).toContain('😀🇩🇰');
		// resvg parses with a conforming XML parser (roxmltree): it refuses "]]>" and controls.
		expect(() => new Resvg(svg, { font: { loadSystemFonts: false } })).not.toThrow();
	});

	it('renders the PNG export (200, a PNG) for an anonymous visitor', async () => {
		const response = await wheel(getPng, 'eksport.png', 'year=2026/27&width=800');
		expect(response.status).toBe(200);
		const png = new Uint8Array(await response.arrayBuffer());
		expect([...png.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
	});

	it('gives the print page the wheel with the activity', async () => {
		const url = new URL(`${ORIGIN}/aarshjul/print?year=2026/27`);
		const data = (await loadPrint({ url, locals: fakeLocals(null) } as never))!;
		expect(data.activities.some((a: { title: string }) => a.title === HOSTILE)).toBe(true);
	});

	it('serves a public feed that parses as iCalendar, with the title', async () => {
		const url = new URL(`${ORIGIN}/feeds/offentlig.ics`);
		const response = (await getFeed({
			params: { file: 'offentlig.ics' },
			url,
			request: new Request(url),
			locals: fakeLocals(null)
		} as never)) as Response;
		expect(response.status).toBe(200);
		const body = await response.text();
		expect(body).not.toMatch(XML_ILLEGAL);
		const { events } = parseFeed(body);
		const event = events.find((e) => e.summary.includes('😀'));
		expect(event?.summary).toContain('Forløb ]]> <b>&amp; & "citat"');
	});

	it('writes the report CSV so that a CSV parser reads the title back', async () => {
		const response = (await getReportCsv(
			fakeEvent('/rapporter/csv?aar=2026/27', secretariat)
		)) as Response;
		expect(response.status).toBe(200);
		const rows = parseCsv((await response.text()).replace(/^\uFEFF/, ''), {
			delimiter: ';',
			relaxColumnCount: true
		}) as string[][];
		expect(rows.flat().some((cell) => cell.startsWith('Forløb ]]> <b>&amp; & "citat"'))).toBe(true);
	});

	it("writes the organisation export's activity CSV and JSON so that they parse", async () => {
		const csv = (await getOrganisationExport(
			fakeEvent(
				`/organisationer/${museumSlug}/eksport/hent?format=csv&table=activities`,
				secretariat,
				{
					slug: museumSlug
				}
			)
		)) as Response;
		expect(csv.status).toBe(200);
		const rows = parseCsv((await csv.text()).replace(/^\uFEFF/, ''), {
			delimiter: ';'
		}) as string[][];
		expect(rows.flat().some((cell) => cell.includes('😀🇩🇰'))).toBe(true);
		const json = (await getOrganisationExport(
			fakeEvent(`/organisationer/${museumSlug}/eksport/hent?format=json`, secretariat, {
				slug: museumSlug
			})
		)) as Response;
		expect(JSON.stringify(JSON.parse(await json.text()))).toContain('😀🇩🇰');
	});

	it('writes a booking mail with a one-line subject and stores it in the outbox', async () => {
		const [mail] = requestedMails({
			bookingId: '00000000-0000-4000-8000-000000000001',
			classLabel: '8.B',
			seats: 2,
			teacherName: 'Rasmus',
			teacherEmail: 'rasmus@skolen.dk',
			contactName: 'Kontakt',
			contactEmail: 'kontakt@museum.dk',
			title: HOSTILE,
			startDate: '2027-02-08',
			endDate: '2027-02-12',
			startTime: null,
			schoolName: 'Stensballeskolen',
			providerName: 'Industrimuseet',
			ownerEmail: 'museum@museum.dk'
		});
		expect(mail.subject).toContain('😀🇩🇰');
		expect(mail.subject).not.toMatch(XML_ILLEGAL);
		expect(mail.subject).not.toMatch(/[\r\n\u007F]/);
		expect(mail.text).not.toMatch(XML_ILLEGAL);
		await sendMail(demo.db, mail);
		const stored = await demo.db
			.selectFrom('outbox')
			.select(['subject'])
			.where('toAddress', '=', 'kontakt@museum.dk')
			.executeTakeFirstOrThrow();
		expect(stored.subject).toBe(mail.subject);
	});
});
