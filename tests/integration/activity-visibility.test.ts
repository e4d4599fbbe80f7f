import { beforeEach, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../src/lib/auth/server/session';
import { listActivities, type ActivityFilters } from '../../src/lib/activities/server/activity';
import { GET } from '../../src/routes/api/activities/+server';
import { fakeLocals } from './organisation.fixtures';
import { ROLES, insertActivity, type RoleName, useActivityWorld } from './activity-fixtures';

const YEAR = { from: '2026-08-01', to: '2027-07-31' };

async function fetchEvents(user: SessionUser | null, search: string) {
	const url = new URL(`http://localhost/api/activities?${search}`);
	const response = await GET({ url, locals: fakeLocals(user) } as never);
	return { status: response.status, body: await response.json() };
}

describe('activity visibility and filters (real database)', () => {
	const world = useActivityWorld({ routes: true });

	describe('listActivities', () => {
		it('never lists a private activity of another organisation', async () => {
			const base = { ownerId: world.org.school, categoryId: world.category.praktik };
			const pub = await insertActivity(world.db, { ...base, visibility: 'public' });
			const alliance = await insertActivity(world.db, { ...base, visibility: 'alliance' });
			const priv = await insertActivity(world.db, {
				...base,
				visibility: 'private',
				participants: [world.org.smedCompany]
			});
			const expected: Record<RoleName, string[]> = {
				secretariat: [pub, alliance, priv],
				ownerAdmin: [pub, alliance, priv],
				ownerMember: [pub, alliance, priv],
				participantMember: [pub, alliance, priv],
				otherAdmin: [pub, alliance],
				noOrganisation: [pub],
				anonymous: [pub]
			};
			for (const role of ROLES) {
				const items = await listActivities(world.db, world.users[role], YEAR);
				expect(items.map((i) => i.id).sort(), role).toEqual([...expected[role]].sort());
			}
		});

		it('lists activities overlapping the span only', async () => {
			const base = { ownerId: world.org.school, categoryId: world.category.praktik };
			const inside = await insertActivity(world.db, {
				...base,
				startDate: '2027-07-31',
				endDate: '2027-08-02'
			});
			await insertActivity(world.db, {
				...base,
				startDate: '2026-07-20',
				endDate: '2026-07-31'
			});
			const items = await listActivities(world.db, null, YEAR);
			expect(items.map((i) => i.id)).toEqual([inside]);
		});
	});

	describe('filters', () => {
		async function ids(filters: ActivityFilters) {
			const items = await listActivities(world.db, world.users.secretariat, {
				...YEAR,
				filters
			});
			return items.map((i) => i.title).sort();
		}

		beforeEach(async () => {
			const c = world.category;
			const o = world.org;
			await insertActivity(world.db, {
				title: 'Skolens praktik',
				ownerId: o.school,
				categoryId: c.praktik
			});
			await insertActivity(world.db, {
				title: 'Smedens besøg',
				ownerId: o.smedCompany,
				categoryId: c.praktik,
				participants: [o.odderSchool]
			});
			await insertActivity(world.db, {
				title: 'Kommunens møde',
				ownerId: o.horsens,
				categoryId: c.moede
			});
			await insertActivity(world.db, {
				title: 'Metal møde',
				ownerId: o.partner,
				categoryId: c.moede,
				participants: [o.techCompany]
			});
			await insertActivity(world.db, {
				title: 'Rabat 50% på kaffe',
				ownerId: o.partner,
				categoryId: c.moede,
				description: 'a_b'
			});
			await insertActivity(world.db, {
				title: 'Koster 500 kroner',
				ownerId: o.partner,
				categoryId: c.moede,
				place: 'axb'
			});
		});

		it('municipality: the owner or a participant is the municipality or belongs to it', async () => {
			expect(await ids({ municipalityId: world.org.horsens })).toEqual([
				'Kommunens møde',
				'Skolens praktik'
			]);
			expect(await ids({ municipalityId: world.org.odder })).toEqual(['Smedens besøg']);
		});

		it('trade: the owner or a participant trains in it', async () => {
			expect(await ids({ trade: 'smed' })).toEqual(['Smedens besøg']);
			expect(await ids({ trade: 'industritekniker' })).toEqual(['Metal møde']);
		});

		it('school and company: owner or participant', async () => {
			expect(await ids({ schoolId: world.org.odderSchool })).toEqual(['Smedens besøg']);
			expect(await ids({ companyId: world.org.techCompany })).toEqual(['Metal møde']);
		});

		it('pillar and category', async () => {
			expect(await ids({ pillar: 'skole_virksomhed' })).toEqual([
				'Skolens praktik',
				'Smedens besøg'
			]);
			expect(await ids({ categoryIds: [world.category.moede] })).toHaveLength(4);
		});

		it('q: % and _ are plain characters, matched in title, description and place', async () => {
			expect(await ids({ q: '50%' })).toEqual(['Rabat 50% på kaffe']);
			expect(await ids({ q: 'a_b' })).toEqual(['Rabat 50% på kaffe']);
			expect(await ids({ q: 'AXB' })).toEqual(['Koster 500 kroner']);
			expect(await ids({ q: 'møde', municipalityId: world.org.horsens })).toEqual([
				'Kommunens møde'
			]);
		});
	});

	describe('GET /api/activities', () => {
		it('never sends a private activity of another organisation', async () => {
			const base = { ownerId: world.org.school, categoryId: world.category.praktik };
			const pub = await insertActivity(world.db, { ...base, visibility: 'public' });
			await insertActivity(world.db, { ...base, visibility: 'private' });
			const search = 'start=2027-02-01T00:00:00%2B01:00&end=2027-03-01T00:00:00%2B01:00';
			for (const role of ['otherAdmin', 'noOrganisation', 'anonymous'] as const) {
				const { status, body } = await fetchEvents(world.users[role], search);
				expect(status).toBe(200);
				expect(
					body.map((e: { id: string }) => e.id),
					role
				).toEqual([pub]);
			}
			expect((await fetchEvents(world.users.ownerMember, search)).body).toHaveLength(2);
		});

		it('applies the same filters as the wheel', async () => {
			const o = world.org;
			await insertActivity(world.db, {
				title: 'Med smed',
				ownerId: o.school,
				categoryId: world.category.praktik,
				participants: [o.smedCompany]
			});
			await insertActivity(world.db, {
				title: 'Uden',
				ownerId: o.school,
				categoryId: world.category.praktik
			});
			const { body } = await fetchEvents(null, 'start=2027-02-01&end=2027-03-01&trade=smed');
			expect(body.map((e: { title: string }) => e.title)).toEqual(['Med smed']);
		});
	});
});
