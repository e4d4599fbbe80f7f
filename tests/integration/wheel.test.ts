import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../db/seed/index';
import type { Database } from '../../src/lib/platform/server/db/engine';
import type { Actor } from '../../src/lib/auth/actor';
import { loadEmbed } from '../../src/lib/wheel/server/embed';
import {
	findMunicipalityBySlug,
	loadWheel,
	resolveSchoolYear
} from '../../src/lib/wheel/server/wheel';
import { layoutWheel } from '../../src/lib/wheel/layout';
import { WHEEL_LAYOUT_OPTIONS } from '../../src/lib/wheel/frame';
import { createTestDatabase, truncateAll } from '../helpers/db';
import { actorByEmail, memberOf } from '../helpers/stored-actor';

const YEAR = '2026/27';
const FROM = '2026-08-01';
const TO = '2027-07-31';
const NOW = new Date('2026-10-14T10:00:00Z');

/** What a user may see, written out in SQL on its own, independent of visibilityFilter. */
async function countVisible(database: Database, user: Actor | null): Promise<number> {
	const orgs = user?.memberships.map((m) => m.organisationId) ?? [];
	const inOrgs = orgs.length
		? sql`(a.owner_id in (${sql.join(orgs)}) or exists (select 1 from activity_participant p
			where p.activity_id = a.id and p.organisation_id in (${sql.join(orgs)})))`
		: sql`false`;
	const rule = user?.isSecretariat
		? sql`true`
		: orgs.length
			? sql`(a.visibility in ('public', 'alliance') or ${inOrgs})`
			: sql`a.visibility = 'public'`;
	const { rows } = await sql<{ n: number }>`select count(*)::int as n from activity a
		where a.start_date <= ${TO} and a.end_date >= ${FROM} and ${rule}`.execute(database.db);
	return rows[0].n;
}

