import { describe, expect, it } from 'vitest';
import { seedDemo } from '../../db/seed/index';
import { EVALUATIONS } from '../../db/seed/evaluations';
import { listActivitiesLackingEvaluation } from '../../src/lib/evaluations/server/evaluation';
import { demoUser, useDemoDatabase } from './demo-fixtures';

/** The demo's "today": the seed's evaluations are of activities that ended before it. */
const DEMO_NOW = new Date('2026-11-27T12:00:00Z');

const demo = useDemoDatabase();

describe('db/seed/evaluations', () => {
	describe('seedEvaluations', () => {
		it('adds nothing on a second run', async () => {
			const count = async () =>
				Number(
					(
						await demo.db
							.selectFrom('evaluation')
							.select((eb) => eb.fn.countAll<number>().as('n'))
							.executeTakeFirstOrThrow()
					).n
				);
			expect(await count()).toBe(EVALUATIONS.length);
			await seedDemo(demo.db);
			expect(await count()).toBe(EVALUATIONS.length);
		});

		it('evaluates 15 activities that ended before the demo day, each by an organisation taking part', async () => {
			const rows = await demo.db
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
			const school = await demoUser(demo.db, 'skole@aarshjul.example');
			const lacking = await listActivitiesLackingEvaluation(demo.db, school, {
				schoolYear: '2026/27',
				now: DEMO_NOW
			});
			expect(lacking.map((a) => `${a.startDate} ${a.title}`)).toEqual([
				'2026-09-22 GF1-inspirationsdag: Metal og maskin'
			]);
			const secretariat = await demoUser(demo.db, 'sekretariat@aarshjul.example');
			const all = await listActivitiesLackingEvaluation(demo.db, secretariat, {
				schoolYear: '2026/27',
				now: DEMO_NOW
			});
			expect(all.length).toBeGreaterThanOrEqual(8);
			expect(all.map((a) => a.title)).toContain('Erhvervspraktik 9. klasse hos Bygholm Stål');
		});
	});
});
