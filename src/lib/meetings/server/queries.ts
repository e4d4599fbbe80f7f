import type { Kysely, Transaction } from 'kysely';
import type { Actor } from '$lib/auth';
import type {
	ActivityStatus,
	DB,
	OrganisationKind,
	Visibility
} from '$lib/platform/server/db/schema';
import {
	ACTIVITY_WHEN_COLUMNS,
	visibleActivitiesQuery,
	UUID,
	type ActivityListItem
} from '$lib/activities/server';
import { canReadAgenda } from './policy';
import { renderMarkdown } from './markdown';

/**
 * Meetings whose activity the user may see (the activity rules) and whose agenda and minutes
 * the user may read (canReadAgenda, mirrored here in SQL so lists never load the others).
 */
export function readableMeetingsQuery(db: Kysely<DB>, user: Actor | null) {
	const query = visibleActivitiesQuery(db, user)
		.innerJoin('meeting', 'meeting.activityId', 'activity.id')
		.innerJoin('organisation as owner', 'owner.id', 'activity.ownerId');
	if (user?.isSecretariat) return query;
	const orgIds = user?.memberships.map((ms) => ms.organisationId) ?? [];
	return query.where((eb) =>
		orgIds.length === 0
			? eb.lit(false)
			: eb.or([
					eb('activity.ownerId', 'in', orgIds),
					eb.exists(
						eb
							.selectFrom('meetingOrganisation as mo')
							.select(eb.lit(1).as('one'))
							.whereRef('mo.activityId', '=', 'activity.id')
							.where('mo.invited', '=', true)
							.where('mo.organisationId', 'in', orgIds)
					)
				])
	);
}

export interface MeetingListItem extends Pick<
	ActivityListItem,
	'id' | 'title' | 'place' | 'startDate' | 'endDate' | 'startTime' | 'endTime' | 'status'
> {
	invitedCount: number;
	presentCount: number;
	hasMinutes: boolean;
}

/** Upcoming meetings (from today, soonest first) and past ones (latest first). */
export async function listMeetings(
	db: Kysely<DB>,
	user: Actor | null,
	today: string
): Promise<{ upcoming: MeetingListItem[]; past: MeetingListItem[] }> {
	const rows = await readableMeetingsQuery(db, user)
		.select((eb) => [
			'activity.id',
			...ACTIVITY_WHEN_COLUMNS,
			eb('meeting.minutes', '<>', '').as('hasMinutes'),
			eb
				.selectFrom('meetingOrganisation as mo')
				.select((s) => s.fn.countAll<string>().as('n'))
				.whereRef('mo.activityId', '=', 'activity.id')
				.where('mo.invited', '=', true)
				.as('invitedCount'),
			eb
				.selectFrom('meetingOrganisation as mo')
				.select((s) => s.fn.countAll<string>().as('n'))
				.whereRef('mo.activityId', '=', 'activity.id')
				.where('mo.present', '=', true)
				.as('presentCount')
		])
		.orderBy('activity.startDate')
		.orderBy('activity.startTime')
		.execute();
	const items = rows.map((r) => ({
		...r,
		hasMinutes: Boolean(r.hasMinutes),
		invitedCount: Number(r.invitedCount ?? 0),
		presentCount: Number(r.presentCount ?? 0)
	}));
	return {
		upcoming: items.filter((r) => r.endDate >= today),
		past: items.filter((r) => r.endDate < today).reverse()
	};
}

export interface MeetingOrganisation {
	id: string;
	name: string;
	kind: OrganisationKind;
	present: boolean;
}

export interface MeetingLink {
	id: string;
	title: string;
	startDate: string;
	status: ActivityStatus;
}

export interface MeetingDetail {
	id: string;
	title: string;
	description: string;
	place: string;
	startDate: string;
	endDate: string;
	startTime: string | null;
	endTime: string | null;
	status: ActivityStatus;
	visibility: Visibility;
	ownerId: string;
	ownerName: string;
	agenda: string;
	minutes: string;
	/** Sanitised HTML: the only thing the page gives to {@html}. */
	agendaHtml: string;
	minutesHtml: string;
	minutesUpdatedAt: Date | null;
	minutesUpdatedByName: string | null;
	invited: MeetingOrganisation[];
	invitedOrgIds: string[];
	previous: MeetingLink | null;
	next: MeetingLink[];
}

