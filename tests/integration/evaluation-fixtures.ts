import type { Kysely } from 'kysely';
import type { Database } from '../../src/lib/platform/server/db/engine';
import type { DB } from '../../src/lib/platform/server/db/schema';
import type { SessionUser } from '../../src/lib/auth/server/session';
import { addUser } from '../helpers/world';
import { createWorld, insertActivity, type ActivityWorld } from './activity-fixtures';

// The activity world (a school owns, a smithy takes part) with activities around one fixed "now".

/** 13:00 in Copenhagen (CET, UTC+1) on Friday 27 November 2026. */
export const NOW = new Date('2026-11-27T12:00:00Z');
export const YEAR = '2026/27';

export interface EvaluationWorld extends ActivityWorld {
	/** A member of Horsens Kommune, the school's municipality. */
	municipality: SessionUser;
	/** A member of both the school and the smithy: chooses whom to evaluate for. */
	twoOrgs: SessionUser;
	act: {
		/** Praktik week 2-6 Nov, private: owner school, smithy takes part. Ended. */
		praktik: string;
		/** Visit today 10-12 at the smithy, the school takes part. Ended an hour ago. */
		visitDone: string;
		/** Visit today 13:30-14:00 at the school. Not ended. */
		visitLater: string;
		/** All-day today, owned by the school. Not ended until midnight. */
		allDayToday: string;
		/** Ended in October, but cancelled. */
		cancelled: string;
		/** An alliance meeting the school took part in: meetings are not evaluated. */
		meeting: string;
		/** June 2026: ended, in the previous school year. */
		lastYear: string;
		/** Ended, alliance-visible: the tech company owns, the Odder school takes part. */
		otherOrgs: string;
		/** February 2027. */
		future: string;
	};
}

function memberUser(db: Kysely<DB>, name: string, organisationIds: string[]) {
	return addUser(db, { name, memberships: organisationIds.map((id) => [id, 'member']) });
}

export async function createEvaluationWorld(database: Database): Promise<EvaluationWorld> {
	const world = await createWorld(database);
	const db = database.db;
	const { school, smedCompany, techCompany, odderSchool, partner, horsens } = world.org;
	const { praktik, moede } = world.category;
	const schoolOwns = { ownerId: school, categoryId: praktik };
	const act = {
		praktik: await insertActivity(db, {
			...schoolOwns,
			title: 'Praktik uge 45',
			startDate: '2026-11-02',
			endDate: '2026-11-06',
			visibility: 'private',
			participants: [smedCompany]
		}),
		visitDone: await insertActivity(db, {
			ownerId: smedCompany,
			categoryId: praktik,
			title: 'Besøg formiddag',
			startDate: '2026-11-27',
			endDate: '2026-11-27',
			startTime: '10:00:00',
			endTime: '12:00:00',
			participants: [school]
		}),
		visitLater: await insertActivity(db, {
			...schoolOwns,
			title: 'Besøg eftermiddag',
			startDate: '2026-11-27',
			endDate: '2026-11-27',
			startTime: '13:30:00',
			endTime: '14:00:00'
		}),
		allDayToday: await insertActivity(db, {
			...schoolOwns,
			title: 'Temadag',
			startDate: '2026-11-27',
			endDate: '2026-11-27'
		}),
		cancelled: await insertActivity(db, {
			...schoolOwns,
			title: 'Aflyst besøg',
			startDate: '2026-10-05',
			endDate: '2026-10-05'
		}),
		meeting: await insertActivity(db, {
			ownerId: partner,
			categoryId: moede,
			title: 'Alliancemøde',
			startDate: '2026-09-24',
			endDate: '2026-09-24',
			participants: [school]
		}),
		lastYear: await insertActivity(db, {
			...schoolOwns,
			title: 'Praktik juni',
			startDate: '2026-06-08',
			endDate: '2026-06-12'
		}),
		otherOrgs: await insertActivity(db, {
			ownerId: techCompany,
			categoryId: praktik,
			title: 'Tekniq åbent hus',
			startDate: '2026-10-20',
			endDate: '2026-10-20',
			visibility: 'alliance',
			participants: [odderSchool]
		}),
		future: await insertActivity(db, { ...schoolOwns, title: 'Praktik februar' })
	};
	await db
		.updateTable('activity')
		.set({ status: 'cancelled' })
		.where('id', '=', act.cancelled)
		.execute();
	return {
		...world,
		municipality: await memberUser(db, 'Kommunemedlem', [horsens]),
		twoOrgs: await memberUser(db, 'Dobbelt', [school, smedCompany]),
		act
	};
}

export async function countEvaluationRows(db: Kysely<DB>) {
	const count = async (table: 'evaluation' | 'auditEvent') =>
		Number(
			(
				await db
					.selectFrom(table)
					.select((eb) => eb.fn.countAll<number>().as('n'))
					.executeTakeFirstOrThrow()
			).n
		);
	return { evaluations: await count('evaluation'), audits: await count('auditEvent') };
}

export const goodInput = (organisationId: string, over: Record<string, unknown> = {}) => ({
	organisationId,
	participants: 24,
	rating: 4,
	comment: 'Godt besøg',
	...over
});
