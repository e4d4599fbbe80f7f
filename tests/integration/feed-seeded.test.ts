import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/lib/server/db/engine';
import type { Activity } from '../../src/lib/server/db/schema';
import { buildFeed, copenhagenDate, type FeedTarget } from '../../src/lib/server/feed';
import { setFeedCacheTtl } from '../../src/lib/server/feed-cache';
import { scopeForKind } from '../../src/lib/server/feed-token';
import { canViewActivity, type RightsUser } from '../../src/lib/server/activity-rights';
import { findSessionMemberships } from '../../src/lib/server/session';
import { seedDemo } from '../../db/seed';
import { createTestDatabase } from '../helpers/db';
import { activityIdOf, longestLineOctets, ORIGIN, parseFeed } from './feed-fixtures';

// Every seeded feed, parsed by ical.js, against what the tables say, worked out here in plain
// code with canViewActivity (not the SQL under test).

interface World {
	activities: Activity[];
	participants: Map<string, string[]>;
	offers: Set<string>;
	orgs: { id: string; name: string; kind: string; municipalityId: string | null }[];
}

function expectedActivities(
	world: World,
	audience: RightsUser | null,
	orgIds: string[] | 'all',
	wide: boolean
) {
	const today = copenhagenDate(new Date());
	const from = new Date(Date.parse(`${today}T00:00:00Z`) - 365 * 86_400_000)
		.toISOString()
		.slice(0, 10);
	return world.activities.filter((a) => {
		const parts = world.participants.get(a.id) ?? [];
		if (!canViewActivity(audience, a, parts)) return false;
		if (a.endDate < from) return false;
		if (a.status === 'cancelled' && a.updatedAt.getTime() < Date.now() - 60 * 86_400_000)
			return false;
		if (orgIds === 'all' || orgIds.includes(a.ownerId)) return true;
		if (world.offers.has(a.id)) return false;
		return parts.some((p) => orgIds.includes(p)) || (wide && parts.length === 0);
	});
}

describe('feed (seeded demo alliance)', () => {
	let database: Database;
	let world: World;

	beforeAll(async () => {
		database = await createTestDatabase();
		setFeedCacheTtl(0);
		await seedDemo(database.db);
		const db = database.db;
		const participants = new Map<string, string[]>();
		for (const p of await db.selectFrom('activityParticipant').selectAll().execute()) {
			participants.set(p.activityId, [...(participants.get(p.activityId) ?? []), p.organisationId]);
		}
		world = {
			activities: await db.selectFrom('activity').selectAll().execute(),
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
	afterAll(async () => {
		await database?.close();
	});

	async function check(target: FeedTarget, expected: Activity[], audience: RightsUser | null) {
		const feed = await buildFeed(database.db, target, { origin: ORIGIN });
		const { events } = parseFeed(feed!.body);
		const ids = events.filter((e) => e.uid.startsWith('activity-')).map((e) => activityIdOf(e.uid));
		expect(ids.sort()).toEqual(expected.map((a) => a.id).sort());
		for (const id of ids) {
			const activity = world.activities.find((a) => a.id === id)!;
			expect(canViewActivity(audience, activity, world.participants.get(id) ?? [])).toBe(true);
		}
		expect(longestLineOctets(feed!.body)).toBeLessThanOrEqual(75);
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
			const expected = expectedActivities(world, audience, orgIds, wide);
			const target = {
				scope: scopeForKind(org.kind as never),
				organisationId: org.id
			} as FeedTarget;
			const { events } = await check(target, expected, audience);
			for (const e of events) {
				const a = world.activities.find((x) => x.id === activityIdOf(e.uid))!;
				expect(e.summary).toBe(a.status === 'cancelled' ? `Aflyst: ${a.title}` : a.title);
				expect(e.status).toBe(a.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED');
				expect(e.sequence).toBe(a.sequence);
			}
			checked += expected.length;
		}
		expect(checked).toBeGreaterThan(100);
	});

	it('holds everything of a person’s organisations, and the public feed only public activities', async () => {
		const users = await database.db.selectFrom('appUser').select(['id', 'isSecretariat']).execute();
		for (const user of users) {
			const memberships = await findSessionMemberships(database.db, user.id);
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
			await check(
				{ scope: 'user', userId: user.id },
				expectedActivities(world, audience, orgIds, wide),
				audience
			);
		}
		const expected = expectedActivities(world, null, 'all', false);
		expect(expected.length).toBeGreaterThan(0);
		expect(expected.every((a) => a.visibility === 'public')).toBe(true);
		const { feed } = await check({ scope: 'public' }, expected, null);
		expect(feed.body).not.toMatch(/Kontakt:/);
	});

	it('adds the municipality’s school holidays on request', async () => {
		const school = world.orgs.find((o) => o.name === 'Stensballeskolen')!;
		const holidays = await database.db
			.selectFrom('schoolHoliday')
			.select(['name'])
			.where('municipalityId', '=', school.municipalityId!)
			.execute();
		expect(holidays.length).toBeGreaterThan(0);
		const target = { scope: 'school', organisationId: school.id } as const;
		const plain = await buildFeed(database.db, target, { origin: ORIGIN });
		const withHolidays = await buildFeed(database.db, target, { origin: ORIGIN, holidays: true });
		const extra = parseFeed(withHolidays!.body).events.filter((e) => e.uid.startsWith('holiday-'));
		expect(extra.length).toBe(holidays.length);
		expect(extra.every((e) => e.start.isDate)).toBe(true);
		expect(withHolidays!.etag).not.toBe(plain!.etag);
	});
});
