import { sql, type Kysely } from 'kysely';
import type { AuditAction, DB } from '$lib/platform/server/db/schema';

// The SQL of the audit log: writing an event, reading a page of it, the organisations to choose.

/** The actor's name is copied in by the statement itself, so the log reads after they are gone. */
export async function insertAuditEvent(
	db: Kysely<DB>,
	event: {
		actorId: string | null;
		organisationId: string | null;
		action: AuditAction;
		entityType: string;
		entityId: string;
		summary: string;
	}
): Promise<void> {
	await db
		.insertInto('auditEvent')
		.values((eb) => ({
			...event,
			actorName: event.actorId
				? eb.selectFrom('appUser').select('name').where('id', '=', event.actorId)
				: ''
		}))
		.execute();
}

/**
 * Events that belong to these organisations: their own, and those of bookings on their offers (a
 * booking is recorded with the school as organisation; the provider reads it through the offer).
 */
function bookingIdsOfOrganisations(db: Kysely<DB>, ids: readonly string[]) {
	return db
		.selectFrom('booking')
		.innerJoin('offer', 'offer.id', 'booking.offerId')
		.innerJoin('activity', 'activity.id', 'offer.activityId')
		.select(sql<string>`booking.id::text`.as('id'))
		.where('activity.ownerId', 'in', ids);
}

export interface AuditQuery {
	/** 'all', or the organisations whose events (a non-empty list). */
	organisationIds: 'all' | readonly string[];
	entityType?: string;
	/** Instants: from inclusive, until exclusive. */
	from?: Date;
	until?: Date;
	limit: number;
	offset: number;
}

/** Events newest first, with the organisation's name. */
export function listAuditRows(db: Kysely<DB>, q: AuditQuery) {
	let query = db
		.selectFrom('auditEvent as e')
		.leftJoin('organisation as o', 'o.id', 'e.organisationId')
		.select([
			'e.id',
			'e.at',
			'e.actorId',
			'e.actorName',
			'e.organisationId',
			'o.name as organisationName',
			'e.action',
			'e.entityType',
			'e.entityId',
			'e.summary'
		]);
	const orgs = q.organisationIds;
	if (orgs !== 'all') {
		query = query.where((eb) =>
			eb.or([
				eb('e.organisationId', 'in', orgs),
				eb.and([
					eb('e.entityType', '=', 'booking'),
					eb('e.entityId', 'in', bookingIdsOfOrganisations(db, orgs))
				])
			])
		);
	}
	if (q.entityType) query = query.where('e.entityType', '=', q.entityType);
	if (q.from) query = query.where('e.at', '>=', q.from);
	if (q.until) query = query.where('e.at', '<', q.until);
	return query
		.orderBy('e.at', 'desc')
		.orderBy('e.id', 'desc')
		.limit(q.limit)
		.offset(q.offset)
		.execute();
}

/** Organisations by name: all, or these. */
export function listOrganisationNames(db: Kysely<DB>, ids: 'all' | readonly string[]) {
	let query = db.selectFrom('organisation').select(['id', 'name']).orderBy('name');
	if (ids !== 'all') query = query.where('id', 'in', ids);
	return query.execute();
}
