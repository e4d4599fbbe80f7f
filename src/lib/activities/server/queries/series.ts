import type { Insertable, Kysely, Transaction, Updateable } from 'kysely';
import type { RecurrenceRule } from '$lib/wheel';
import type {
	Activity,
	ActivitySeries,
	ActivitySeriesTable,
	ActivityStatus,
	DB,
	Visibility
} from '$lib/platform/server/db/schema';
import { canDeleteActivity, canEditActivity, canViewActivity, type RightsUser } from '../policy';
import { UUID } from '../core';
import { visibleActivitiesQuery } from './activities';

export interface SeriesOccurrence {
	id: string;
	title: string;
	startDate: string;
	endDate: string;
	status: ActivityStatus;
	detached: boolean;
}

export interface SeriesDetail {
	id: string;
	ownerId: string;
	ownerName: string;
	categoryId: string;
	categoryNameDa: string;
	categoryNameEn: string;
	title: string;
	description: string;
	place: string;
	startTime: string | null;
	endTime: string | null;
	visibility: Visibility;
	rule: RecurrenceRule;
	startsOn: string;
	until: string | null;
	occurrenceCount: number | null;
	participantIds: string[];
	occurrences: SeriesOccurrence[];
	canEdit: boolean;
	canDelete: boolean;
}

/** The series with the occurrences the user may see, or null (the route says 404). */
export async function findSeriesForUser(
	db: Kysely<DB>,
	user: RightsUser | null,
	id: string
): Promise<SeriesDetail | null> {
	if (!UUID.test(id)) return null;
	const series = await db
		.selectFrom('activitySeries as s')
		.innerJoin('organisation as owner', 'owner.id', 's.ownerId')
		.innerJoin('category', 'category.id', 's.categoryId')
		.selectAll('s')
		.select([
			'owner.name as ownerName',
			'category.nameDa as categoryNameDa',
			'category.nameEn as categoryNameEn'
		])
		.where('s.id', '=', id)
		.executeTakeFirst();
	if (!series || !canViewActivity(user, series, series.participantIds)) return null;
	const occurrences = await visibleActivitiesQuery(db, user)
		.select([
			'activity.id',
			'activity.title',
			'activity.startDate',
			'activity.endDate',
			'activity.status',
			'activity.detached'
		])
		.where('activity.seriesId', '=', id)
		.orderBy('activity.startDate')
		.orderBy('activity.id')
		.execute();
	return {
		id: series.id,
		ownerId: series.ownerId,
		ownerName: series.ownerName,
		categoryId: series.categoryId,
		categoryNameDa: series.categoryNameDa,
		categoryNameEn: series.categoryNameEn,
		title: series.title,
		description: series.description,
		place: series.place,
		startTime: series.startTime,
		endTime: series.endTime,
		visibility: series.visibility,
		rule: series.rule as RecurrenceRule,
		startsOn: series.startsOn,
		until: series.until,
		occurrenceCount: series.occurrenceCount,
		participantIds: series.participantIds,
		occurrences,
		canEdit: canEditActivity(user, series),
		canDelete: canDeleteActivity(user, series)
	};
}

export async function insertSeries(
	trx: Transaction<DB>,
	values: Insertable<ActivitySeriesTable>
): Promise<string> {
	const { id } = await trx
		.insertInto('activitySeries')
		.values(values)
		.returning('id')
		.executeTakeFirstOrThrow();
	return id;
}

/** The series row locked for a change, or undefined when there is none. */
export function lockSeries(trx: Transaction<DB>, id: string): Promise<ActivitySeries | undefined> {
	return trx
		.selectFrom('activitySeries')
		.selectAll()
		.where('id', '=', id)
		.forUpdate()
		.executeTakeFirst();
}

/** Every occurrence of the series, detached ones included. */
export function listSeriesActivities(trx: Transaction<DB>, seriesId: string): Promise<Activity[]> {
	return trx.selectFrom('activity').selectAll().where('seriesId', '=', seriesId).execute();
}

export async function deleteActivities(
	trx: Transaction<DB>,
	ids: readonly string[]
): Promise<void> {
	if (ids.length === 0) return;
	await trx
		.deleteFrom('activity')
		.where('id', 'in', [...ids])
		.execute();
}

export async function deleteParticipantsOf(
	trx: Transaction<DB>,
	activityIds: readonly string[]
): Promise<void> {
	if (activityIds.length === 0) return;
	await trx
		.deleteFrom('activityParticipant')
		.where('activityId', 'in', [...activityIds])
		.execute();
}

export async function updateSeriesRow(
	trx: Transaction<DB>,
	id: string,
	values: Updateable<ActivitySeriesTable>
): Promise<void> {
	await trx.updateTable('activitySeries').set(values).where('id', '=', id).execute();
}

/** Deletes the series with every occurrence, detached ones included (on delete cascade). */
export async function deleteSeriesRow(trx: Transaction<DB>, id: string): Promise<void> {
	await trx.deleteFrom('activitySeries').where('id', '=', id).execute();
}
