import { beforeEach, describe, expect, it } from 'vitest';
import { recordAudit } from '../../src/lib/audit/server/audit';
import {
	AUDIT_PAGE_SIZE,
	listAuditEvents,
	listAuditOrganisations
} from '../../src/lib/audit/server/log';
import { parseAuditFilter } from '../../src/lib/audit/schema';
import { auditTypeChoices } from '../../src/lib/audit/labels';
import {
	book,
	makeOffer,
	visitFields,
	type BookingWorld,
	type Person,
	useBookingWorld
} from './booking-fixtures';

describe('audit-log (real database)', () => {
	const world = useBookingWorld();
	let bookingId: string;

	beforeEach(async () => {
		// Smedjen's offer (event of the company), Byskolen's booking on it (event of the school),
		// and a change at Tekniq, the other company.
		const offerId = await makeOffer(world.db, world, visitFields(world));
		bookingId = (await book(world.db, world, offerId)).id;
		await recordAudit(world.db, {
			actorId: world.users.otherCompany!.id,
			organisationId: world.org.otherCompany,
			action: 'update',
			entityType: 'organisation',
			entityId: world.org.otherCompany,
			summary: 'Tekniq A/S'
		});
	});

	const list = (person: Person, filter: Partial<Parameters<typeof listAuditEvents>[2]> = {}) =>
		listAuditEvents(world.db, world.users[person], { page: 1, ...filter });
	const types = async (person: Person, organisationId?: string) =>
		(await list(person, { organisationId }))?.events.map((e) => e.entityType).sort() ?? null;

	describe('listAuditEvents rights', () => {
		// person × view all / view own organisation / view another organisation (Tekniq).
		const table: [Person, string | null, string[] | null, string[] | null, string[] | null][] = [
			['secretariat', 'partner', ['booking', 'offer', 'organisation'], [], ['organisation']],
			['providerAdmin', 'company', ['booking', 'offer'], ['booking', 'offer'], null],
			['coordinator', 'school', ['booking'], ['booking'], null],
			['providerMember', 'company', null, null, null],
			['teacher', 'school', null, null, null],
			['otherSchool', 'otherSchool', [], [], null],
			['anonymous', null, null, null, null]
		];
		for (const [person, own, all, ownView, other] of table) {
			it(`${person}: all ${all ? 'shown' : 'refused'}, own ${ownView ? 'shown' : 'refused'}, other ${other ? 'shown' : 'refused'}`, async () => {
				expect(await types(person)).toEqual(all);
				const ownId = own ? world.org[own as keyof BookingWorld['org']] : world.org.company;
				expect(await types(person, ownId)).toEqual(ownView);
				expect(await types(person, world.org.otherCompany)).toEqual(other);
			});
		}

		it('refuses a malformed organisation id as if it were another organisation', async () => {
			expect(await list('secretariat', { organisationId: 'not-an-id' })).toBeNull();
		});

		it('shows the booking to the provider through its offer, with the school as organisation', async () => {
			const page = await list('providerAdmin', { entityType: 'booking' });
			expect(page?.events).toEqual([
				expect.objectContaining({
					entityId: bookingId,
					organisationId: world.org.school,
					organisationName: 'Byskolen',
					actorName: 'Koordinator'
				})
			]);
		});
	});

	describe('listAuditEvents filters', () => {
		const at = async (iso: string, summary: string) =>
			world.db
				.insertInto('auditEvent')
				.values({
					at: new Date(iso),
					organisationId: world.org.company,
					action: 'create',
					entityType: 'activity',
					entityId: summary,
					summary
				})
				.execute();

		it('reads dates as Copenhagen days, summer and winter', async () => {
			await at('2026-11-26T23:30:00Z', 'just after midnight in Copenhagen (CET)');
			await at('2026-11-26T22:30:00Z', 'late evening the day before');
			await at('2026-07-01T22:30:00Z', 'just after midnight in summer (CEST)');
			const summaries = async (from: string, to: string) =>
				(await list('providerAdmin', { entityType: 'activity', from, to }))!.events.map(
					(e) => e.summary
				);
			expect(await summaries('2026-11-27', '2026-11-27')).toEqual([
				'just after midnight in Copenhagen (CET)'
			]);
			expect(await summaries('2026-11-26', '2026-11-26')).toEqual(['late evening the day before']);
			expect(await summaries('2026-07-02', '2026-07-02')).toEqual([
				'just after midnight in summer (CEST)'
			]);
		});

		it('pages 50 at a time, newest first', async () => {
			await world.db
				.insertInto('auditEvent')
				.values(
					Array.from({ length: 120 }, (_, i) => ({
						at: new Date(Date.UTC(2026, 0, 1, 0, i)),
						organisationId: world.org.company,
						action: 'update' as const,
						entityType: 'activity',
						entityId: String(i),
						summary: `nr ${i}`
					}))
				)
				.execute();
			const first = await list('providerAdmin', { entityType: 'activity' });
			expect(first?.events).toHaveLength(AUDIT_PAGE_SIZE);
			expect(first?.events[0].summary).toBe('nr 119');
			expect(first?.hasNext).toBe(true);
			const last = await list('providerAdmin', { entityType: 'activity', page: 3 });
			expect(last?.events.map((e) => e.summary).at(-1)).toBe('nr 0');
			expect(last?.events).toHaveLength(20);
			expect(last?.hasNext).toBe(false);
		});
	});

	describe('choosers', () => {
		it('offers the secretariat every organisation and an admin only their own', async () => {
			expect(await listAuditOrganisations(world.db, world.users.secretariat)).toHaveLength(10);
			expect(await listAuditOrganisations(world.db, world.users.providerAdmin)).toEqual([
				{ id: world.org.company, name: 'Smedjen ApS' }
			]);
			expect(await listAuditOrganisations(world.db, world.users.providerMember)).toEqual([]);
			expect(await listAuditOrganisations(world.db, null)).toEqual([]);
		});

		it('offers every labelled type, not only those the log holds so far', async () => {
			const logged = await world.db
				.selectFrom('auditEvent')
				.select('entityType')
				.distinct()
				.execute();
			expect(logged.map((r) => r.entityType).sort()).toEqual(['booking', 'offer', 'organisation']);
			const offered = auditTypeChoices('da').map((c) => c.value);
			expect(offered).toEqual(expect.arrayContaining(['booking', 'offer', 'organisation']));
			// Kinds nobody has logged yet are there too: the list does not come from the log.
			expect(offered).toEqual(expect.arrayContaining(['meeting', 'school_year', 'feed']));
		});
	});
});

