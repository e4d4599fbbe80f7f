import { beforeAll, describe, expect, it } from 'vitest';
import type { Activity } from '../../src/lib/platform/server/db/schema';
import { buildFeed, copenhagenDate, type FeedTarget } from '../../src/lib/feeds/server/feed';
import { endOfNextSchoolYear } from '../../src/lib/feeds/server/queries';
import { setFeedCacheTtl } from '../../src/lib/feeds/server/cache';
import { scopeForKind } from '../../src/lib/feeds/server/token';
import { canViewActivity, type RightsUser } from '../../src/lib/activities/server/policy';
import { findSessionMemberships } from '../../src/lib/auth/server/session';
import { activityIdOf, longestLineOctets, ORIGIN, parseFeed } from './feed-fixtures';
import { useDemoDatabase } from './demo-fixtures';

// Every seeded feed, parsed by ical.js, against what the tables say, worked out here in plain
// code with canViewActivity (not the SQL under test).

interface World {
	activities: Activity[];
	bookings: { id: string; schoolId: string; status: string; updatedAt: Date; activityId: string }[];
	participants: Map<string, string[]>;
	offers: Set<string>;
	orgs: { id: string; name: string; kind: string; municipalityId: string | null }[];
}

function windowFrom(): string {
	const today = copenhagenDate(new Date());
	return new Date(Date.parse(`${today}T00:00:00Z`) - 60 * 86_400_000).toISOString().slice(0, 10);
}

function expectedActivities(
	world: World,
	audience: RightsUser | null,
	orgIds: string[] | 'all',
	wide: boolean,
	schoolIds: string[] = []
) {
	const today = copenhagenDate(new Date());
	const from = new Date(Date.parse(`${today}T00:00:00Z`) - 60 * 86_400_000)
		.toISOString()
		.slice(0, 10);
	return world.activities.filter((a) => {
		const parts = world.participants.get(a.id) ?? [];
		if (!canViewActivity(audience, a, parts)) return false;
		if (a.endDate < from || a.startDate > endOfNextSchoolYear(today)) return false;
		if (a.status === 'cancelled' && a.updatedAt.getTime() < Date.now() - 60 * 86_400_000)
			return false;
		if (orgIds === 'all' || orgIds.includes(a.ownerId)) return true;
		// The whole alliance's: what the wheel shows a partner by visibility alone. An offer the
		// schools have booked comes as their booking instead.
		const booked = world.bookings.some(
			(b) =>
				b.activityId === a.id &&
				schoolIds.includes(b.schoolId) &&
				['requested', 'confirmed', 'waitlisted'].includes(b.status)
		);
		if (wide && a.visibility !== 'private' && !booked) return true;
		if (world.offers.has(a.id)) return false;
		return parts.some((p) => orgIds.includes(p));
	});
}

