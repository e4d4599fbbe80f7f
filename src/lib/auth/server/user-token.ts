import type { Kysely } from 'kysely';
import type { DB, Role, UserTokenKind } from '$lib/platform/server/db/schema';
import { hashPassword } from './password';
import { generateSecureRandomString, hashSecret } from '$lib/platform/server/random';
import { invalidateUserSessions } from './session';
import { loginAccountKey, resetBucket } from './throttle';
import { findUserByEmail, setPasswordHash } from './queries/users';
import {
	findUsableToken,
	insertUserToken,
	markResetTokensUsed,
	markTokenUsed
} from './queries/user-tokens';

// Invitation and reset links: only the SHA-256 of the token is stored, each works once.
const HOUR = 60 * 60 * 1000;
const INVITATION_LIFETIME_MS = 7 * 24 * HOUR;
const RESET_LIFETIME_MS = HOUR;

export interface ValidToken {
	id: string;
	email: string;
	organisationId: string | null;
	role: Role | null;
	userId: string | null;
}

export const normalise = (email: string) => email.trim().toLowerCase();

export async function createInvitation(
	db: Kysely<DB>,
	input: { email: string; organisationId: string; role: Role; createdBy: string },
	now = new Date()
): Promise<{ token: string; expiresAt: Date }> {
	const token = generateSecureRandomString();
	const expiresAt = new Date(now.getTime() + INVITATION_LIFETIME_MS);
	await insertUserToken(db, {
		kind: 'invitation',
		tokenHash: hashSecret(token),
		email: normalise(input.email),
		organisationId: input.organisationId,
		role: input.role,
		createdBy: input.createdBy,
		createdAt: now,
		expiresAt
	});
	return { token, expiresAt };
}

/** Null when no account has this e-mail; the page says the same thing either way. */
export async function createPasswordReset(
	db: Kysely<DB>,
	email: string,
	now = new Date(),
	lifetimeMs = RESET_LIFETIME_MS
): Promise<{ token: string } | null> {
	const user = await findUserByEmail(db, email);
	if (!user) return null;
	const token = generateSecureRandomString();
	await insertUserToken(db, {
		kind: 'reset',
		tokenHash: hashSecret(token),
		email: normalise(user.email),
		userId: user.id,
		createdAt: now,
		expiresAt: new Date(now.getTime() + lifetimeMs)
	});
	return { token };
}

export async function findValidToken(
	db: Kysely<DB>,
	kind: UserTokenKind,
	token: string,
	now = new Date()
): Promise<ValidToken | null> {
	return findUsableToken(db, kind, hashSecret(token), now);
}

/** Sets a new password from a reset link; every session of the user ends. */
export async function resetPassword(
	db: Kysely<DB>,
	token: string,
	password: string,
	now = new Date()
): Promise<{ userId: string } | null> {
	if (!(await findValidToken(db, 'reset', token, now))) return null;
	const passwordHash = await hashPassword(password);
	const result = await db.transaction().execute(async (trx) => {
		const used = await useToken(trx, 'reset', token, now);
		if (!used?.userId) return null;
		await setPasswordHash(trx, used.userId, passwordHash, now);
		// Older reset links for the same account die with this one.
		await markResetTokensUsed(trx, used.userId, now);
		await invalidateUserSessions(trx, used.userId);
		return { userId: used.userId, email: used.email };
	});
	if (!result) return null;
	// The owner of the mailbox proved who they are: earlier failed logins no longer count.
	await resetBucket(db, loginAccountKey(result.email));
	return { userId: result.userId };
}

/** Marks the token used if it still works; of two simultaneous uses only one gets the row. */
export function useToken(db: Kysely<DB>, kind: UserTokenKind, token: string, now: Date) {
	return markTokenUsed(db, kind, hashSecret(token), now);
}
