import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../db/seed/index';
import { EVALUATIONS } from '../../db/seed/evaluations';
import type { Database } from '../../src/lib/platform/server/db/engine';
import { listActivitiesLackingEvaluation } from '../../src/lib/evaluations/server/evaluation';
import { findSessionMemberships } from '../../src/lib/auth/server/session';
import { createTestDatabase } from '../helpers/db';

/** The demo's "today": the seed's evaluations are of activities that ended before it. */
const DEMO_NOW = new Date('2026-11-27T12:00:00Z');

let database: Database;

beforeAll(async () => {
	database = await createTestDatabase();
	await seedDemo(database.db);
});
afterAll(async () => {
	await database.close();
});

async function demoUser(email: string) {
	const user = await database.db
		.selectFrom('appUser')
		.select(['id', 'email', 'name', 'isSecretariat'])
		.where('email', '=', email)
		.executeTakeFirstOrThrow();
	return { ...user, memberships: await findSessionMemberships(database.db, user.id) };
}

describe('db/seed/evaluations', () => {
	describe('seedEvaluations', () => {
		it('adds nothing on a second run', async () => {
			const count = async () =>
				Number(
					(
						await database.db
							.selectFrom('evaluation')
							.select((eb) => eb.fn.countAll<number>().as('n'))
							.executeTakeFirstOrThrow()
					).n
				);
			expect(await count()).toBe(EVALUATIONS.length);
			await seedDemo(database.db);
			expect(await count()).toBe(EVALUATIONS.length);
		});

		it('evaluates 15 activities that ended before the demo day, each by an organisation taking part', async () => {
			const rows = await database.db
				.selectFrom('evaluation')
				.innerJoin('activity', 'activity.id', 'evaluation.activityId')
				.select([
					'activity.id',
					'activity.endDate',
					'activity.status',
					(eb) =>
						eb
							.or([
								eb('activity.ownerId', '=', eb.ref('evaluation.organisationId')),
								eb.exists(
									eb
										.selectFrom('activityParticipant as ap')
										.select('ap.organisationId')
										.whereRef('ap.activityId', '=', 'activity.id')
										.whereRef('ap.organisationId', '=', 'evaluation.organisationId')
								)
							])
							.as('involved')
				])
				.execute();
			expect(new Set(rows.map((r) => r.id)).size).toBe(15);
			for (const r of rows) {
				expect(r.involved).toBe(true);
				expect(r.status).toBe('planned');
				expect(r.endDate >= '2026-08-01' && r.endDate < '2026-11-27').toBe(true);
			}
		});

		it('leaves ended activities for the demo school to evaluate', async () => {
			const school = await demoUser('skole@aarshjul.example');
			const lacking = await listActivitiesLackingEvaluation(database.db, school, {
				schoolYear: '2026/27',
				now: DEMO_NOW
			});
			expect(lacking.map((a) => `${a.startDate} ${a.title}`)).toEqual([
				'2026-09-22 GF1-inspirationsdag: Metal og maskin'
			]);
			const secretariat = await demoUser('sekretariat@aarshjul.example');
			const all = await listActivitiesLackingEvaluation(database.db, secretariat, {
				schoolYear: '2026/27',
				now: DEMO_NOW
			});
			expect(all.length).toBeGreaterThanOrEqual(8);
			expect(all.map((a) => a.title)).toContain('Erhvervspraktik 9. klasse hos Bygholm Stål');
		});
	});
});