describe('feed (seeded demo alliance)', () => {
	const demo = useDemoDatabase();
	let world: World;
	let bookingsChecked = 0;

	beforeAll(async () => {
		setFeedCacheTtl(0);
		const db = demo.db;
		const participants = new Map<string, string[]>();
		for (const p of await db.selectFrom('activityParticipant').selectAll().execute()) {
			participants.set(p.activityId, [...(participants.get(p.activityId) ?? []), p.organisationId]);
		}
		world = {
			activities: await db.selectFrom('activity').selectAll().execute(),
			bookings: await db
				.selectFrom('booking')
				.innerJoin('offer', 'offer.id', 'booking.offerId')
				.select([
					'booking.id',
					'booking.schoolId',
					'booking.status',
					'booking.updatedAt',
					'offer.activityId'
				])
				.execute(),
			participants,
			offers: new Set(
				(await db.selectFrom('offer').select('activityId').execute()).map((o) => o.activityId)
			),
			orgs: await db
				.selectFrom('organisation')
				.select(['id', 'name', 'kind', 'municipalityId'])
				.execute()
		};
	});

	/** Bookings of these schools on activities the audience sees, live or changed in 60 days. */
	function expectedBookings(audience: RightsUser | null, schoolIds: string[]) {
		const recent = (d: Date) => d.getTime() >= Date.now() - 60 * 86_400_000;
		return world.bookings.filter((b) => {
			const a = world.activities.find((x) => x.id === b.activityId)!;
			if (!schoolIds.includes(b.schoolId) || a.endDate < windowFrom()) return false;
			if (a.startDate > endOfNextSchoolYear(copenhagenDate(new Date()))) return false;
			if (!canViewActivity(audience, a, world.participants.get(a.id) ?? [])) return false;
			const live =
				['requested', 'confirmed', 'waitlisted'].includes(b.status) && a.status === 'planned';
			return live || recent(b.updatedAt) || recent(a.updatedAt);
		});
	}

	async function check(
		target: FeedTarget,
		expected: Activity[],
		audience: RightsUser | null,
		schoolIds: string[] = []
	) {
		const feed = await buildFeed(demo.db, target, { origin: ORIGIN });
		const { events } = parseFeed(feed!.body);
		const bookingIds = events
			.filter((e) => e.uid.startsWith('booking-'))
			.map((e) => e.uid.slice(8, 44));
		expect(bookingIds.sort()).toEqual(
			expectedBookings(audience, schoolIds)
				.map((b) => b.id)
				.sort()
		);
		const ids = [
			...new Set(
				events.filter((e) => e.uid.startsWith('activity-')).map((e) => activityIdOf(e.uid))
			)
		];
		expect(ids.sort()).toEqual(expected.map((a) => a.id).sort());
		for (const id of ids) {
			const activity = world.activities.find((a) => a.id === id)!;
			expect(canViewActivity(audience, activity, world.participants.get(id) ?? [])).toBe(true);
		}
		expect(longestLineOctets(feed!.body)).toBeLessThanOrEqual(75);
		bookingsChecked += bookingIds.length;
		return { feed: feed!, events };
	}

	it('holds what each organisation’s member may see and the organisation is part of', async () => {
		let checked = 0;
		for (const org of world.orgs) {
			const audience: RightsUser = {
				isSecretariat: false,
				memberships: [{ organisationId: org.id, role: 'member' }]
			};
			const schools = world.orgs.filter((o) => o.kind === 'school' && o.municipalityId === org.id);
			const orgIds =
				org.kind === 'school'
					? [org.id, org.municipalityId!]
					: org.kind === 'municipality'
						? [org.id, ...schools.map((s) => s.id)]
						: [org.id];
			const wide = org.kind === 'school' || org.kind === 'municipality';
			const target = {
				scope: scopeForKind(org.kind as never),
				organisationId: org.id
			} as FeedTarget;
			const schoolIds =
				org.kind === 'school'
					? [org.id]
					: org.kind === 'municipality'
						? schools.map((x) => x.id)
						: [];
			const expected = expectedActivities(world, audience, orgIds, wide, schoolIds);
			const { events } = await check(target, expected, audience, schoolIds);
			for (const e of events.filter((x) => x.uid.startsWith('activity-'))) {
				const a = world.activities.find((x) => x.id === activityIdOf(e.uid))!;
				expect(e.summary).toBe(a.status === 'cancelled' ? `Aflyst: ${a.title}` : a.title);
				expect(e.status).toBe(a.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED');
				expect(e.sequence).toBe(a.sequence);
			}
			checked += expected.length;
		}
		expect(checked).toBeGreaterThan(100);
		// The demo seed books; those bookings reach the schools' and municipalities' feeds.
		if (world.bookings.length) expect(bookingsChecked).toBeGreaterThan(0);
	});

	it('holds everything of a person’s organisations, and the public feed only public activities', async () => {
		const users = await demo.db.selectFrom('appUser').select(['id', 'isSecretariat']).execute();
		for (const user of users) {
			const memberships = await findSessionMemberships(demo.db, user.id);
			const audience = { isSecretariat: user.isSecretariat, memberships };
			const orgIds = memberships.flatMap((m) => {
				if (m.kind === 'school') return [m.organisationId, m.municipalityId!];
				if (m.kind === 'municipality')
					return [
						m.organisationId,
						...world.orgs
							.filter((o) => o.municipalityId === m.organisationId && o.kind === 'school')
							.map((o) => o.id)
					];
				return [m.organisationId];
			});
			const wide = memberships.some((m) => m.kind === 'school' || m.kind === 'municipality');
			const schoolIds = memberships.flatMap((m) =>
				m.kind === 'school'
					? [m.organisationId]
					: m.kind === 'municipality'
						? world.orgs
								.filter((o) => o.kind === 'school' && o.municipalityId === m.organisationId)
								.map((o) => o.id)
						: []
			);
			await check(
				{ scope: 'user', userId: user.id },
				expectedActivities(world, audience, orgIds, wide, [...new Set(schoolIds)]),
				audience,
				[...new Set(schoolIds)]
			);
		}
		const expected = expectedActivities(world, null, 'all', false);
		expect(expected.length).toBeGreaterThan(0);
		expect(expected.every((a) => a.visibility === 'public')).toBe(true);
		const { feed } = await check({ scope: 'public' }, expected, null);
		expect(feed.body).not.toMatch(/Kontakt:/);
	});

	it('holds every public and alliance activity in every school’s feed and its members’ feeds', async () => {
		const shared = world.activities.filter(
			(a) =>
				a.visibility !== 'private' &&
				a.endDate >= windowFrom() &&
				a.startDate <= endOfNextSchoolYear(copenhagenDate(new Date())) &&
				a.status === 'planned'
		);
		const publicOnes = shared.filter((a) => a.visibility === 'public');
		expect(publicOnes.length).toBeGreaterThan(10);
		const titles = publicOnes.map((a) => a.title);
		expect(titles).toContain('Kampagne: Bliv industritekniker');
		expect(titles).toContain('Fejring af årets lærlinge');
		const schools = world.orgs.filter((o) => o.kind === 'school');
		const members = await demo.db
			.selectFrom('membership')
			.select(['userId', 'organisationId'])
			.where(
				'organisationId',
				'in',
				schools.map((s) => s.id)
			)
			.execute();
		expect(members.length).toBeGreaterThan(0);
		const targets: FeedTarget[] = [
			...schools.map((s) => ({ scope: 'school' as const, organisationId: s.id })),
			...members.map((m) => ({ scope: 'user' as const, userId: m.userId }))
		];
		for (const target of targets) {
			const feed = await buildFeed(demo.db, target, { origin: ORIGIN });
			// A booked offer is in the feed as the booking's event, which links to the activity too.
			const unfolded = feed!.body.replace(/\r\n[ \t]/g, '');
			const missing = shared.filter((a) => !unfolded.includes(`/aktiviteter/${a.id}`));
			expect(missing.map((a) => a.title)).toEqual([]);
		}
	});

	it('adds the municipality’s school holidays on request', async () => {
		const school = world.orgs.find((o) => o.name === 'Stensballeskolen')!;
		const holidays = await demo.db
			.selectFrom('schoolHoliday')
			.select(['name'])
			.where('municipalityId', '=', school.municipalityId!)
			.where('endDate', '>=', windowFrom())
			.where('startDate', '<=', endOfNextSchoolYear(copenhagenDate(new Date())))
			.execute();
		expect(holidays.length).toBeGreaterThan(0);
		const target = { scope: 'school', organisationId: school.id } as const;
		const plain = await buildFeed(demo.db, target, { origin: ORIGIN });
		const withHolidays = await buildFeed(demo.db, target, { origin: ORIGIN, holidays: true });
		const extra = parseFeed(withHolidays!.body).events.filter((e) => e.uid.startsWith('holiday-'));
		expect(extra.length).toBe(holidays.length);
		expect(extra.every((e) => e.start.isDate)).toBe(true);
		expect(withHolidays!.etag).not.toBe(plain!.etag);
	});
});
