import { sql, type Kysely, type Transaction } from 'kysely';
import type { Actor } from '$lib/auth';
import type { BookingStatus, DB } from '$lib/platform/server/db/schema';
import { prepared } from '$lib/platform/server/db/prepared';
import { UUID } from '$lib/platform/server/http/result';
import type { MailMessage } from '$lib/platform/server/mail';
import { firstAttemptAt } from '$lib/platform/server/mail-delivery';
import { ACTIVE_STATUSES } from '../state';
import type { VisibilityUser } from '$lib/activities/server';
import { offerForBookingQuery, type OfferForBooking } from './offers';

// The two statements a new booking makes under the offer lock, besides BEGIN and COMMIT: each
// round trip to PostgreSQL costs the server more CPU than the small SQL itself, and stretches the
// time the lock is held, so the first locks and reads all the booking needs, and the second does
// the counting and all the writing, the audit event included. Both are prepared (compiled once).

/**
 * The offer row, locked, when the user can see it (else null), with what the provider's
 * 'requested' mail needs, the school (null when the id is no school) and whether the school used
 * the idempotency key before. The school and the key need no lock: they are read from this
 * statement's snapshot, and a key used meanwhile is caught by the insert below.
 */
export async function lockOfferForNewBooking(
	trx: Transaction<DB>,
	user: Actor | null,
	input: { offerId: string; schoolId: string; idempotencyKey: string }
) {
	const orgIds = user?.isSecretariat ? [] : (user?.memberships.map((m) => m.organisationId) ?? []);
	// The visibility filter's SQL depends on the kind of user and the number of memberships.
	const shape = user ? `${user.isSecretariat ? 's' : 'm'}${orgIds.length}` : 'visitor';
	let lock = lockQueries.get(shape);
	if (!lock) {
		lock = prepared(lockQuery(user === null, user?.isSecretariat ?? false, orgIds.length));
		lockQueries.set(shape, lock);
	}
	const values: Record<string, string | null> = {
		offerId: input.offerId,
		schoolId: UUID.test(input.schoolId) ? input.schoolId : null,
		idempotencyKey: input.idempotencyKey
	};
	orgIds.forEach((id, i) => (values[`org${i}`] = id));
	const [row] = await lock(trx, values);
	return row ?? null;
}

const lockQueries = new Map<
	string,
	ReturnType<typeof prepared<Record<string, string | null>, LockRow>>
>();

function lockQuery(visitor: boolean, isSecretariat: boolean, memberships: number) {
	return (trx: Kysely<DB>, v: Record<string, string | null>) => {
		// Only the memberships' organisation ids reach the visibility filter's SQL.
		const user: VisibilityUser | null = visitor
			? null
			: {
					isSecretariat,
					memberships: Array.from({ length: memberships }, (_, i) => ({
						organisationId: v[`org${i}`]!
					}))
				};
		return offerForBookingQuery(trx, user)
			.innerJoin('organisation as owner', 'owner.id', 'activity.ownerId')
			.leftJoin('organisation as school', (join) =>
				join.on('school.id', '=', v.schoolId).on('school.kind', '=', 'school')
			)
			.leftJoin('booking as prior', (join) =>
				join
					.onRef('prior.schoolId', '=', 'school.id')
					.on('prior.idempotencyKey', '=', v.idempotencyKey!)
			)
			.select([
				'offer.contactName',
				'offer.contactEmail',
				'owner.name as providerName',
				'owner.contactEmail as ownerEmail',
				'school.id as schoolId',
				'school.municipalityId as schoolMunicipalityId',
				'school.name as schoolName',
				'prior.id as priorId'
			])
			.where('offer.id', '=', v.offerId!)
			.forUpdate('offer');
	};
}

type LockRow = OfferForBooking & {
	contactName: string;
	contactEmail: string;
	providerName: string;
	ownerEmail: string;
	schoolId: string | null;
	schoolMunicipalityId: string | null;
	schoolName: string | null;
	priorId: string | null;
};

export interface NewBooking {
	/** The new booking's id (its mails link to it). */
	id: string;
	offerId: string;
	activityId: string;
	capacity: number;
	schoolId: string;
	classLabel: string;
	seats: number;
	teacherName: string;
	teacherEmail: string;
	pupilFirstNames: string[];
	idempotencyKey: string;
	joinWaitlist: boolean;
	createdBy: string;
	/** Written to the outbox only when the booking is 'requested' (not waitlisted, not refused). */
	requestedMails: MailMessage[];
	/** The audit log's line for the booking, by the status it gets. */
	auditSummary: { requested: string; waitlisted: string };
}

/**
 * One statement, run while the offer lock is held (so its snapshot includes every booking
 * committed before the lock was granted): sums the seats taken; inserts the booking when it fits
 * or may wait — unless the key was used meanwhile; adds the school as participant of the
 * activity for a live booking; records the provider's mail in the outbox.
 * Returns the seats taken before, the new booking or null, and a used key's offer.
 */
