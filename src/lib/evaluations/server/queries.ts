import type { Kysely } from 'kysely';
import type { ActivityStatus, DB, OrganisationKind } from '$lib/platform/server/db/schema';
import { activityListQuery, UUID } from '$lib/activities/server';
import {
	canDeleteEvaluation,
	canViewEvaluation,
	hasActivityEnded,
	type EvaluatedActivity,
	type EvaluationUser
} from './policy';

export interface InvolvedOrganisation {
	id: string;
	name: string;
	kind: OrganisationKind;
	municipalityId: string | null;
}

export interface EvaluationContext {
	activity: {
		id: string;
		title: string;
		startDate: string;
		endDate: string;
		startTime: string | null;
		endTime: string | null;
		status: ActivityStatus;
		ownerName: string;
	};
	rights: EvaluatedActivity;
	/** The owner first, then the participants by name. */
	organisations: InvolvedOrganisation[];
}

/** The activity as the evaluation rules see it, or null when it is missing or not visible. */
export async function loadEvaluationContext(
	db: Kysely<DB>,
	user: EvaluationUser | null,
	activityId: string,
	now: Date
): Promise<EvaluationContext | null> {
	if (!UUID.test(activityId)) return null;
	const row = await activityListQuery(db, user)
		.where('activity.id', '=', activityId)
		.executeTakeFirst();
	if (!row) return null;
	const organisations = await db
		.selectFrom('organisation')
		.select(['id', 'name', 'kind', 'municipalityId'])
		.where((eb) =>
			eb.or([
				eb('id', '=', row.ownerId),
				eb(
					'id',
					'in',
					eb
						.selectFrom('activityParticipant')
						.select('organisationId')
						.where('activityId', '=', activityId)
				)
			])
		)
		.orderBy((eb) => eb.case().when('id', '=', row.ownerId).then(0).else(1).end())
		.orderBy('name')
		.execute();
	return {
		activity: {
			id: row.id,
			title: row.title,
			startDate: row.startDate,
			endDate: row.endDate,
			startTime: row.startTime,
			endTime: row.endTime,
			status: row.status,
			ownerName: row.ownerName
		},
		rights: {
			ownerId: row.ownerId,
			status: row.status,
			categorySlug: row.categorySlug,
			involvedIds: organisations.map((o) => o.id),
			ended: hasActivityEnded(row, now)
		},
		organisations
	};
}

export interface EvaluationView {
	id: string;
	organisationId: string;
	organisationName: string;
	participants: number;
	rating: number;
	comment: string;
	createdByName: string | null;
	updatedAt: Date;
	canDelete: boolean;
}

/** The activity's evaluations this user may read (see canViewEvaluation). */
export async function evaluationsInContext(
	db: Kysely<DB>,
	user: EvaluationUser | null,
	context: EvaluationContext
): Promise<EvaluationView[]> {
	const rows = await db
		.selectFrom('evaluation')
		.innerJoin('organisation', 'organisation.id', 'evaluation.organisationId')
		.leftJoin('appUser', 'appUser.id', 'evaluation.createdBy')
		.select([
			'evaluation.id',
			'evaluation.organisationId',
			'organisation.name as organisationName',
			'organisation.municipalityId',
			'evaluation.participants',
			'evaluation.rating',
			'evaluation.comment',
			'appUser.name as createdByName',
			'evaluation.updatedAt'
		])
		.where('evaluation.activityId', '=', context.activity.id)
		.orderBy('organisation.name')
		.execute();
	return rows
		.filter((r) => canViewEvaluation(user, context.rights, r))
		.map(({ municipalityId, ...r }) => ({
			...r,
			canDelete: canDeleteEvaluation(user, { organisationId: r.organisationId, municipalityId })
		}));
}

/** Null when the activity is missing or not visible to the user (the route answers 404). */
export async function listEvaluationsForActivity(
	db: Kysely<DB>,
	user: EvaluationUser | null,
	activityId: string,
	now = new Date()
): Promise<EvaluationView[] | null> {
	const context = await loadEvaluationContext(db, user, activityId, now);
	return context ? evaluationsInContext(db, user, context) : null;
}
