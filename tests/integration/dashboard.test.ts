import { describe, expect, it } from 'vitest';
import { loadDashboard } from '../../src/lib/dashboard/server/dashboard';
import { demoUser, useDemoDatabase } from './demo-fixtures';

const TODAY = '2027-01-20';

describe('dashboard', () => {
	const demo = useDemoDatabase();

	describe('loadDashboard', () => {
		it('lists only activities a school owns or takes part in, from today on', async () => {
			const user = await demoUser(demo.db, 'skole@aarshjul.example');
			const schoolId = user.memberships[0].organisationId;
			const { upcoming } = await loadDashboard(demo.db, user, TODAY);
			expect(upcoming.length).toBeGreaterThan(0);
			for (const a of upcoming) {
				expect(a.endDate >= TODAY).toBe(true);
				expect(a.status).toBe('planned');
				const involved = await demo.db
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
			const user = await demoUser(demo.db, 'kommune@aarshjul.example');
			const municipalityId = user.memberships[0].organisationId;
			const { upcoming, scopeCount } = await loadDashboard(demo.db, user, TODAY);
			const schools = await demo.db
				.selectFrom('organisation')
				.select('id')
				.where('municipalityId', '=', municipalityId)
				.execute();
			expect(scopeCount).toBe(new Set([municipalityId, ...schools.map((s) => s.id)]).size);
			expect(upcoming.length).toBeGreaterThan(0);
		});

		it('shows the secretariat the whole alliance, sorted by start date', async () => {
			const user = await demoUser(demo.db, 'sekretariat@aarshjul.example');
			const { upcoming } = await loadDashboard(demo.db, user, TODAY);
			expect(upcoming.length).toBe(12);
			const starts = upcoming.map((a) => a.startDate);
			expect([...starts].sort()).toEqual(starts);
		});

		it('gives a user without organisations an empty list', async () => {
			const user = await demoUser(demo.db, 'skole@aarshjul.example');
			const { upcoming } = await loadDashboard(demo.db, { ...user, memberships: [] }, TODAY);
			expect(upcoming).toEqual([]);
		});
	});
});