/** The meeting, or null when it does not exist or the user may not read it (the route says 404). */
export async function findMeeting(
	db: Kysely<DB>,
	user: Actor | null,
	id: string
): Promise<MeetingDetail | null> {
	if (!UUID.test(id)) return null;
	const row = await readableMeetingsQuery(db, user)
		.leftJoin('appUser as editor', 'editor.id', 'meeting.minutesUpdatedBy')
		.select([
			'activity.id',
			...ACTIVITY_WHEN_COLUMNS,
			'activity.description',
			'activity.visibility',
			'activity.ownerId',
			'owner.name as ownerName',
			'meeting.agenda',
			'meeting.minutes',
			'meeting.minutesUpdatedAt',
			'editor.name as minutesUpdatedByName',
			'meeting.previousActivityId'
		])
		.where('activity.id', '=', id)
		.executeTakeFirst();
	if (!row) return null;
	const invited = await db
		.selectFrom('meetingOrganisation as mo')
		.innerJoin('organisation', 'organisation.id', 'mo.organisationId')
		.select(['organisation.id', 'organisation.name', 'organisation.kind', 'mo.present'])
		.where('mo.activityId', '=', id)
		.where('mo.invited', '=', true)
		.orderBy('organisation.name')
		.execute();
	const invitedOrgIds = invited.map((o) => o.id);
	// The SQL filter and the rule must agree; checking both keeps a slip in one from leaking.
	if (!canReadAgenda(user, { ownerId: row.ownerId, invitedOrgIds })) return null;
	const linked = readableMeetingsQuery(db, user).select([
		'activity.id',
		'activity.title',
		'activity.startDate',
		'activity.status'
	]);
	const { previousActivityId, ...meeting } = row;
	const previous = previousActivityId
		? ((await linked.where('activity.id', '=', previousActivityId).executeTakeFirst()) ?? null)
		: null;
	const next = await linked
		.where('meeting.previousActivityId', '=', id)
		.orderBy('activity.startDate')
		.execute();
	return {
		...meeting,
		agendaHtml: renderMarkdown(row.agenda),
		minutesHtml: renderMarkdown(row.minutes),
		invited,
		invitedOrgIds,
		previous,
		next
	};
}

/** The first meeting the user may read whose `column` is `id`, soonest first; null for none. */
async function readableMeetingIdBy(
	db: Kysely<DB>,
	user: Actor | null,
	column: 'activity.id' | 'meeting.previousActivityId',
	id: string,
	notCancelled = false
): Promise<string | null> {
	if (!UUID.test(id)) return null;
	let query = readableMeetingsQuery(db, user).select('activity.id').where(column, '=', id);
	if (notCancelled) query = query.where('activity.status', '<>', 'cancelled');
	const row = await query.orderBy('activity.startDate').executeTakeFirst();
	return row?.id ?? null;
}

/** The meeting already planned after this one (not cancelled), when the user may read it. */
export function findPlannedNextMeetingId(db: Kysely<DB>, user: Actor | null, previousId: string) {
	return readableMeetingIdBy(db, user, 'meeting.previousActivityId', previousId, true);
}

/** The meeting's id when the activity has a meeting row the user may read (for "Se møde"). */
export function readableMeetingId(db: Kysely<DB>, user: Actor | null, activityId: string) {
	return readableMeetingIdBy(db, user, 'activity.id', activityId);
}

// Writes: creating a meeting, changing its agenda, invitations, attendance and minutes.

/** The meeting row locked for a change, so two changes of one meeting do not interleave. */
export async function lockMeeting(trx: Transaction<DB>, activityId: string): Promise<void> {
	await trx
		.selectFrom('meeting')
		.select('activityId')
		.where('activityId', '=', activityId)
		.forUpdate()
		.execute();
}

/** Whether every id in `ids` is an organisation. */
export async function organisationsExist(trx: Transaction<DB>, ids: string[]): Promise<boolean> {
	if (ids.length === 0) return true;
	const found = await trx.selectFrom('organisation').select('id').where('id', 'in', ids).execute();
	return found.length === new Set(ids).size;
}

export async function meetingExists(trx: Transaction<DB>, activityId: string): Promise<boolean> {
	const row = await trx
		.selectFrom('meeting')
		.select('activityId')
		.where('activityId', '=', activityId)
		.executeTakeFirst();
	return row !== undefined;
}