describe('wheel', () => {
	let database: Database;

	beforeAll(async () => {
		database = await createTestDatabase();
		await truncateAll(database);
		await seedDemo(database.db);
	});
	afterAll(async () => {
		await database?.close();
	});

	describe('loadWheel', () => {
		it('returns exactly the activities each user may see in the year', async () => {
			const users: (Actor | null)[] = [
				null,
				await actorByEmail(database.db, 'sekretariat@aarshjul.example'),
				await actorByEmail(database.db, 'skole@aarshjul.example'),
				await actorByEmail(database.db, 'virksomhed@aarshjul.example')
			];
			const counts = new Set<number>();
			for (const user of users) {
				const wheel = await loadWheel(database.db, user, { year: YEAR });
				const expected = await countVisible(database, user);
				expect(wheel.activities).toHaveLength(expected);
				const layout = layoutWheel(wheel.activities, wheel.categories, {
					...WHEEL_LAYOUT_OPTIONS,
					year: YEAR
				});
				const arcs = layout.rings.flatMap((ring) => ring.arcs);
				expect(arcs).toHaveLength(expected);
				counts.add(expected);
			}
			// Anonymous, secretariat and members see different sets; the test would miss a leak otherwise.
			expect(counts.size).toBeGreaterThan(2);
		});

		it('keeps a private activity of another organisation from an outsider', async () => {
			const priv = await database.db
				.selectFrom('activity')
				.select(['id', 'ownerId'])
				.where('visibility', '=', 'private')
				.where('startDate', '>=', FROM)
				.where('startDate', '<=', TO)
				.executeTakeFirstOrThrow();
			const involved = await database.db
				.selectFrom('activityParticipant')
				.select('organisationId')
				.where('activityId', '=', priv.id)
				.execute();
			const outsiderOrg = await database.db
				.selectFrom('organisation')
				.select('id')
				.where('id', 'not in', [priv.ownerId, ...involved.map((p) => p.organisationId)])
				.executeTakeFirstOrThrow();
			const outsider = await memberOf(database.db, outsiderOrg, 'admin');
			const owner = await memberOf(database.db, { id: priv.ownerId });
			const hidden = await loadWheel(database.db, outsider, { year: YEAR });
			const shown = await loadWheel(database.db, owner, { year: YEAR });
			expect(hidden.activities.map((a) => a.id)).not.toContain(priv.id);
			expect(shown.activities.map((a) => a.id)).toContain(priv.id);
		});

		it('shows public planned activities only with publicOnly, whoever asks', async () => {
			const secretariat = await actorByEmail(database.db, 'sekretariat@aarshjul.example');
			const wheel = await loadWheel(database.db, secretariat, {
				year: YEAR,
				publicOnly: true
			});
			const { rows } = await sql<{ id: string }>`select id from activity
				where visibility = 'public' and status = 'planned'
				and start_date <= ${TO} and end_date >= ${FROM}`.execute(database.db);
			expect(wheel.activities.map((a) => a.id).sort()).toEqual(rows.map((r) => r.id).sort());
			expect(wheel.activities.length).toBeGreaterThan(0);
			expect(wheel.activities.every((a) => !a.cancelled)).toBe(true);
		});

		it('narrows the set with filters', async () => {
			const secretariat = await actorByEmail(database.db, 'sekretariat@aarshjul.example');
			const all = await loadWheel(database.db, secretariat, { year: YEAR });
			const pillar = await loadWheel(database.db, secretariat, {
				year: YEAR,
				filters: { categoryIds: [], pillar: 'rekruttering' }
			});
			const recruitment = new Set(
				all.categories.filter((c) => c.pillar === 'rekruttering').map((c) => c.id)
			);
			expect(pillar.activities.length).toBeGreaterThan(0);
			expect(pillar.activities.length).toBeLessThan(all.activities.length);
			expect(pillar.activities.every((a) => recruitment.has(a.categoryId))).toBe(true);
			const text = await loadWheel(database.db, secretariat, {
				year: YEAR,
				filters: { categoryIds: [], q: 'erhvervspraktik' }
			});
			expect(text.activities.length).toBeLessThan(all.activities.length);
		});

		it('returns the chosen municipality’s school holidays and the public holidays', async () => {
			const horsens = await findMunicipalityBySlug(database.db, 'horsens-kommune');
			const wheel = await loadWheel(database.db, null, {
				year: YEAR,
				holidayMunicipalityId: horsens!.id
			});
			expect(wheel.holidays.map((h) => h.name)).toContain('Efterårsferie');
			expect(wheel.holidays.every((h) => h.startDate <= TO && h.endDate >= FROM)).toBe(true);
			expect(wheel.publicHolidays.map((h) => h.date)).toContain('2026-12-25');
			const none = await loadWheel(database.db, null, { year: YEAR });
			expect(none.holidays).toEqual([]);
		});

		it('orders rings by pillar and shows the school year asked for', async () => {
			const wheel = await loadWheel(database.db, null, { year: YEAR });
			expect(wheel.year).toBe('2026/27');
			expect(wheel.previousYear).toBe('2025/26');
			const pillars = wheel.categories.map((c) => c.pillar);
			expect(pillars.indexOf('rekruttering')).toBeGreaterThan(
				pillars.lastIndexOf('skole_virksomhed')
			);
			expect(wheel.categories.map((c) => c.ring)).toEqual(wheel.categories.map((_, i) => i + 1));
		});
	});

	describe('resolveSchoolYear', () => {
		it('defaults to the current school year in Copenhagen', () => {
			expect(resolveSchoolYear(null, NOW)).toEqual({ ok: true, value: '2026/27' });
			expect(resolveSchoolYear('', NOW)).toEqual({ ok: true, value: '2026/27' });
			expect(resolveSchoolYear('2025/26', NOW)).toEqual({ ok: true, value: '2025/26' });
		});

		it('refuses a malformed year with a Danish 400', () => {
			for (const year of ['2026/28', '26/27', 'x']) {
				expect(resolveSchoolYear(year, NOW)).toMatchObject({
					ok: false,
					status: 400,
					message: expect.stringContaining('skoleår')
				});
			}
		});
	});

	describe('loadEmbed', () => {
		it('shows one municipality’s public activities and 404s an unknown one', async () => {
			const params = new URLSearchParams({ year: YEAR });
			const embed = await loadEmbed(database.db, params, {
				municipalitySlug: 'horsens-kommune',
				locale: 'da',
				now: NOW
			});
			const alliance = await loadEmbed(database.db, params, { locale: 'da', now: NOW });
			if (!embed.ok || !alliance.ok) throw new Error('the embed was refused');
			expect(embed.value.municipality?.name).toMatch(/Horsens/);
			expect(embed.value.activities.length).toBeLessThanOrEqual(alliance.value.activities.length);
			expect(embed.value.holidays.length).toBeGreaterThan(0);
			expect(
				await loadEmbed(database.db, params, {
					municipalitySlug: 'atlantis',
					locale: 'da',
					now: NOW
				})
			).toMatchObject({ ok: false, status: 404 });
		});

		it('refuses a malformed year with a 400', async () => {
			const params = new URLSearchParams({ year: 'x' });
			expect(await loadEmbed(database.db, params, { locale: 'da', now: NOW })).toMatchObject({
				ok: false,
				status: 400
			});
		});
	});
});
