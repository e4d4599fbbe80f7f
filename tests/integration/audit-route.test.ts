import { render } from 'svelte/server';
import { beforeEach, describe, expect, it } from 'vitest';
import LogPage from '../../src/routes/log/+page.svelte';
import type { SessionUser } from '../../src/lib/auth/server/session';
import { load } from '../../src/routes/log/+page.server';
import { load as organisationLoad } from '../../src/routes/organisationer/[slug]/+page.server';
import { recordAudit } from '../../src/lib/audit/server/audit';
import { auditTypeChoices } from '../../src/lib/audit/labels';
import { book, makeOffer, visitFields, type Person, useBookingWorld } from './booking-fixtures';
import { fakeEvent } from './organisation.fixtures';

type LogData = {
	events: {
		time: string;
		iso: string;
		who: string;
		organisationName: string | null;
		action: string;
		what: string;
		href: string | null;
		summary: string;
	}[];
	errors: Record<string, string>;
	values: Record<string, string>;
	organisations: { id: string; name: string }[];
	types: { value: string; label: string }[];
	organisation: { id: string; name: string } | null;
	prevHref: string | null;
	nextHref: string | null;
};

describe('/log route', () => {
	const world = useBookingWorld({ routes: true });

	beforeEach(async () => {
		const offerId = await makeOffer(world.db, world, visitFields(world));
		await book(world.db, world, offerId, { classLabel: '8.B' });
	});

	const open = (person: Person, query = '') =>
		load(fakeEvent(`/log${query}`, world.users[person] as SessionUser | null)) as Promise<LogData>;

	it('sends visitors to the login with the way back', async () => {
		await expect(open('anonymous', '?type=booking')).rejects.toMatchObject({
			status: 303,
			location: `/login?next=${encodeURIComponent('/log?type=booking')}`
		});
	});

	it('answers 404 to members who are not admins, and for another organisation', async () => {
		await expect(open('providerMember')).rejects.toMatchObject({ status: 404 });
		await expect(open('teacher')).rejects.toMatchObject({ status: 404 });
		await expect(
			open('providerAdmin', `?organisation=${world.org.otherCompany}`)
		).rejects.toMatchObject({ status: 404 });
	});

	it('shows the rows in Danish with Copenhagen time, newest first', async () => {
		await world.db
			.updateTable('auditEvent')
			.set({ at: new Date('2026-07-01T06:05:00Z') })
			.where('entityType', '=', 'offer')
			.execute();
		const data = await open('secretariat');
		expect(data.events.map((e) => [e.who, e.organisationName, e.action, e.what])).toEqual([
			['Koordinator', 'Byskolen', 'Oprettet', 'Booking'],
			['Sekretariat', 'Smedjen ApS', 'Oprettet', 'Tilbud']
		]);
		// 06:05 UTC is 08:05 in Copenhagen in summer.
		expect(data.events[1].time).toBe('01.07.2026 08:05');
		expect(data.events[1].href).toMatch(/^\/tilbud\//);
		expect(data.events[0].summary).toBe('8.B · Besøg på smedjen – anmodet');
		// The type chooser offers every labelled type in Danish, not just the two in the log.
		expect(data.types).toEqual(auditTypeChoices('da'));
		expect(data.types.map((t) => t.label)).toEqual(
			expect.arrayContaining(['Booking', 'Tilbud', 'Møde', 'Skoleår'])
		);
	});

	it('renders a table with column headers and a GET filter form that works without JavaScript', async () => {
		const data = await open('secretariat', '?from=i%20morgen');
		const { body } = render(LogPage, { props: { data: data as never } });
		expect(body).toMatch(/<form [^>]*method="GET"/);
		expect(body).toContain('<th scope="col">Tidspunkt</th>');
		expect(body).toContain('<th scope="col">Handling</th>');
		expect(body).toMatch(/<label for="log-organisation">Organisation<\/label>/);
		expect(body).toMatch(
			/aria-invalid="true"[^>]*aria-describedby="log-from-error"|aria-describedby="log-from-error"[^>]*aria-invalid="true"/
		);
		expect(body).toContain('Skriv datoen som ÅÅÅÅ-MM-DD.');
		expect(body).toContain('8.B · Besøg på smedjen – anmodet');
	});

	it('limits the organisation chooser to what the admin may see', async () => {
		const data = await open('providerAdmin', `?organisation=${world.org.company}`);
		expect(data.organisations).toEqual([{ id: world.org.company, name: 'Smedjen ApS' }]);
		expect(data.organisation?.name).toBe('Smedjen ApS');
		expect(data.events.map((e) => e.what)).toEqual(['Booking', 'Tilbud']);
	});

	it('names the system as actor of a waitlist promotion', async () => {
		await recordAudit(world.db, {
			actorId: null,
			organisationId: world.org.school,
			action: 'update',
			entityType: 'booking',
			entityId: 'x',
			summary: 'promoted'
		});
		const data = await open('coordinator', '?type=booking');
		expect(data.events[0]).toMatchObject({ who: 'Systemet', summary: 'promoted' });
	});

	it('shows bad dates next to the field instead of failing', async () => {
		const data = await open('secretariat', '?from=i%20morgen&to=2026-13-01');
		expect(data.errors).toEqual({
			from: 'Skriv datoen som ÅÅÅÅ-MM-DD.',
			to: 'Skriv datoen som ÅÅÅÅ-MM-DD.'
		});
		expect(data.values.from).toBe('i morgen');
		expect(data.events).toHaveLength(2);
	});

	it('links to the next page with the same filters', async () => {
		await world.db
			.insertInto('auditEvent')
			.values(
				Array.from({ length: 60 }, (_, i) => ({
					organisationId: world.org.company,
					action: 'update' as const,
					entityType: 'offer',
					entityId: String(i)
				}))
			)
			.execute();
		const first = await open('providerAdmin', '?type=offer');
		expect(first.events).toHaveLength(50);
		expect(first.prevHref).toBeNull();
		expect(first.nextHref).toBe('/log?type=offer&page=2');
		const second = await open('providerAdmin', '?type=offer&page=2');
		expect(second.events).toHaveLength(11);
		expect(second.prevHref).toBe('/log?type=offer');
		expect(second.nextHref).toBeNull();
	});

	describe('/organisationer/[slug]', () => {
		const slugOf = async (id: string) =>
			(
				await world.db
					.selectFrom('organisation')
					.select('slug')
					.where('id', '=', id)
					.executeTakeFirstOrThrow()
			).slug;
		const canViewLog = async (person: Person) => {
			const slug = await slugOf(world.org.company);
			const data = (await organisationLoad(
				fakeEvent(`/organisationer/${slug}`, world.users[person] as SessionUser | null, { slug })
			)) as { canViewLog: boolean };
			return data.canViewLog;
		};

		it('offers the log link to its admins and the secretariat only', async () => {
			expect(await canViewLog('providerAdmin')).toBe(true);
			expect(await canViewLog('secretariat')).toBe(true);
			expect(await canViewLog('providerMember')).toBe(false);
			expect(await canViewLog('otherCompany')).toBe(false);
			expect(await canViewLog('anonymous')).toBe(false);
		});
	});
});
