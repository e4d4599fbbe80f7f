import { sql, type Kysely } from 'kysely';
import type { DB } from '$lib/platform/server/db/schema';

// The queries of the organisation export (export.ts) for the alliance work.

/** Tables exported column for column: the select list is also the CSV's header. */
export const HOLIDAY_COLUMNS = ['id', 'name', 'startDate', 'endDate'] as const;
export const OPENING_COLUMNS = [
	'id',
	'tradeCode',
	'positions',
	'startDate',
	'contactName',
	'contactEmail',
	'description',
	'status',
	'createdAt',
	'updatedAt'
] as const;

/** The alliance work of the organisation (issue 6) and a municipality's school holidays. */
export async function readAllianceTables(db: Kysely<DB>, id: string) {
	const [evaluations, holidays, commitments, openings, meetings] = await Promise.all([
		db
			.selectFrom('evaluation')
			.innerJoin('activity', 'activity.id', 'evaluation.activityId')
			.select([
				'evaluation.id',
				'activity.title as activityTitle',
				'activity.startDate',
				'evaluation.participants',
				'evaluation.rating',
				'evaluation.comment',
				'evaluation.createdAt',
				'evaluation.updatedAt'
			])
			.where('evaluation.organisationId', '=', id)
			.orderBy('activity.startDate')
			.execute(),
		db
			.selectFrom('schoolHoliday')
			.select(HOLIDAY_COLUMNS)
			.where('municipalityId', '=', id)
			.orderBy('startDate')
			.execute(),
		db
			.selectFrom('allianceCommitment')
			.select((eb) => [
				'allianceCommitment.contactName',
				'allianceCommitment.contactEmail',
				'allianceCommitment.contactPhone',
				'allianceCommitment.note',
				'allianceCommitment.joinedOn',
				eb
					.selectFrom('allianceCommitmentTrade')
					.select(sql<string[]>`coalesce(array_agg(trade_code order by trade_code), '{}')`.as('t'))
					.whereRef(
						'allianceCommitmentTrade.organisationId',
						'=',
						'allianceCommitment.organisationId'
					)
					.as('trades'),
				'allianceCommitment.createdAt',
				'allianceCommitment.updatedAt'
			])
			.where('allianceCommitment.organisationId', '=', id)
			.execute(),
		db
			.selectFrom('apprenticeshipOpening')
			.select(OPENING_COLUMNS)
			.where('organisationId', '=', id)
			.orderBy('startDate')
			.execute(),
		db
			.selectFrom('meetingOrganisation')
			.innerJoin('activity', 'activity.id', 'meetingOrganisation.activityId')
			.select([
				'activity.id as activityId',
				'activity.title',
				'activity.startDate',
				'meetingOrganisation.invited',
				'meetingOrganisation.present'
			])
			.where('meetingOrganisation.organisationId', '=', id)
			.orderBy('activity.startDate')
			.execute()
	]);
	return { evaluations, holidays, commitments, openings, meetings };
}
