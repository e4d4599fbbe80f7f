import { sql } from 'kysely';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	DEMO_CATEGORIES,
	DEMO_LOGINS,
	DEMO_ORGANISATIONS,
	DEMO_PASSWORD,
	isDatabaseEmpty,
	seedDemo,
	type SeedSummary
} from '../../db/seed/index';
import type { Database } from '../../src/lib/platform/server/db/engine';
import { verifyPassword } from '../../src/lib/auth/server/password';
import { createTestDatabase } from '../helpers/db';

const YEAR_START = '2026-08-01';
const YEAR_END = '2027-07-31';

async function countRows(database: Database): Promise<Record<string, number>> {
	const tables = [
		'trade',
		'organisation',
		'organisation_trade',
		'app_user',
		'membership',
		'category',
		'activity',
		'activity_participant',
		'school_holiday'
	];
	const counts: Record<string, number> = {};
	for (const table of tables) {
		const { rows } = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(
			table
		)}`.execute(database.db);
		counts[table] = rows[0].n;
	}
	return counts;
}

function relativeLuminance(hex: string): number {
	const [r, g, b] = [1, 3, 5].map((i) => {
		const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
		return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
	});
	return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

describe('db/seed', () => {
	let database: Database;
	let emptyBefore: boolean;
	let summary: SeedSummary;

	beforeAll(async () => {
		database = await createTestDatabase();
		emptyBefore = await isDatabaseEmpty(database.db);
		summary = await seedDemo(database.db);
	});
	afterAll(async () => {
		await database?.close();
	});

	describe('isDatabaseEmpty', () => {
		it('is true before seeding and false after', async () => {
			expect(emptyBefore).toBe(true);
			expect(await isDatabaseEmpty(database.db)).toBe(false);
		});
	});

	describe('seedDemo', () => {
		it('creates the three municipalities and their schools', async () => {
			const orgs = await database.db.selectFrom('organisation').selectAll().execute();
			const municipalities = orgs.filter((o) => o.kind === 'municipality');
			expect(municipalities.map((m) => m.name).sort()).toEqual([
				'Hedensted Kommune',
				'Horsens Kommune',
				'Odder Kommune'
			]);
			const schools = orgs.filter((o) => o.kind === 'school');
			expect(schools.length).toBeGreaterThanOrEqual(12);
			const municipalityIds = new Set(municipalities.map((m) => m.id));
			for (const school of schools) expect(municipalityIds).toContain(school.municipalityId);
			for (const id of municipalityIds) {
				expect(schools.filter((s) => s.municipalityId === id).length).toBeGreaterThanOrEqual(4);
			}
			for (const kind of ['vocational_school', 'museum', 'partner'] as const) {
				expect(orgs.some((o) => o.kind === kind)).toBe(true);
			}
			expect(summary.organisations).toBe(orgs.length);
		});

		it('gives every company at least one trade, industritekniker and smed among them', async () => {
			const companies = await database.db
				.selectFrom('organisation')
				.leftJoin('organisationTrade', 'organisationTrade.organisationId', 'organisation.id')
				.where('organisation.kind', '=', 'company')
				.select(['organisation.slug', 'organisationTrade.tradeCode'])
				.execute();
			const slugs = new Set(companies.map((c) => c.slug));
			expect(slugs.size).toBeGreaterThanOrEqual(28);
			for (const c of companies) expect(c.tradeCode, c.slug).not.toBeNull();
			const codes = new Set(companies.map((c) => c.tradeCode));
			expect(codes).toContain('industritekniker');
			expect(codes).toContain('smed');
			const trades = await database.db.selectFrom('trade').select('code').orderBy('sort').execute();
			expect(trades.slice(0, 2).map((t) => t.code)).toEqual(['industritekniker', 'smed']);
		});

		it('uses lowercase ascii slugs', () => {
			for (const o of DEMO_ORGANISATIONS) expect(o.slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
		});

		it('gives every category a colour with at least 3:1 contrast against white', () => {
			for (const c of DEMO_CATEGORIES) {
				const contrast = 1.05 / (relativeLuminance(c.colour) + 0.05);
				expect(contrast, c.slug).toBeGreaterThanOrEqual(3);
			}
			const pillars = new Set(DEMO_CATEGORIES.map((c) => c.pillar));
			expect([...pillars].sort()).toEqual([
				'faelles',
				'laerepladsalliance',
				'rekruttering',
				'skole_virksomhed'
			]);
		});

		it('plans at least 60 activities, all inside school year 2026/27', async () => {
			const activities = await database.db.selectFrom('activity').selectAll().execute();
			expect(activities.length).toBeGreaterThanOrEqual(60);
			for (const a of activities) {
				expect(a.startDate >= YEAR_START && a.endDate <= YEAR_END, a.title).toBe(true);
			}
			expect(activities.some((a) => a.status === 'cancelled')).toBe(true);
			for (const visibility of ['public', 'alliance', 'private'] as const) {
				expect(activities.some((a) => a.visibility === visibility)).toBe(true);
			}
			expect(summary.activities).toBe(activities.length);
		});

		it('plans at least two alliance meetings, in September and March', async () => {
			const meetings = await database.db
				.selectFrom('activity')
				.innerJoin('category', 'category.id', 'activity.categoryId')
				.where('category.slug', '=', 'alliancemoede')
				.where('activity.visibility', '=', 'alliance')
				.where('activity.title', 'like', 'Alliancemøde%')
				.select(['activity.startDate', 'activity.startTime'])
				.execute();
			expect(meetings.length).toBeGreaterThanOrEqual(2);
			const months = meetings.map((m) => m.startDate.slice(5, 7));
			expect(months).toContain('09');
			expect(months).toContain('03');
			for (const m of meetings) expect(m.startTime).not.toBeNull();
		});

		it('gives every municipality school holidays, one of them in uge 42 2026', async () => {
			const municipalities = await database.db
				.selectFrom('organisation')
				.where('kind', '=', 'municipality')
				.select(['id', 'name'])
				.execute();
			const [weekStart, weekEnd] = ['2026-10-12', '2026-10-16'];
			for (const m of municipalities) {
				const holidays = await database.db
					.selectFrom('schoolHoliday')
					.where('municipalityId', '=', m.id)
					.selectAll()
					.execute();
				expect(holidays.length, m.name).toBeGreaterThanOrEqual(10);
				expect(
					holidays.some((h) => h.startDate <= weekStart && h.endDate >= weekEnd),
					m.name
				).toBe(true);
				// Next school year too, so that a plan can be rolled forward.
				expect(
					holidays.some((h) => h.startDate >= '2027-08-01'),
					m.name
				).toBe(true);
			}
		});

		it('keeps activities with pupils on school days outside their municipality’s holidays', async () => {
			const rows = await database.db
				.selectFrom('activity')
				.innerJoin('activityParticipant', 'activityParticipant.activityId', 'activity.id')
				.innerJoin('organisation', 'organisation.id', 'activityParticipant.organisationId')
				.where('organisation.kind', '=', 'school')
				.select(['activity.title', 'activity.startDate', 'activity.endDate'])
				.select('organisation.municipalityId')
				.execute();
			const holidays = await database.db.selectFrom('schoolHoliday').selectAll().execute();
			expect(rows.length).toBeGreaterThan(30);
			for (const row of rows) {
				let date = DateTime.fromISO(row.startDate);
				for (let day = row.startDate; day <= row.endDate; day = date.toISODate()!) {
					expect(date.weekday, `${row.title} ${day}`).toBeLessThanOrEqual(5);
					const clash = holidays.find(
						(h) => h.municipalityId === row.municipalityId && h.startDate <= day && h.endDate >= day
					);
					expect(clash, `${row.title} ${day}`).toBeUndefined();
					date = date.plus({ days: 1 });
				}
			}
		});

		it('creates every demo login with a membership and the demo password', async () => {
			for (const login of DEMO_LOGINS) {
				const user = await database.db
					.selectFrom('appUser')
					.innerJoin('membership', 'membership.userId', 'appUser.id')
					.innerJoin('organisation', 'organisation.id', 'membership.organisationId')
					.where('appUser.email', '=', login.email)
					.select(['appUser.passwordHash', 'appUser.isSecretariat', 'organisation.name'])
					.executeTakeFirst();
				expect(user, login.email).toBeDefined();
				expect(user!.name).toBe(login.organisation);
				expect(user!.isSecretariat).toBe(login.email.startsWith('sekretariat@'));
			}
			const one = await database.db
				.selectFrom('appUser')
				.where('email', '=', DEMO_LOGINS[1].email)
				.select('passwordHash')
				.executeTakeFirstOrThrow();
			expect(await verifyPassword(one.passwordHash!, DEMO_PASSWORD)).toBe(true);
		});

		it('changes nothing when run a second time', async () => {
			const before = await countRows(database);
			const ids = await database.db.selectFrom('activity').select('id').orderBy('id').execute();
			const hashes = await database.db
				.selectFrom('appUser')
				.select(['email', 'passwordHash'])
				.orderBy('email')
				.execute();
			await expect(seedDemo(database.db)).resolves.toEqual(summary);
			expect(await countRows(database)).toEqual(before);
			expect(await database.db.selectFrom('activity').select('id').orderBy('id').execute()).toEqual(
				ids
			);
			expect(
				await database.db
					.selectFrom('appUser')
					.select(['email', 'passwordHash'])
					.orderBy('email')
					.execute()
			).toEqual(hashes);
		});
	});
});
