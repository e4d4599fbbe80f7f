import type { Kysely } from 'kysely';
import type { Actor } from '$lib/auth';
import { m } from '$lib/paraglide/messages.js';
import type { EvaluationInput } from '$lib/evaluations/schema';
import type { DB } from '$lib/platform/server/db/schema';
import { recordAudit } from '$lib/audit/server';
import { UUID } from '$lib/activities/server';
import {
	canDeleteEvaluation,
	canViewEvaluation,
	evaluatingOrganisationIds,
	evaluationBlock,
	type EvaluationBlock
} from './policy';
import {
	deleteEvaluationRow,
	findEvaluationId,
	loadEvaluationContext,
	lockEvaluation,
	upsertEvaluation
} from './queries';

export * from './queries';
export { listActivitiesLackingEvaluation, type LackingActivity } from './lacking';

export type EvaluationFailureReason = 'not_found' | 'forbidden' | 'closed' | 'invalid';
export type EvaluationResult<T> =
	| { ok: true; value: T }
	| {
			ok: false;
			reason: EvaluationFailureReason;
			message: string;
			errors?: Record<string, string>;
	  };

const refuse = (
	reason: EvaluationFailureReason,
	message: string,
	errors?: Record<string, string>
) => ({ ok: false as const, reason, message, errors });

export const BLOCK_MESSAGES: Record<EvaluationBlock, () => string> = {
	cancelled: m.evaluation_cancelled,
	not_ended: m.evaluation_not_ended,
	meeting: m.evaluation_meeting
};

/**
 * Records (or replaces) the evaluation of one taking-part organisation: one per activity and
 * organisation, so a second save corrects the first instead of counting twice in the report.
 */
export async function saveEvaluation(
	db: Kysely<DB>,
	user: Actor,
	activityId: string,
	input: EvaluationInput,
	now = new Date()
): Promise<EvaluationResult<{ id: string; created: boolean }>> {
	return db.transaction().execute(async (trx) => {
		const context = await loadEvaluationContext(trx, user, activityId, now);
		if (!context) return refuse('not_found', m.activity_err_not_found());
		const block = evaluationBlock(context.rights);
		if (block) return refuse('closed', BLOCK_MESSAGES[block]());
		const allowed = evaluatingOrganisationIds(user, context.rights);
		if (allowed.length === 0) return refuse('forbidden', m.evaluation_not_involved());
		const organisationId = input.organisationId.toLowerCase();
		if (!allowed.includes(organisationId)) {
			const message = m.evaluation_val_organisation();
			return refuse('invalid', m.form_fix_errors(), { organisationId: message });
		}
		const before = await findEvaluationId(trx, context.activity.id, organisationId);
		const id = await upsertEvaluation(
			trx,
			{ activityId: context.activity.id, organisationId, createdBy: user.id },
			{ participants: input.participants, rating: input.rating, comment: input.comment }
		);
		await recordAudit(trx, {
			actorId: user.id,
			organisationId,
			action: before ? 'update' : 'create',
			entityType: 'evaluation',
			entityId: id,
			summary: `Evaluering (${input.rating}/5): ${context.activity.title}`
		});
		return { ok: true as const, value: { id, created: !before } };
	});
}

/** Deletes one evaluation of the activity; someone else's answers 404 as if it did not exist. */
export async function deleteEvaluation(
	db: Kysely<DB>,
	user: Actor,
	activityId: string,
	evaluationId: string,
	now = new Date()
): Promise<EvaluationResult<{ id: string }>> {
	const notFound = refuse('not_found', m.evaluation_err_not_found());
	if (!UUID.test(evaluationId)) return notFound;
	return db.transaction().execute(async (trx) => {
		const context = await loadEvaluationContext(trx, user, activityId, now);
		if (!context) return notFound;
		const row = await lockEvaluation(trx, context.activity.id, evaluationId);
		if (!row || !canViewEvaluation(user, context.rights, row)) return notFound;
		if (!canDeleteEvaluation(user, row))
			return refuse('forbidden', m.evaluation_err_forbidden_delete());
		await deleteEvaluationRow(trx, row.id);
		await recordAudit(trx, {
			actorId: user.id,
			organisationId: row.organisationId,
			action: 'delete',
			entityType: 'evaluation',
			entityId: row.id,
			summary: `Evaluering slettet: ${context.activity.title}`
		});
		return { ok: true as const, value: { id: row.id } };
	});
}
