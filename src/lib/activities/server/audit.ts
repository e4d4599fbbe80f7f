import type { Transaction } from 'kysely';
import type { AuditAction, DB } from '$lib/platform/server/db/schema';
import { recordAudit, actorIdOf } from '$lib/audit/server';

/** One audit event for an activity, owned by (and shown to the admins of) its owner. */
export function auditActivity(
	trx: Transaction<DB>,
	user: unknown,
	action: AuditAction,
	activity: { id: string; ownerId: string; title: string },
	summary: string = activity.title
): Promise<void> {
	return recordAudit(trx, {
		actorId: actorIdOf(user),
		organisationId: activity.ownerId,
		action,
		entityType: 'activity',
		entityId: activity.id,
		summary
	});
}

/** One event per series change, not one per occurrence: the series is what the user changed. */
export function auditSeries(
	trx: Transaction<DB>,
	user: unknown,
	action: AuditAction,
	series: { id: string; ownerId: string },
	summary: string
): Promise<void> {
	return recordAudit(trx, {
		actorId: actorIdOf(user),
		organisationId: series.ownerId,
		action,
		entityType: 'series',
		entityId: series.id,
		summary
	});
}
