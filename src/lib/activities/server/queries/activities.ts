import type {
	Expression,
	ExpressionBuilder,
	Insertable,
	Kysely,
	SqlBool,
	Transaction,
	Updateable
} from 'kysely';
import type {
	ActivityStatus,
	ActivityTable,
	DB,
	OrganisationTable,
	Pillar,
	Visibility
} from '$lib/platform/server/db/schema';
import type { ActivityFilters } from '$lib/activities/filters-schema';
import type { RightsUser } from '../policy';

export type { ActivityFilters };

export interface ActivityListItem {
	id: string;
	title: string;
	place: string;
	startDate: string;
	endDate: string;
	startTime: string | null;
	endTime: string | null;
	visibility: Visibility;
	status: ActivityStatus;
	sequence: number;
	ownerId: string;
	ownerName: string;
	categoryId: string;
	categorySlug: string;
	categoryNameDa: string;
	categoryNameEn: string;
	pillar: Pillar;
	colour: string;
	ring: number;
}

type ActivityEb = ExpressionBuilder<DB, 'activity'>;

/** What the visibility rule reads of a user: the secretariat or not, and its organisations. */
export interface VisibilityUser {
	isSecretariat: boolean;
	memberships: readonly { organisationId: string }[];
}

/**
 * The one visibility rule in SQL (the same as canViewActivity): every list, endpoint, feed and export
 * starts from here, so a private activity never leaves the database for someone not allowed.
 */
export function visibilityFilter(user: VisibilityUser | null) {
	return (eb: ActivityEb): Expression<SqlBool> => {
		if (user?.isSecretariat) return eb.lit(true);
		const orgIds = user?.memberships.map((m) => m.organisationId) ?? [];
		if (orgIds.length === 0) return eb('activity.visibility', '=', 'public');
		return eb.or([
			eb('activity.visibility', 'in', ['public', 'alliance']),
			involvesOrganisations(eb, orgIds)
		]);
	};
}

/** Activities one of the organisations owns or takes part in. */
export function involvesOrganisations(
	eb: ActivityEb,
	orgIds: readonly string[]
): Expression<SqlBool> {
	return eb.or([
		eb('activity.ownerId', 'in', orgIds),
		eb.exists(
			eb
				.selectFrom('activityParticipant as vp')
				.select(eb.lit(1).as('one'))
				.whereRef('vp.activityId', '=', 'activity.id')
				.where('vp.organisationId', 'in', orgIds)
		)
	]);
}

export function visibleActivitiesQuery(db: Kysely<DB>, user: VisibilityUser | null) {
	return db.selectFrom('activity').where(visibilityFilter(user));
}

