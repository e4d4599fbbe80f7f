import type { Transaction } from 'kysely';
import type { DB } from '../../src/lib/platform/server/db/schema';
import type { ActivitySeed } from './activity';
import type { HolidaySeed } from './holidays';
import { seedId } from './ids';
import { fromExcluded, lookup, type IdsBySlug } from './write';

type Trx = Transaction<DB>;

const ACTIVITY_COLUMNS = [
	'ownerId',
	'categoryId',
	'title',
	'description',
	'place',
	'startDate',
	'endDate',
	'startTime',
	'endTime',
	'visibility',
	'status'
] as const;

export async function upsertActivities(
	trx: Trx,
	activities: ActivitySeed[],
	organisationIds: IdsBySlug,
	categoryIds: IdsBySlug
): Promise<void> {
	const withIds = activities.map((a) => ({ ...a, id: seedId('activity', a.key) }));
	await trx
		.insertInto('activity')
		.values(
			withIds.map((a) => ({
				id: a.id,
				ownerId: lookup(organisationIds, a.owner, 'organisation'),
				categoryId: lookup(categoryIds, a.category, 'category'),
				title: a.title,
				description: a.description,
				place: a.place,
				startDate: a.startDate,
				endDate: a.endDate,
				startTime: a.startTime,
				endTime: a.endTime,
				visibility: a.visibility,
				status: a.status
			}))
		)
		.onConflict((oc) => oc.column('id').doUpdateSet(fromExcluded(ACTIVITY_COLUMNS)))
		.execute();
	const participants = withIds.flatMap((a) =>
		a.participants.map((slug) => ({
			activityId: a.id,
			organisationId: lookup(organisationIds, slug, 'organisation')
		}))
	);
	await trx
		.insertInto('activityParticipant')
		.values(participants)
		.onConflict((oc) => oc.columns(['activityId', 'organisationId']).doNothing())
		.execute();
}

export async function upsertHolidays(
	trx: Trx,
	holidays: HolidaySeed[],
	organisationIds: IdsBySlug
): Promise<void> {
	await trx
		.insertInto('schoolHoliday')
		.values(
			holidays.map((h) => ({
				id: seedId('school-holiday', `${h.municipality}:${h.key}`),
				municipalityId: lookup(organisationIds, h.municipality, 'municipality'),
				name: h.name,
				startDate: h.startDate,
				endDate: h.endDate
			}))
		)
		.onConflict((oc) =>
			oc.column('id').doUpdateSet(fromExcluded(['municipalityId', 'name', 'startDate', 'endDate']))
		)
		.execute();
}
