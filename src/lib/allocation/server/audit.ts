import type { Transaction } from 'kysely';
import type { DB } from '$lib/platform/server/db/schema';
import { recordAudit } from '$lib/audit/server';
import type { Actor } from '$lib/auth';

/** A change of a round in the audit log, under the round's municipality. */
export async function auditRound(
	trx: Transaction<DB>,
	user: Actor,
	round: { id: string; municipalityId: string | null },
	summary: string,
	action: 'create' | 'update' = 'update'
) {
	await recordAudit(trx, {
		actorId: user.id,
		organisationId: round.municipalityId,
		action,
		entityType: 'allocation_round',
		entityId: round.id,
		summary
	});
}
