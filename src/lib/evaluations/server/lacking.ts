import type { Kysely } from 'kysely';
import { copenhagenToday, minDate } from '$lib/platform/dates/iso';
import { schoolYearRange, type SchoolYearLabel } from '$lib/platform/dates/school-year';
import type { DB } from '$lib/platform/server/db/schema';
import { NOT_EVALUATED_CATEGORIES, hasActivityEnded, type EvaluationUser } from './policy';

export interface LackingActivity {
	id: string;
	title: string;
	startDate: string;
	endDate: string;
	ownerName: string;
	/** The organisations (of this user, or all for the secretariat) that have not evaluated. */
	missing: { id: string; name: string }[];
}

/**
 * Ended, not cancelled activities of the school year where one of the user's organisations takes
 * part and has not evaluated yet; for the secretariat every such activity and organisation.
 * Taking part makes an activity visible (visibilityFilter), so no further visibility check.
 */
export async function listActivitiesLackingEvaluation(
	db: Kysely<DB>,
	user: EvaluationUser,
	options: { schoolYear: SchoolYearLabel; now?: Date }
): Promise<LackingActivity[]> {
	const now = options.now ?? new Date();
	const range = schoolYearRange(options.schoolYear);
	const upTo = minDate(range.end, copenhagenToday(now));
	const orgIds = user.memberships.map((ms) => ms.organisationId);
	if (upTo < range.start || (!user.isSecretariat && orgIds.length === 0)) return [];
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
		.where('activity.endDate', '>=', range.start)
		.where('activity.endDate', '<=', upTo)
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
	if (!user.isSecretariat) query = query.where('involved.organisationId', 'in', orgIds);
	const rows = await query
		.orderBy('activity.endDate')
		.orderBy('activity.title')
		.orderBy('activity.id')
		.orderBy('o.name')
		.execute();
	const byActivity = new Map<string, LackingActivity>();
	for (const r of rows) {
		// The SQL keeps whole days up to today; an activity that ends later today is not over yet.
		if (!hasActivityEnded(r, now)) continue;
		let item = byActivity.get(r.id);
		if (!item) {
			const { id, title, startDate, endDate, ownerName } = r;
			item = { id, title, startDate, endDate, ownerName, missing: [] };
			byActivity.set(r.id, item);
		}
		item.missing.push({ id: r.organisationId, name: r.organisationName });
	}
	return [...byActivity.values()];
}
