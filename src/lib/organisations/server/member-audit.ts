import type { Kysely } from 'kysely';
import type { DB, Role } from '$lib/platform/server/db/schema';
import { recordAudit, summaries } from '$lib/audit/server';

/** A membership has no id of its own: the member's user id stands for it in the log. */
export function auditMembership(
	db: Kysely<DB>,
	actorId: string | null,
	action: 'create' | 'update' | 'delete',
	organisationId: string,
	userId: string,
	summary: string
): Promise<void> {
	return recordAudit(db, {
		actorId,
		organisationId,
		action,
		entityType: 'membership',
		entityId: userId,
		summary
	});
}

/** The e-mail identifies the invitation in the log; its token never reaches the log. */
export function auditInvitation(
	db: Kysely<DB>,
	actorId: string,
	organisationId: string,
	email: string,
	role: Role
): Promise<void> {
	return recordAudit(db, {
		actorId,
		organisationId,
		action: 'create',
		entityType: 'invitation',
		entityId: email,
		summary: summaries.invited(email, role)
	});
}