/** The category meetings are filed under (alliancemoede), or null when the seed lacks it. */
export async function findMeetingCategoryId(trx: Transaction<DB>): Promise<string | null> {
	const category = await trx
		.selectFrom('category')
		.select('id')
		.where('slug', '=', 'alliancemoede')
		.executeTakeFirst();
	return category?.id ?? null;
}

export interface NewMeetingRows {
	activity: {
		title: string;
		place: string;
		categoryId: string;
		ownerId: string;
		date: string;
		startTime: string;
		endTime: string;
		visibility: Visibility;
		createdBy: string;
	};
	agenda: string;
	previousActivityId: string | null;
}

/** The meeting's activity (one day, `HH:MM` times) and its meeting row; returns the id. */
export async function insertMeeting(trx: Transaction<DB>, rows: NewMeetingRows): Promise<string> {
	const { date, startTime, endTime, ...activity } = rows.activity;
	const { id } = await trx
		.insertInto('activity')
		.values({
			...activity,
			startDate: date,
			endDate: date,
			startTime: `${startTime}:00`,
			endTime: `${endTime}:00`
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	await trx
		.insertInto('meeting')
		.values({ activityId: id, agenda: rows.agenda, previousActivityId: rows.previousActivityId })
		.execute();
	return id;
}

/**
 * Invites exactly `ids` (an organisation no longer listed is uninvited, its attendance kept on
 * the row) and makes them the activity's participants, except the owner.
 */
export async function replaceInvitations(
	trx: Transaction<DB>,
	activityId: string,
	ownerId: string,
	ids: string[]
): Promise<void> {
	await trx
		.deleteFrom('meetingOrganisation')
		.where('activityId', '=', activityId)
		.where('organisationId', 'not in', ids)
		.execute();
	await trx
		.insertInto('meetingOrganisation')
		.values(ids.map((organisationId) => ({ activityId, organisationId, invited: true })))
		.onConflict((oc) => oc.columns(['activityId', 'organisationId']).doUpdateSet({ invited: true }))
		.execute();
	await trx.deleteFrom('activityParticipant').where('activityId', '=', activityId).execute();
	const participants = ids.filter((id) => id !== ownerId);
	if (participants.length === 0) return;
	await trx
		.insertInto('activityParticipant')
		.values(participants.map((organisationId) => ({ activityId, organisationId })))
		.execute();
}

export async function updateMeetingAgenda(
	trx: Transaction<DB>,
	activityId: string,
	agenda: string
): Promise<void> {
	await trx.updateTable('meeting').set({ agenda }).where('activityId', '=', activityId).execute();
}

/** Marks the meeting's activity changed (calendars and feeds pick the change up). */
export async function touchMeetingActivity(
	trx: Transaction<DB>,
	activityId: string
): Promise<void> {
	await trx
		.updateTable('activity')
		.set({ updatedAt: new Date() })
		.where('id', '=', activityId)
		.execute();
}

export async function listInvitedOrganisationIds(
	trx: Transaction<DB>,
	activityId: string
): Promise<string[]> {
	const rows = await trx
		.selectFrom('meetingOrganisation')
		.select('organisationId')
		.where('activityId', '=', activityId)
		.where('invited', '=', true)
		.execute();
	return rows.map((r) => r.organisationId);
}

/** Marks exactly the organisations in `presentOrgIds` present, every other one absent. */
export async function setPresentOrganisations(
	trx: Transaction<DB>,
	activityId: string,
	presentOrgIds: string[]
): Promise<void> {
	await trx
		.updateTable('meetingOrganisation')
		.set({ present: false })
		.where('activityId', '=', activityId)
		.execute();
	if (presentOrgIds.length === 0) return;
	await trx
		.updateTable('meetingOrganisation')
		.set({ present: true })
		.where('activityId', '=', activityId)
		.where('organisationId', 'in', presentOrgIds)
		.execute();
}

export async function updateMeetingMinutes(
	trx: Transaction<DB>,
	activityId: string,
	minutes: string,
	userId: string
): Promise<void> {
	await trx
		.updateTable('meeting')
		.set({ minutes, minutesUpdatedAt: new Date(), minutesUpdatedBy: userId })
		.where('activityId', '=', activityId)
		.execute();
}