describe('parseAuditFilter', () => {
	const parse = (query: string) => parseAuditFilter(new URLSearchParams(query));

	it('keeps valid filters and the page', () => {
		expect(parse('organisation=abc&type=booking&from=2026-08-01&to=2026-08-31&page=2')).toEqual({
			filter: {
				organisationId: 'abc',
				entityType: 'booking',
				from: '2026-08-01',
				to: '2026-08-31',
				page: 2
			},
			values: { organisation: 'abc', type: 'booking', from: '2026-08-01', to: '2026-08-31' },
			errors: {}
		});
	});

	it('explains bad dates in Danish and ignores them and a bad page', () => {
		const parsed = parse('from=31-12-2026&to=2026-02-30&page=-3');
		expect(parsed.filter).toEqual({ page: 1 });
		expect(parsed.errors).toEqual({
			from: 'Skriv datoen som ÅÅÅÅ-MM-DD.',
			to: 'Skriv datoen som ÅÅÅÅ-MM-DD.'
		});
		expect(parsed.values.from).toBe('31-12-2026');
	});

	it('refuses a to-date before the from-date', () => {
		const parsed = parse('from=2026-09-01&to=2026-08-01');
		expect(parsed.filter.to).toBeUndefined();
		expect(parsed.errors.to).toBe('Til-datoen må ikke ligge før fra-datoen.');
	});
});
