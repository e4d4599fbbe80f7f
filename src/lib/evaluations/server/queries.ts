import { sql, type Kysely, type Transaction } from 'kysely';
import type { Actor } from '$lib/auth';
import type { ActivityStatus, DB, OrganisationKind } from '$lib/platform/server/db/schema';
import { activityListQuery, UUID } from '$lib/activities/server';
import {
	canDeleteEvaluation,
	canViewEvaluation,
	hasActivityEnded,
	NOT_EVALUATED_CATEGORIES,
	type EvaluatedActivity
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
	user: Actor | null,
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

/** Evaluations with the organisation that wrote them. */
function evaluationsWithOrganisation(db: Kysely<DB>) {
	return db
		.selectFrom('evaluation')
		.innerJoin('organisation', 'organisation.id', 'evaluation.organisationId');
}

/** What an evaluation says, as the activity's page and the list of recent ones show it. */
const EVALUATION_COLUMNS = [
	'evaluation.id',
	'organisation.name as organisationName',
	'evaluation.participants',
	'evaluation.rating',
	'evaluation.comment',
	'evaluation.updatedAt'
] as const;

/** The activity's evaluations this user may read (see canViewEvaluation). */
export async function evaluationsInContext(
	db: Kysely<DB>,
	user: Actor | null,
	context: EvaluationContext
): Promise<EvaluationView[]> {
	const rows = await evaluationsWithOrganisation(db)
		.leftJoin('appUser', 'appUser.id', 'evaluation.createdBy')
		.select([
			...EVALUATION_COLUMNS,
			'evaluation.organisationId',
			'organisation.municipalityId',
			'appUser.name as createdByName'
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
	user: Actor | null,
	activityId: string,
	now = new Date()
): Promise<EvaluationView[] | null> {
	const context = await loadEvaluationContext(db, user, activityId, now);
	return context ? evaluationsInContext(db, user, context) : null;
}

/** The id of the organisation's evaluation of the activity, or null when it has none yet. */
export async function findEvaluationId(
	trx: Transaction<DB>,
	activityId: string,
	organisationId: string
): Promise<string | null> {
	const row = await trx
		.selectFrom('evaluation')
		.select('id')
		.where('activityId', '=', activityId)
		.where('organisationId', '=', organisationId)
		.executeTakeFirst();
	return row?.id ?? null;
}

export interface EvaluationValues {
	participants: number;
	rating: number;
	comment: string;
}

/** Writes the organisation's evaluation of the activity, replacing the one it had. */
export async function upsertEvaluation(
	trx: Transaction<DB>,
	evaluation: { activityId: string; organisationId: string; createdBy: string },
	values: EvaluationValues
): Promise<string> {
	const { id } = await trx
		.insertInto('evaluation')
		.values({ ...values, ...evaluation })
		// A concurrent first save of the same organisation becomes an update, not an error.
		.onConflict((oc) =>
			oc.columns(['activityId', 'organisationId']).doUpdateSet({ ...values, updatedAt: sql`now()` })
		)
		.returning('id')
		.executeTakeFirstOrThrow();
	return id;
}

/** One evaluation of the activity, locked for deleting, with its organisation's municipality. */
export function lockEvaluation(trx: Transaction<DB>, activityId: string, evaluationId: string) {
	return evaluationsWithOrganisation(trx)
		.select(['evaluation.id', 'evaluation.organisationId', 'organisation.municipalityId'])
		.where('evaluation.id', '=', evaluationId)
		.where('evaluation.activityId', '=', activityId)
		.forUpdate()
		.executeTakeFirst();
}

export async function deleteEvaluationRow(trx: Transaction<DB>, id: string): Promise<void> {
	await trx.deleteFrom('evaluation').where('id', '=', id).execute();
}

/**
 * Activity × taking-part organisation pairs without an evaluation: activities that are not
 * cancelled, not meetings, and end between `from` and `upTo` (whole days), ordered by end date,
 * title and organisation name. `organisationIds` null means every organisation.
 */
export function listUnevaluatedParticipations(
	db: Kysely<DB>,
	range: { from: string; upTo: string },
	organisationIds: readonly string[] | null
) {
	let query = db
		.with('involved', (w) =>
			w
				.selectFrom('activity')
				.select(['id as activityId', 'ownerId as organisationId'])
				.union(w.selectFrom('activityParticipant').select(['activityId', 'organisationId']))
		)
		.selectFrom('involved')
		.innerJoin('activity', 'activity.id', 'involved.activityId')
		.innerJoin('category', 'category.id', 'activity.categoryId')
		.innerJoin('organisation as owner', 'owner.id', 'activity.ownerId')
		.innerJoin('organisation as o', 'o.id', 'involved.organisationId')
		.select([
			'activity.id',
			'activity.title',
			'activity.startDate',
			'activity.endDate',
			'activity.endTime',
			'owner.name as ownerName',
			'o.id as organisationId',
			'o.name as organisationName'
		])
		.where('activity.status', '<>', 'cancelled')
		.where('category.slug', 'not in', NOT_EVALUATED_CATEGORIES)
		.where('activity.endDate', '>=', range.from)
		.where('activity.endDate', '<=', range.upTo)
		.where((eb) =>
			eb.not(
				eb.exists(
					eb
						.selectFrom('evaluation')
						.select(eb.lit(1).as('one'))
						.whereRef('evaluation.activityId', '=', 'involved.activityId')
						.whereRef('evaluation.organisationId', '=', 'involved.organisationId')
				)
			)
		);
	if (organisationIds) query = query.where('involved.organisationId', 'in', organisationIds);
	return query
		.orderBy('activity.endDate')
		.orderBy('activity.title')
		.orderBy('activity.id')
		.orderBy('o.name')
		.execute();
}

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
	user: Actor,
	limit = 20
): Promise<RecentEvaluation[]> {
	const orgIds = user.memberships.map((ms) => ms.organisationId);
	if (!user.isSecretariat && orgIds.length === 0) return [];
	let query = evaluationsWithOrganisation(db)
		.innerJoin('activity', 'activity.id', 'evaluation.activityId')
		.select([
			...EVALUATION_COLUMNS,
			'evaluation.activityId',
			'activity.title as activityTitle',
			'activity.endDate'
		]);
	if (!user.isSecretariat) query = query.where('evaluation.organisationId', 'in', orgIds);
	return query
		.orderBy('evaluation.updatedAt', 'desc')
		.orderBy('evaluation.id')
		.limit(limit)
		.execute();
}
