import type { Kysely } from 'kysely';
import { DateTime } from 'luxon';
import { ZONE } from '$lib/platform/dates/iso';
import type { AuditFilter } from '$lib/audit/schema';
import type { AuditAction, DB } from '$lib/platform/server/db/schema';
import type { Actor } from '$lib/auth';
import { UUID } from '$lib/platform/server/http/result';
import { auditScopeOf, canViewAuditLog, canViewOrganisationAudit } from './policy';
import { listAuditRows, listOrganisationNames } from './queries';

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
 * One page of the log, newest first, as far as the user may read it; null when they may not read
 * the log at all, or not the organisation they asked for (the route answers 404).
 */
export async function listAuditEvents(
	db: Kysely<DB>,
	user: Actor | null,
	filter: AuditFilter
): Promise<AuditPage | null> {
	if (!canViewAuditLog(user)) return null;
	let ids: 'all' | string[] = auditScopeOf(user);
	if (filter.organisationId !== undefined) {
		const id = filter.organisationId;
		if (!UUID.test(id) || !canViewOrganisationAudit(user, id)) return null;
		ids = [id.toLowerCase()];
	}
	if (ids !== 'all' && ids.length === 0) return { events: [], page: 1, hasNext: false };
	const rows = await listAuditRows(db, {
		organisationIds: ids,
		entityType: filter.entityType,
		from: filter.from ? copenhagenMidnight(filter.from) : undefined,
		until: filter.to ? copenhagenMidnight(filter.to, 1) : undefined,
		limit: AUDIT_PAGE_SIZE + 1,
		offset: (filter.page - 1) * AUDIT_PAGE_SIZE
	});
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
	user: Actor | null
): Promise<AuditOrganisationChoice[]> {
	const scope = auditScopeOf(user);
	if (scope !== 'all' && scope.length === 0) return [];
	return listOrganisationNames(db, scope);
}
