import { sql, type Kysely } from 'kysely';
import { DateTime } from 'luxon';
import { ZONE } from '$lib/platform/dates/iso';
import type { AuditFilter } from '$lib/audit/schema';
import type { AuditAction, DB } from '$lib/platform/server/db/schema';
import { type RightsUser, UUID } from '$lib/activities/server';
import { auditScopeOf, canViewAuditLog, canViewOrganisationAudit } from './policy';

export const AUDIT_PAGE_SIZE = 50;

export interface AuditRow {
	id: string;
	at: Date;
	actorId: string | null;
	/** Empty for the system; kept after the user was deleted. */
	actorName: string;
	organisationId: string | null;
	organisationName: string | null;
	action: AuditAction;
	entityType: string;
	entityId: string;
	summary: string;
}

export interface AuditPage {
	events: AuditRow[];
	page: number;
	hasNext: boolean;
}

/** Midnight in Copenhagen at the start of `date` (+ days), as an instant; DST-safe. */
function copenhagenMidnight(date: string, plusDays = 0): Date {
	return DateTime.fromISO(date, { zone: ZONE }).plus({ days: plusDays }).toJSDate();
}

/**
 * Events that belong to these organisations: their own, and those of bookings on their offers (a
 * booking is recorded with the school as organisation; the provider reads it through the offer).
 */
function ofOrganisations(db: Kysely<DB>, ids: readonly string[]) {
	return db
		.selectFrom('booking')
		.innerJoin('offer', 'offer.id', 'booking.offerId')
		.innerJoin('activity', 'activity.id', 'offer.activityId')
		.select(sql<string>`booking.id::text`.as('id'))
		.where('activity.ownerId', 'in', ids);
}

/**
 * One page of the log, newest first, as far as the user may read it; null when they may not read
 * the log at all, or not the organisation they asked for (the route answers 404).
 */
export async function listAuditEvents(
	db: Kysely<DB>,
	user: RightsUser | null,
	filter: AuditFilter
): Promise<AuditPage | null> {
	if (!canViewAuditLog(user)) return null;
	let ids: 'all' | string[] = auditScopeOf(user);
	if (filter.organisationId !== undefined) {
		const id = filter.organisationId;
		if (!UUID.test(id) || !canViewOrganisationAudit(user, id)) return null;
		ids = [id.toLowerCase()];
	}
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
	if (ids !== 'all') {
		const orgs = ids;
		if (orgs.length === 0) return { events: [], page: 1, hasNext: false };
		query = query.where((eb) =>
			eb.or([
				eb('e.organisationId', 'in', orgs),
				eb.and([
					eb('e.entityType', '=', 'booking'),
					eb('e.entityId', 'in', ofOrganisations(db, orgs))
				])
			])
		);
	}
	if (filter.entityType) query = query.where('e.entityType', '=', filter.entityType);
	if (filter.from) query = query.where('e.at', '>=', copenhagenMidnight(filter.from));
	if (filter.to) query = query.where('e.at', '<', copenhagenMidnight(filter.to, 1));
	const rows = await query
		.orderBy('e.at', 'desc')
		.orderBy('e.id', 'desc')
		.limit(AUDIT_PAGE_SIZE + 1)
		.offset((filter.page - 1) * AUDIT_PAGE_SIZE)
		.execute();
	return {
		events: rows.slice(0, AUDIT_PAGE_SIZE),
		page: filter.page,
		hasNext: rows.length > AUDIT_PAGE_SIZE
	};
}

export interface AuditOrganisationChoice {
	id: string;
	name: string;
}

/** The organisations the chooser offers: all for the secretariat, else those the user administers. */
export async function listAuditOrganisations(
	db: Kysely<DB>,
	user: RightsUser | null
): Promise<AuditOrganisationChoice[]> {
	const scope = auditScopeOf(user);
	if (scope !== 'all' && scope.length === 0) return [];
	let query = db.selectFrom('organisation').select(['id', 'name']).orderBy('name');
	if (scope !== 'all') query = query.where('id', 'in', scope);
	return query.execute();
}
