import type { Kysely } from 'kysely';
import type { DB } from '$lib/platform/server/db/schema';
import type { EvaluationUser } from './policy';

export interface RecentEvaluation {
	id: string;
	activityId: string;
	activityTitle: string;
	endDate: string;
	organisationName: string;
	participants: number;
	rating: number;
	comment: string;
	updatedAt: Date;
}

/**
 * The newest evaluations written by the user's own organisations (every one for the secretariat).
 * Writing an evaluation needs taking part, which makes the activity visible to the writer.
 */
export async function listRecentEvaluations(
	db: Kysely<DB>,
	user: EvaluationUser,
	limit = 20
): Promise<RecentEvaluation[]> {
	const orgIds = user.memberships.map((ms) => ms.organisationId);
	if (!user.isSecretariat && orgIds.length === 0) return [];
	let query = db
		.selectFrom('evaluation')
		.innerJoin('activity', 'activity.id', 'evaluation.activityId')
		.innerJoin('organisation', 'organisation.id', 'evaluation.organisationId')
		.select([
			'evaluation.id',
			'evaluation.activityId',
			'activity.title as activityTitle',
			'activity.endDate',
			'organisation.name as organisationName',
			'evaluation.participants',
			'evaluation.rating',
			'evaluation.comment',
			'evaluation.updatedAt'
		]);
	if (!user.isSecretariat) query = query.where('evaluation.organisationId', 'in', orgIds);
	return query
		.orderBy('evaluation.updatedAt', 'desc')
		.orderBy('evaluation.id')
		.limit(limit)
		.execute();
}