export async function insertBookingUnderLock(trx: Transaction<DB>, b: NewBooking) {
	const { requestedMails: mails, auditSummary, ...values } = b;
	const [row] = await insertQuery(trx, {
		...values,
		summaryRequested: auditSummary.requested.slice(0, 300),
		summaryWaitlisted: auditSummary.waitlisted.slice(0, 300),
		mailTo: mails.map((x) => x.to),
		mailSubject: mails.map((x) => x.subject),
		mailText: mails.map((x) => x.text),
		mailDueAt: firstAttemptAt()
	});
	return row;
}

type InsertValues = Omit<NewBooking, 'requestedMails' | 'auditSummary'> & {
	summaryRequested: string;
	summaryWaitlisted: string;
	mailTo: string[];
	mailSubject: string[];
	mailText: string[];
	mailDueAt: Date | null;
};

const insertQuery = prepared((trx: Kysely<DB>, b: InsertValues) => {
	const free = sql<number>`${b.capacity}::int - taken.taken`;
	const status = sql<BookingStatus>`case when ${b.seats}::int > ${free} then 'waitlisted' else 'requested' end`;
	return (
		trx
			.with('prior', (db) =>
				db
					.selectFrom('booking')
					.select(['id', 'offerId'])
					.where('schoolId', '=', b.schoolId)
					.where('idempotencyKey', '=', b.idempotencyKey)
			)
			.with('taken', (db) =>
				db
					.selectFrom('booking')
					.select(sql<number>`coalesce(sum(seats), 0)::int`.as('taken'))
					.where('offerId', '=', b.offerId)
					.where('status', 'in', ACTIVE_STATUSES)
			)
			.with('b', (db) =>
				db
					.insertInto('booking')
					.columns([
						'id',
						'offerId',
						'schoolId',
						'classLabel',
						'seats',
						'teacherName',
						'teacherEmail',
						'pupilFirstNames',
						'status',
						'idempotencyKey',
						'createdBy'
					])
					.expression((eb) =>
						eb
							.selectFrom('taken')
							.select([
								sql<string>`${b.id}::uuid`.as('id'),
								sql<string>`${b.offerId}::uuid`.as('offerId'),
								sql<string>`${b.schoolId}::uuid`.as('schoolId'),
								eb.val(b.classLabel).as('classLabel'),
								sql<number>`${b.seats}::int`.as('seats'),
								eb.val(b.teacherName).as('teacherName'),
								eb.val(b.teacherEmail).as('teacherEmail'),
								sql<string[]>`${b.pupilFirstNames}::text[]`.as('pupilFirstNames'),
								status.as('status'),
								eb.val(b.idempotencyKey).as('idempotencyKey'),
								sql<string>`${b.createdBy}::uuid`.as('createdBy')
							])
							.where((w) => w.not(w.exists(w.selectFrom('prior').select('prior.id'))))
							.where(sql<boolean>`${b.seats}::int <= ${free} or ${b.joinWaitlist}::boolean`)
					)
					.onConflict((oc) => oc.columns(['schoolId', 'idempotencyKey']).doNothing())
					.returningAll()
			)
			.with('p', (db) =>
				db
					.insertInto('activityParticipant')
					.columns(['activityId', 'organisationId'])
					.expression((eb) =>
						eb
							.selectFrom('b')
							.select([sql<string>`${b.activityId}::uuid`.as('activityId'), 'b.schoolId'])
							.where('b.status', 'in', ACTIVE_STATUSES)
					)
					.onConflict((oc) => oc.columns(['activityId', 'organisationId']).doNothing())
			)
			// The audit event (as recordAudit writes it), so the log costs no round trip of its own.
			.with('a', (db) =>
				db
					.insertInto('auditEvent')
					.columns([
						'actorId',
						'actorName',
						'organisationId',
						'action',
						'entityType',
						'entityId',
						'summary'
					])
					.expression(
						sql`select ${b.createdBy}::uuid,
						coalesce((select name from app_user where id = ${b.createdBy}::uuid), ''),
						b.school_id, 'create', 'booking', b.id::text,
						case when b.status = 'waitlisted' then ${b.summaryWaitlisted}::text
							else ${b.summaryRequested}::text end
						from b`
					)
			)
			.with('o', (db) =>
				db
					.insertInto('outbox')
					.columns(['toAddress', 'subject', 'bodyText', 'nextAttemptAt'])
					.expression(
						sql`select m.*, ${b.mailDueAt}::timestamptz from unnest(${b.mailTo}::text[], ${b.mailSubject}::text[],
						${b.mailText}::text[]) as m(to_address, subject, body_text)
						where exists (select 1 from b where b.status = 'requested')`
					)
					.returning('id')
			)
			.selectFrom('taken')
			.leftJoin('b', (join) => join.onTrue())
			.leftJoin('prior', (join) => join.onTrue())
			.selectAll('b')
			.select((eb) => [
				'taken.taken',
				'prior.offerId as priorOfferId',
				eb
					.selectFrom('o')
					.select(sql<string[]>`coalesce(array_agg(o.id), '{}')`.as('ids'))
					.as('outboxIds')
			])
	);
});
