import { beforeEach, describe, expect, it } from 'vitest';
import * as yearsPage from '../../src/routes/skoleaar/+page.server';
import * as exportPage from '../../src/routes/organisationer/[slug]/eksport/+page.server';
import * as download from '../../src/routes/organisationer/[slug]/eksport/hent/+server';
import * as orgPage from '../../src/routes/organisationer/[slug]/+page.server';
import { type Person, useBookingWorld } from './booking-fixtures';
import { fakeEvent } from './organisation.fixtures';
import { insertBooking, snapshot } from './privacy-fixtures';

// The routes run on the real clock: 2020/21 has long ended, 2090/91 has not.
type Loaded = Record<string, unknown>;

describe('privacy routes', () => {
	const world = useBookingWorld({ routes: true });

	beforeEach(async () => {
		await insertBooking(world.db, world, { startDate: '2021-03-01', names: ['Ida'] });
		// A mail of 2020/21 that was never sent.
		await world.db
			.insertInto('outbox')
			.values({
				toAddress: 'rasmus@byskolen.dk',
				subject: 'Ny booking',
				bodyText: 'Hej',
				createdAt: new Date('2021-03-01T08:00:00Z')
			})
			.execute();
	});

	const user = (p: Person) => world.users[p];
	const loadYears = (p: Person, query = '') =>
		yearsPage.load(fakeEvent(`/skoleaar${query}`, user(p)) as never) as Promise<Loaded>;
	const close = (p: Person, fields: Record<string, string>) =>
		yearsPage.actions.close(fakeEvent('/skoleaar?/close', user(p), {}, fields)) as Promise<Loaded>;

	describe('/skoleaar', () => {
		it('sends a visitor to the login page and answers 404 to anyone but the secretariat', async () => {
			await expect(loadYears('anonymous')).rejects.toMatchObject({ status: 303 });
			await expect(loadYears('providerAdmin')).rejects.toMatchObject({ status: 404 });
			await expect(close('coordinator', { year: '2020/21', confirm: 'yes' })).rejects.toMatchObject(
				{ status: 404 }
			);
		});

		it('lists the years and previews the close', async () => {
			const data = await loadYears('secretariat', '?aar=2020/21');
			expect(data.years).toMatchObject([{ year: '2020/21', status: 'closable', personal: 1 }]);
			expect(data.preview).toMatchObject({
				year: '2020/21',
				personal: 1,
				mails: 1,
				unsentMails: 1,
				blocker: null
			});
			const bad = await loadYears('secretariat', '?aar=2026/28');
			expect(bad).toMatchObject({ preview: null, previewError: 'Skriv skoleåret som fx 2025/26.' });
		});

		it('refuses bad input in Danish, keeps the form and writes nothing', async () => {
			const before = await snapshot(world.db);
			expect(await close('secretariat', { year: '2020/21' })).toMatchObject({
				status: 400,
				data: {
					errors: { confirm: 'Sæt kryds for at bekræfte, at personoplysningerne slettes.' },
					values: { year: '2020/21' }
				}
			});
			expect(await close('secretariat', { year: '2026/28', confirm: 'yes' })).toMatchObject({
				status: 400,
				data: { errors: { year: 'Skriv skoleåret som fx 2025/26.' } }
			});
			expect(await close('secretariat', { year: '2090/91', confirm: 'yes' })).toMatchObject({
				status: 409,
				data: { message: 'Skoleåret 2090/91 slutter først 31. jul. 2091 og kan ikke lukkes endnu.' }
			});
			expect(await snapshot(world.db)).toEqual(before);
		});

		it('closes the year and answers 409 the second time', async () => {
			expect(await close('secretariat', { year: '2020/21', confirm: 'yes' })).toEqual({
				closed: { year: '2020/21', bookingsCleared: 1, mailsDeleted: 1, unsentMailsDeleted: 1 }
			});
			expect(await close('secretariat', { year: '2020/21', confirm: 'yes' })).toMatchObject({
				status: 409,
				data: { message: 'Skoleåret 2020/21 er allerede lukket.' }
			});
		});
	});

	describe('/organisationer/[slug]/eksport', () => {
		const slug = 'smedjen-aps';
		const get = (p: Person, query: string, s = slug) =>
			download.GET(
				fakeEvent(`/organisationer/${s}/eksport/hent${query}`, user(p), { slug: s })
			) as Promise<Response>;

		it('shows the download page and the link on the organisation page to admins only', async () => {
			const page = (await exportPage.load(
				fakeEvent(`/organisationer/${slug}/eksport`, user('providerAdmin'), { slug }) as never
			)) as { tables: { table: string; rows: number }[] };
			expect(page.tables).toContainEqual({ table: 'bookingsReceived', rows: 1 });
			await expect(
				exportPage.load(
					fakeEvent(`/organisationer/${slug}/eksport`, user('providerMember'), { slug }) as never
				)
			).rejects.toMatchObject({ status: 404 });
			const org = (p: Person) =>
				orgPage.load(fakeEvent(`/organisationer/${slug}`, user(p), { slug }) as never) as Promise<
					Record<string, unknown>
				>;
			expect(await org('providerAdmin')).toMatchObject({ canExport: true });
			expect(await org('providerMember')).toMatchObject({ canExport: false });
		});

		it('downloads JSON and CSV as attachments', async () => {
			const json = await get('providerAdmin', '?format=json');
			expect(json.headers.get('content-type')).toBe('application/json; charset=utf-8');
			expect(json.headers.get('content-disposition')).toMatch(
				/^attachment; filename="aarshjul-smedjen-aps-\d{4}-\d{2}-\d{2}\.json"$/
			);
			expect(json.headers.get('cache-control')).toBe('private, no-store');
			expect((await json.json()).bookingsReceived[0].pupilFirstNames).toEqual(['Ida']);
			const csv = await get('secretariat', '?format=csv&table=members');
			expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
			const bytes = new Uint8Array(await csv.arrayBuffer());
			expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
			expect(new TextDecoder().decode(bytes)).toContain('name;email;role;createdAt');
		});

		it("answers 404 to a member, another organisation's admin and an unknown table", async () => {
			await expect(get('anonymous', '?format=json')).rejects.toMatchObject({ status: 303 });
			await expect(get('providerMember', '?format=json')).rejects.toMatchObject({ status: 404 });
			await expect(get('otherCompany', '?format=json')).rejects.toMatchObject({ status: 404 });
			await expect(get('providerAdmin', '?format=csv&table=appUser')).rejects.toMatchObject({
				status: 404
			});
			await expect(get('providerAdmin', '?format=xml')).rejects.toMatchObject({ status: 404 });
			await expect(get('providerAdmin', '?format=json', 'findes-ikke')).rejects.toMatchObject({
				status: 404
			});
		});
	});
});
