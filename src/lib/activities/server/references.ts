import type { Kysely, Transaction } from 'kysely';
import { m } from '$lib/paraglide/messages.js';
import type { DB } from '$lib/platform/server/db/schema';
import type { Actor } from '$lib/auth';
import { canCreateActivityFor } from './policy';
import { failure, type ActivityFailure, type FieldErrors } from './core';
import { categoryExists, organisationsExist } from './queries/catalogue';

/**
 * The checks of an activity's (or a series') owner, category and participants that need the
 * database; field errors in the user's language (Danish first). An unknown owner is told before
 * the right to plan for it; null when all is well.
 */
export async function checkActivityReferences(
	db: Kysely<DB> | Transaction<DB>,
	user: Actor,
	input: { ownerId: string; categoryId: string },
	participants: readonly string[]
): Promise<ActivityFailure | null> {
	if (!(await organisationsExist(db, [input.ownerId]))) {
		return failure('invalid', m.form_fix_errors(), { ownerId: m.activity_err_owner_unknown() });
	}
	if (!canCreateActivityFor(user, input.ownerId)) {
		const message = m.activity_err_owner_forbidden();
		return failure('forbidden', message, { ownerId: message });
	}
	const errors: FieldErrors = {};
	if (!(await categoryExists(db, input.categoryId)))
		errors.categoryId = m.activity_err_category_unknown();
	if (!(await organisationsExist(db, participants)))
		errors.participants = m.activity_err_participants_unknown();
	return Object.keys(errors).length ? failure('invalid', m.form_fix_errors(), errors) : null;
}
