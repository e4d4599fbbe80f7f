import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Database } from '../../src/lib/platform/server/db/engine';
import type { RightsUser } from '../../src/lib/activities/server/policy';
import { loadEmbed } from '../../src/lib/wheel/server/embed';
import { findMunicipalityBySlug, loadWheel } from '../../src/lib/wheel/server/wheel';
import { layoutWheel } from '../../src/lib/wheel/layout';
import { WHEEL_LAYOUT_OPTIONS } from '../../src/lib/wheel/frame';
import { demoUser, useDemoDatabase } from './demo-fixtures';

const YEAR = '2026/27';
const FROM = '2026-08-01';
const TO = '2027-07-31';
const NOW = new Date('2026-10-14T10:00:00Z');

/** What a user may see, written out in SQL on its own, independent of visibilityFilter. */
async function countVisible(database: Database, user: RightsUser | null): Promise<number> {
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
	const demo = useDemoDatabase();

	describe('loadWheel', () => {
		it('returns exactly the activities each user may see in the year', async () => {
			const users: (RightsUser | null)[] = [
				null,
				await demoUser(demo.db, 'sekretariat@aarshjul.example'),
				await demoUser(demo.db, 'skole@aarshjul.example'),
				await demoUser(demo.db, 'virksomhed@aarshjul.example')
			];
			const counts = new Set<number>();
			for (const user of users) {
				const wheel = await loadWheel(demo.db, user, { year: YEAR, now: NOW });
				const expected = await countVisible(demo.database, user);
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
			const priv = await demo.db
				.selectFrom('activity')
				.select(['id', 'ownerId'])
				.where('visibility', '=', 'private')
				.where('startDate', '>=', FROM)
				.where('startDate', '<=', TO)
				.executeTakeFirstOrThrow();
			const involved = await demo.db
				.selectFrom('activityParticipant')
				.select('organisationId')
				.where('activityId', '=', priv.id)
				.execute();
			const outsiderOrg = await demo.db
				.selectFrom('organisation')
				.select('id')
				.where('id', 'not in', [priv.ownerId, ...involved.map((p) => p.organisationId)])
				.executeTakeFirstOrThrow();
			const outsider: RightsUser = {
				isSecretariat: false,
				memberships: [{ organisationId: outsiderOrg.id, role: 'admin' }]
			};
			const owner: RightsUser = {
				isSecretariat: false,
				memberships: [{ organisationId: priv.ownerId, role: 'member' }]
			};
			const hidden = await loadWheel(demo.db, outsider, { year: YEAR, now: NOW });
			const shown = await loadWheel(demo.db, owner, { year: YEAR, now: NOW });
			expect(hidden.activities.map((a) => a.id)).not.toContain(priv.id);
			expect(shown.activities.map((a) => a.id)).toContain(priv.id);
		});

		it('shows public planned activities only with publicOnly, whoever asks', async () => {
			const secretariat = await demoUser(demo.db, 'sekretariat@aarshjul.example');
			const wheel = await loadWheel(demo.db, secretariat, {
				year: YEAR,
				publicOnly: true,
				now: NOW
			});
			const { rows } = await sql<{ id: string }>`select id from activity
				where visibility = 'public' and status = 'planned'
				and start_date <= ${TO} and end_date >= ${FROM}`.execute(demo.db);
			expect(wheel.activities.map((a) => a.id).sort()).toEqual(rows.map((r) => r.id).sort());
			expect(wheel.activities.length).toBeGreaterThan(0);
			expect(wheel.activities.every((a) => !a.cancelled)).toBe(true);
		});

		it('narrows the set with filters', async () => {
			const secretariat = await demoUser(demo.db, 'sekretariat@aarshjul.example');
			const all = await loadWheel(demo.db, secretariat, { year: YEAR, now: NOW });
			const pillar = await loadWheel(demo.db, secretariat, {
				year: YEAR,
				filters: { categoryIds: [], pillar: 'rekruttering' },
				now: NOW
			});
			const recruitment = new Set(
				all.categories.filter((c) => c.pillar === 'rekruttering').map((c) => c.id)
			);
			expect(pillar.activities.length).toBeGreaterThan(0);
			expect(pillar.activities.length).toBeLessThan(all.activities.length);
			expect(pillar.activities.every((a) => recruitment.has(a.categoryId))).toBe(true);
			const text = await loadWheel(demo.db, secretariat, {
				year: YEAR,
				filters: { categoryIds: [], q: 'erhvervspraktik' },
				now: NOW
			});
			expect(text.activities.length).toBeLessThan(all.activities.length);
		});

		it('returns the chosen municipality’s school holidays and the public holidays', async () => {
			const horsens = await findMunicipalityBySlug(demo.db, 'horsens-kommune');
			const wheel = await loadWheel(demo.db, null, {
				year: YEAR,
				holidayMunicipalityId: horsens!.id,
				now: NOW
			});
			expect(wheel.holidays.map((h) => h.name)).toContain('Efterårsferie');
			expect(wheel.holidays.every((h) => h.startDate <= TO && h.endDate >= FROM)).toBe(true);
			expect(wheel.publicHolidays.map((h) => h.date)).toContain('2026-12-25');
			const none = await loadWheel(demo.db, null, { year: YEAR, now: NOW });
			expect(none.holidays).toEqual([]);
		});

		it('orders rings by pillar and defaults to the current school year', async () => {
			const wheel = await loadWheel(demo.db, null, { now: NOW });
			expect(wheel.year).toBe('2026/27');
			expect(wheel.previousYear).toBe('2025/26');
			const pillars = wheel.categories.map((c) => c.pillar);
			expect(pillars.indexOf('rekruttering')).toBeGreaterThan(
				pillars.lastIndexOf('skole_virksomhed')
			);
			expect(wheel.categories.map((c) => c.ring)).toEqual(wheel.categories.map((_, i) => i + 1));
		});

		it('refuses a malformed year with a Danish 400', async () => {
			for (const year of ['2026/28', '26/27', 'x']) {
				await expect(loadWheel(demo.db, null, { year })).rejects.toMatchObject({
					status: 400,
					body: { message: expect.stringContaining('skoleår') }
				});
			}
		});
	});

	describe('loadEmbed', () => {
		it('shows one municipality’s public activities and 404s an unknown one', async () => {
			const params = new URLSearchParams({ year: YEAR });
			const embed = await loadEmbed(demo.db, params, {
				municipalitySlug: 'horsens-kommune',
				locale: 'da',
				now: NOW
			});
			const alliance = await loadEmbed(demo.db, params, { locale: 'da', now: NOW });
			expect(embed.municipality?.name).toMatch(/Horsens/);
			expect(embed.activities.length).toBeLessThanOrEqual(alliance.activities.length);
			expect(embed.holidays.length).toBeGreaterThan(0);
			await expect(
				loadEmbed(demo.db, params, { municipalitySlug: 'atlantis', locale: 'da', now: NOW })
			).rejects.toMatchObject({ status: 404 });
		});
	});
});
