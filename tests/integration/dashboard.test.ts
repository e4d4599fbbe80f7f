import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../db/seed/index';
import type { Database } from '../../src/lib/platform/server/db/engine';
import { loadDashboard } from '../../src/lib/dashboard/server/dashboard';
import { findSessionMemberships, type SessionUser } from '../../src/lib/auth/server/session';
import { createTestDatabase } from '../helpers/db';

const TODAY = '2027-01-20';

async function demoUser(database: Database, email: string): Promise<SessionUser> {
	const row = await database.db
		.selectFrom('appUser')
		.selectAll()
		.where('email', '=', email)
		.executeTakeFirstOrThrow();
	return {
		id: row.id,
		email: row.email,
		name: row.name,
		isSecretariat: row.isSecretariat,
		locale: row.locale,
		memberships: await findSessionMemberships(database.db, row.id)
	};
}

describe('dashboard', () => {
	let database: Database;
	beforeAll(async () => {
		database = await createTestDatabase();
		await seedDemo(database.db);
	});
	afterAll(async () => {
		await database?.close();
	});

	describe('loadDashboard', () => {
		it('lists only activities a school owns or takes part in, from today on', async () => {
			const user = await demoUser(database, 'skole@aarshjul.example');
			const schoolId = user.memberships[0].organisationId;
			const { upcoming } = await loadDashboard(database.db, user, TODAY);
			expect(upcoming.length).toBeGreaterThan(0);
			for (const a of upcoming) {
				expect(a.endDate >= TODAY).toBe(true);
				expect(a.status).toBe('planned');
				const involved = await database.db
					.selectFrom('activityParticipant')
					.select('organisationId')
					.where('activityId', '=', a.id)
					.execute();
				expect(a.ownerId === schoolId || involved.some((p) => p.organisationId === schoolId)).toBe(
					true
				);
			}
		});

		it('covers the schools of a municipality for a municipality user', async () => {
			const user = await demoUser(database, 'kommune@aarshjul.example');
			const municipalityId = user.memberships[0].organisationId;
			const { upcoming, scopeCount } = await loadDashboard(database.db, user, TODAY);
			const schools = await database.db
				.selectFrom('organisation')
				.select('id')
				.where('municipalityId', '=', municipalityId)
				.execute();
			expect(scopeCount).toBe(new Set([municipalityId, ...schools.map((s) => s.id)]).size);
			expect(upcoming.length).toBeGreaterThan(0);
		});

		it('shows the secretariat the whole alliance, sorted by start date', async () => {
			const user = await demoUser(database, 'sekretariat@aarshjul.example');
			const { upcoming } = await loadDashboard(database.db, user, TODAY);
			expect(upcoming.length).toBe(12);
			const starts = upcoming.map((a) => a.startDate);
			expect([...starts].sort()).toEqual(starts);
		});

		it('gives a user without organisations an empty list', async () => {
			const user = await demoUser(database, 'skole@aarshjul.example');
			const { upcoming } = await loadDashboard(database.db, { ...user, memberships: [] }, TODAY);
			expect(upcoming).toEqual([]);
		});
	});
});