/** % and _ are wildcards in LIKE; a user searching for '50%' means the characters. */
export function escapeLike(text: string): string {
	return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

type OrgEb = ExpressionBuilder<DB & { o: OrganisationTable }, 'activity' | 'o'>;

/** The activity's owner or one of its participants (organisation alias 'o') satisfies `match`. */
function ownerOrParticipant(
	eb: ActivityEb,
	match: (o: OrgEb) => Expression<SqlBool>
): Expression<SqlBool> {
	return eb.exists(
		eb
			.selectFrom('organisation as o')
			.select(eb.lit(1).as('one'))
			.where((o) =>
				o.and([
					o.or([
						o('o.id', '=', o.ref('activity.ownerId')),
						o(
							'o.id',
							'in',
							o
								.selectFrom('activityParticipant as ap')
								.select('ap.organisationId')
								.whereRef('ap.activityId', '=', 'activity.id')
						)
					]),
					match(o)
				])
			)
	);
}

export function filterConditions(filters: ActivityFilters) {
	return (eb: ActivityEb): Expression<SqlBool> => {
		const parts: Expression<SqlBool>[] = [];
		if (filters.pillar) {
			parts.push(
				eb.exists(
					eb
						.selectFrom('category as fc')
						.select(eb.lit(1).as('one'))
						.whereRef('fc.id', '=', 'activity.categoryId')
						.where('fc.pillar', '=', filters.pillar)
				)
			);
		}
		if (filters.categoryIds?.length)
			parts.push(eb('activity.categoryId', 'in', filters.categoryIds));
		const municipality = filters.municipalityId;
		if (municipality) {
			parts.push(
				ownerOrParticipant(eb, (o) =>
					o.or([o('o.id', '=', municipality), o('o.municipalityId', '=', municipality)])
				)
			);
		}
		for (const orgId of [filters.schoolId, filters.companyId]) {
			if (orgId) parts.push(ownerOrParticipant(eb, (o) => o('o.id', '=', orgId)));
		}
		const trade = filters.trade;
		if (trade) {
			parts.push(
				ownerOrParticipant(eb, (o) =>
					o.exists(
						o
							.selectFrom('organisationTrade as ot')
							.select(o.lit(1).as('one'))
							.whereRef('ot.organisationId', '=', 'o.id')
							.where('ot.tradeCode', '=', trade)
					)
				)
			);
		}
		const q = filters.q?.trim();
		if (q) {
			const pattern = `%${escapeLike(q)}%`;
			parts.push(
				eb.or([
					eb('activity.title', 'ilike', pattern),
					eb('activity.description', 'ilike', pattern),
					eb('activity.place', 'ilike', pattern)
				])
			);
		}
		return eb.and(parts);
	};
}

/** When and where an activity happens and whether it still does: what every list of them shows. */
export const ACTIVITY_WHEN_COLUMNS = [
	'activity.title',
	'activity.place',
	'activity.startDate',
	'activity.endDate',
	'activity.startTime',
	'activity.endTime',
	'activity.status'
] as const;

/** Activity rows joined with their category and owner, visibility already applied. */
export function activityListQuery(db: Kysely<DB>, user: RightsUser | null) {
	return visibleActivitiesQuery(db, user)
		.innerJoin('category', 'category.id', 'activity.categoryId')
		.innerJoin('organisation as owner', 'owner.id', 'activity.ownerId')
		.select([
			'activity.id',
			...ACTIVITY_WHEN_COLUMNS,
			'activity.visibility',
			'activity.sequence',
			'activity.ownerId',
			'owner.name as ownerName',
			'activity.categoryId',
			'category.slug as categorySlug',
			'category.nameDa as categoryNameDa',
			'category.nameEn as categoryNameEn',
			'category.pillar',
			'category.colour',
			'category.ring'
		]);
}

/** Activities that overlap the inclusive date span [from, to], visible to the user, filtered. */
export async function listActivities(
	db: Kysely<DB>,
	user: RightsUser | null,
	options: { from: string; to: string; filters?: ActivityFilters }
): Promise<ActivityListItem[]> {
	return (
		activityListQuery(db, user)
			.where('activity.startDate', '<=', options.to)
			.where('activity.endDate', '>=', options.from)
			.where(filterConditions(options.filters ?? {}))
			.orderBy('activity.startDate')
			// All-day activities before timed ones on the same day.
			.orderBy('activity.startTime', (ob) => ob.asc().nullsFirst())
			.orderBy('activity.title')
			.orderBy('activity.id')
			.execute()
	);
}

/** The organisations taking part besides the owner, by name. */
export function listActivityParticipants(db: Kysely<DB>, activityId: string) {
	return db
		.selectFrom('activityParticipant')
		.innerJoin('organisation', 'organisation.id', 'activityParticipant.organisationId')
		.select(['organisation.id', 'organisation.name', 'organisation.kind'])
		.where('activityParticipant.activityId', '=', activityId)
		.orderBy('organisation.name')
		.execute();
}

export async function insertActivity(
	trx: Transaction<DB>,
	values: Insertable<ActivityTable>
): Promise<string> {
	const { id } = await trx
		.insertInto('activity')
		.values(values)
		.returning('id')
		.executeTakeFirstOrThrow();
	return id;
}

export async function updateActivityRow(
	trx: Transaction<DB>,
	id: string,
	values: Updateable<ActivityTable>
): Promise<void> {
	await trx.updateTable('activity').set(values).where('id', '=', id).execute();
}

/** Many activities in one statement (a series' occurrences); returns their ids in order. */
export async function insertActivities(
	trx: Transaction<DB>,
	rows: Insertable<ActivityTable>[]
): Promise<string[]> {
	const inserted = await trx.insertInto('activity').values(rows).returning('id').execute();
	return inserted.map((r) => r.id);
}

/** Deletes the activity; its participants go with it (on delete cascade). */
export async function deleteActivityRow(trx: Transaction<DB>, id: string): Promise<void> {
	await trx.deleteFrom('activity').where('id', '=', id).execute();
}

/** The activity's participants are exactly `organisationIds`. */
export async function replaceParticipants(
	trx: Transaction<DB>,
	activityId: string,
	organisationIds: readonly string[]
): Promise<void> {
	await trx.deleteFrom('activityParticipant').where('activityId', '=', activityId).execute();
	await insertParticipants(trx, [activityId], organisationIds);
}

/**
 * Every activity in `activityIds` gets every organisation in `organisationIds` as participant.
 * Bulk inserts in slices, below PostgreSQL's limit of 65,535 parameters per statement.
 */
export async function insertParticipants(
	trx: Transaction<DB>,
	activityIds: readonly string[],
	organisationIds: readonly string[]
): Promise<void> {
	const rows = activityIds.flatMap((activityId) =>
		organisationIds.map((organisationId) => ({ activityId, organisationId }))
	);
	for (let i = 0; i < rows.length; i += 5000) {
		await trx
			.insertInto('activityParticipant')
			.values(rows.slice(i, i + 5000))
			.execute();
	}
}

/** Marks a series occurrence as edited on its own; no-op for an activity outside a series. */
export async function detachOccurrence(db: Kysely<DB>, activityId: string): Promise<void> {
	await db
		.updateTable('activity')
		.set({ detached: true })
		.where('id', '=', activityId)
		.where('seriesId', 'is not', null)
		.execute();
}

/** The series an activity belongs to (null outside a series or when there is no such activity). */
export async function findSeriesIdOf(db: Kysely<DB>, activityId: string): Promise<string | null> {
	const row = await db
		.selectFrom('activity')
		.select('seriesId')
		.where('id', '=', activityId)
		.executeTakeFirst();
	return row?.seriesId ?? null;
}
