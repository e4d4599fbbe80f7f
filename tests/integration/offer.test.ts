import { describe, expect, it } from 'vitest';
import {
	createOffer,
	findOfferForUser,
	listOffers,
	updateOffer
} from '../../src/lib/bookings/server/offer';
import {
	offerFiltersSchema,
	offerSchema,
	offerUpdateSchema
} from '../../src/lib/bookings/offer-schema';
import {
	TODAY,
	book,
	makeOffer,
	praktikFields,
	visitFields,
	useBookingWorld
} from './booking-fixtures';

function errorsOf(fields: Record<string, unknown>): Record<string, string> {
	const result = offerSchema.safeParse(fields);
	if (result.success) return {};
	return Object.fromEntries(result.error.issues.map((i) => [String(i.path[0]), i.message]));
}

describe('offer', () => {
	const world = useBookingWorld();

	describe('offerSchema', () => {
		it('turns weeks into Monday–Friday sessions, sorted and without repeats', () => {
			const input = offerSchema.parse(
				praktikFields(world, { weeks: ['2027-W11', '2027-W10', '2027-W11'] })
			);
			expect(input.sessions).toEqual([
				{ startDate: '2027-03-08', endDate: '2027-03-12' },
				{ startDate: '2027-03-15', endDate: '2027-03-19' }
			]);
		});

		it('reads weeks typed where the browser has no week picker', () => {
			const input = offerSchema.parse(praktikFields(world, { weeks: ['uge 10/2027', '11/2027'] }));
			expect(input.sessions.map((x) => x.startDate)).toEqual(['2027-03-08', '2027-03-15']);
		});

		it('explains each mistake in Danish', () => {
			expect(
				errorsOf(
					praktikFields(world, { tradeCode: '', gradeLevels: ['7'], weeks: [], capacity: '0' })
				)
			).toEqual({
				capacity: 'Skriv et helt antal pladser mellem 1 og 500',
				gradeLevels: 'Vælg mindst ét klassetrin mellem 8. og 10. klasse',
				tradeCode: 'Vælg et fag',
				weeks: 'Vælg mindst én uge'
			});
			expect(errorsOf(visitFields(world, { startTime: '', endTime: '' }))).toEqual({
				startTime: 'Et besøg skal have et start- og et sluttidspunkt'
			});
			expect(
				errorsOf(
					visitFields(world, { bookingOpensAt: '2027-02-01', bookingClosesAt: '2027-01-01' })
				)
			).toEqual({
				bookingClosesAt: 'Bookingen skal lukke samme dag eller efter den åbner'
			});
			expect(errorsOf(praktikFields(world, { weeks: ['2027-W60'] })).weeks).toBe(
				'Skriv ugen som fx »uge 44«, »44/2027« eller »2027-W44«'
			);
			expect(errorsOf(praktikFields(world, { weeks: ['uge fyrre'] })).weeks).toBe(
				'Skriv ugen som fx »uge 44«, »44/2027« eller »2027-W44«'
			);
		});

		it('allows every grade from 0 for a museum forløb', () => {
			const fields = visitFields(world, {
				kind: 'forloeb',
				ownerId: world.org.museum,
				gradeLevels: ['0', '3']
			});
			expect(errorsOf(fields)).toEqual({});
		});
	});

	describe('createOffer', () => {
		it('creates one activity and offer per week, tied by a group id, on the erhvervspraktik ring', async () => {
			const input = offerSchema.parse(praktikFields(world, { weeks: ['2027-W10', '2027-W11'] }));
			const result = await createOffer(world.db, world.users.providerMember, input, {
				today: TODAY
			});
			expect(result.ok).toBe(true);
			if (!result.ok) return;
			expect(result.value.offerIds).toHaveLength(2);
			const rows = await world.db
				.selectFrom('offer')
				.innerJoin('activity', 'activity.id', 'offer.activityId')
				.innerJoin('category', 'category.id', 'activity.categoryId')
				.select([
					'offer.groupId',
					'offer.capacity',
					'offer.gradeLevels',
					'activity.startDate',
					'category.slug'
				])
				.orderBy('activity.startDate')
				.execute();
			expect(rows).toEqual([
				{
					groupId: result.value.groupId,
					capacity: 5,
					gradeLevels: [8, 9],
					startDate: '2027-03-08',
					slug: 'erhvervspraktik'
				},
				{
					groupId: result.value.groupId,
					capacity: 5,
					gradeLevels: [8, 9],
					startDate: '2027-03-15',
					slug: 'erhvervspraktik'
				}
			]);
			expect(result.value.groupId).not.toBeNull();
		});

		it('refuses a week that has passed in Danish, writing nothing', async () => {
			const input = offerSchema.parse(praktikFields(world, { weeks: ['2026-W44'] }));
			const result = await createOffer(world.db, world.users.providerMember, input, {
				today: '2026-12-05'
			});
			expect(result).toMatchObject({
				ok: false,
				status: 400,
				errors: { weeks: 'Uge 44 2026 er begyndt eller forbi. Vælg en kommende uge.' }
			});
			expect(await world.db.selectFrom('offer').select('id').execute()).toEqual([]);
		});

		it('warns about weeks inside the three weeks UU needs, and not about later ones', async () => {
			const input = offerSchema.parse(praktikFields(world, { weeks: ['2026-W51', '2027-W10'] }));
			const result = await createOffer(world.db, world.users.providerMember, input, {
				today: '2026-12-05'
			});
			expect(result.ok && result.value.uuWeeks).toEqual([51]);
		});

		it('puts a museum forløb on the Industrimuseet ring and a Learnmark forløb on GF1', async () => {
			const slugOf = async (ownerId: string) => {
				const fields = visitFields(world, { kind: 'forloeb', ownerId, gradeLevels: ['5'] });
				const result = await createOffer(
					world.db,
					world.users.secretariat,
					offerSchema.parse(fields),
					{ today: TODAY }
				);
				if (!result.ok) throw new Error(result.message);
				const row = await world.db
					.selectFrom('activity')
					.innerJoin('category', 'category.id', 'activity.categoryId')
					.select('category.slug')
					.where('activity.id', '=', result.value.activityIds[0])
					.executeTakeFirstOrThrow();
				return row.slug;
			};
			expect(await slugOf(world.org.museum)).toBe('industrimuseet');
			expect(await slugOf(world.org.learnmark)).toBe('gf1-inspirationsdag');
		});

		it('refuses a school or partner as the provider, even for the secretariat', async () => {
			for (const ownerId of [world.org.school, world.org.partner]) {
				const result = await createOffer(
					world.db,
					world.users.secretariat,
					offerSchema.parse(visitFields(world, { ownerId })),
					{ today: TODAY }
				);
				expect(result).toMatchObject({ ok: false, status: 403 });
			}
			expect(await world.db.selectFrom('offer').select('id').execute()).toEqual([]);
		});
	});

	describe('listOffers', () => {
		it('computes free places in SQL and filters by trade, week, grade, municipality, free and text', async () => {
			const visit = await makeOffer(world.db, world, visitFields(world, { capacity: '3' }));
			const praktik = await makeOffer(
				world.db,
				world,
				praktikFields(world, { capacity: '2', gradeLevels: ['9'] })
			);
			await book(world.db, world, praktik, { seats: 2 });
			await book(world.db, world, visit, { seats: 1 });
			await book(world.db, world, praktik, { seats: 1, classLabel: '9.A', joinWaitlist: true });
			const all = await listOffers(world.db, world.users.coordinator, { today: TODAY });
			expect(all.map((o) => [o.offerId, o.taken, o.free, o.waitlisted])).toEqual([
				[visit, 1, 2, 0],
				[praktik, 2, 0, 1]
			]);
			const ids = async (filters: Parameters<typeof listOffers>[2]) =>
				(await listOffers(world.db, world.users.coordinator, { today: TODAY, ...filters })).map(
					(o) => o.offerId
				);
			expect(await ids({ trade: 'smed' })).toEqual([praktik]);
			expect(await ids({ week: '2027-W06' })).toEqual([visit]);
			// A browser without a week picker sends what was typed.
			expect(offerFiltersSchema.parse({ week: 'uge 6 2027' }).week).toBe('2027-W06');
			expect(await ids({ grade: 8 })).toEqual([visit]);
			expect(await ids({ onlyFree: true })).toEqual([visit]);
			expect(await ids({ municipalityId: world.org.horsens })).toEqual([visit, praktik]);
			expect(await ids({ municipalityId: world.org.odder })).toEqual([]);
			expect(await ids({ q: 'smedjen' })).toEqual([visit, praktik]);
			expect(await ids({ q: 'CNC%' })).toEqual([]);
			expect(await ids({ today: '2027-03-13' })).toEqual([]);
		});

		it('hides alliance offers from visitors and closed ones from schools', async () => {
			const offer = await makeOffer(world.db, world, visitFields(world));
			expect(await listOffers(world.db, null, { today: TODAY })).toEqual([]);
			await world.db
				.updateTable('offer')
				.set({ status: 'closed' })
				.where('id', '=', offer)
				.execute();
			expect(await listOffers(world.db, world.users.coordinator, { today: TODAY })).toEqual([]);
			const own = await listOffers(world.db, world.users.providerAdmin, {
				ownerId: world.org.company,
				includeClosed: true
			});
			expect(own.map((o) => o.offerStatus)).toEqual(['closed']);
		});
	});

	describe('findOfferForUser', () => {
		it('returns the offer with its other weeks, or null for someone who may not see it', async () => {
			const input = offerSchema.parse(praktikFields(world, { weeks: ['2027-W10', '2027-W11'] }));
			const created = await createOffer(world.db, world.users.providerAdmin, input, {
				today: TODAY
			});
			if (!created.ok) throw new Error(created.message);
			const [first, second] = created.value.offerIds;
			const detail = await findOfferForUser(world.db, world.users.coordinator, first);
			expect(detail).toMatchObject({
				offerId: first,
				canEdit: false,
				whatToBring: 'Sikkerhedssko',
				free: 5
			});
			expect(detail?.siblings.map((s) => s.offerId)).toEqual([second]);
			expect((await findOfferForUser(world.db, world.users.providerMember, first))?.canEdit).toBe(
				true
			);
			expect(await findOfferForUser(world.db, null, first)).toBeNull();
			expect(await findOfferForUser(world.db, world.users.coordinator, 'not-a-uuid')).toBeNull();
		});
	});

	describe('updateOffer', () => {
		it('changes the activity and bumps its calendar sequence when the time moves', async () => {
			const offer = await makeOffer(world.db, world, visitFields(world));
			const fields = { ...visitFields(world), startDate: '2027-02-10', endDate: '2027-02-10' };
			const same = await updateOffer(
				world.db,
				world.users.providerMember,
				offer,
				offerUpdateSchema.parse(fields)
			);
			expect(same.ok).toBe(true);
			const moved = await updateOffer(
				world.db,
				world.users.providerMember,
				offer,
				offerUpdateSchema.parse({
					...fields,
					title: 'Nyt besøg',
					startTime: '10:00',
					endTime: '12:00'
				})
			);
			expect(moved.ok).toBe(true);
			const row = await world.db
				.selectFrom('activity')
				.innerJoin('offer', 'offer.activityId', 'activity.id')
				.select(['activity.title', 'activity.startTime', 'activity.sequence'])
				.where('offer.id', '=', offer)
				.executeTakeFirstOrThrow();
			expect(row).toEqual({ title: 'Nyt besøg', startTime: '10:00:00', sequence: 1 });
		});

		it('refuses grades outside the kind’s range with a field error', async () => {
			const offer = await makeOffer(world.db, world, visitFields(world));
			const fields = {
				...visitFields(world),
				startDate: '2027-02-10',
				endDate: '2027-02-10',
				gradeLevels: ['3']
			};
			const result = await updateOffer(
				world.db,
				world.users.providerMember,
				offer,
				offerUpdateSchema.parse(fields)
			);
			expect(result).toMatchObject({
				ok: false,
				status: 400,
				errors: { gradeLevels: expect.stringContaining('8.') }
			});
		});
	});
});
