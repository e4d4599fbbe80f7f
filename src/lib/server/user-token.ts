import { sql, type Kysely } from 'kysely';
import type { DB, Role, UserTokenKind } from './db/schema';
import { hashPassword } from './password';
import { generateSecureRandomString, hashSecret } from './random';
import { invalidateUserSessions } from './session';
import { loginAccountKey, resetBucket } from './throttle';

// Invitation and reset links: only the SHA-256 of the token is stored, each works once.
const HOUR = 60 * 60 * 1000;
export const INVITATION_LIFETIME_MS = 7 * 24 * HOUR;
export const RESET_LIFETIME_MS = HOUR;

export interface ValidToken {
	id: string;
	email: string;
	organisationId: string | null;
	role: Role | null;
	userId: string | null;
}

export interface InvitationDetails extends ValidToken {
	organisationName: string;
	/** The e-mail already belongs to an account with a password: that password stays. */
	hasAccount: boolean;
}

const normalise = (email: string) => email.trim().toLowerCase();

export async function createInvitation(
	db: Kysely<DB>,
	input: { email: string; organisationId: string; role: Role; createdBy: string },
	now = new Date()
): Promise<{ token: string; expiresAt: Date }> {
	const token = generateSecureRandomString();
	const expiresAt = new Date(now.getTime() + INVITATION_LIFETIME_MS);
	await db
		.insertInto('userToken')
		.values({
			kind: 'invitation',
			tokenHash: hashSecret(token),
			email: normalise(input.email),
			organisationId: input.organisationId,
			role: input.role,
			createdBy: input.createdBy,
			createdAt: now,
			expiresAt
		})
		.execute();
	return { token, expiresAt };
}

/** Null when no account has this e-mail; the page says the same thing either way. */
export async function createPasswordReset(
	db: Kysely<DB>,
	email: string,
	now = new Date()
): Promise<{ token: string } | null> {
	const user = await db
		.selectFrom('appUser')
		.select(['id', 'email'])
		.where(sql<string>`lower(email)`, '=', normalise(email))
		.executeTakeFirst();
	if (!user) return null;
	const token = generateSecureRandomString();
	await db
		.insertInto('userToken')
		.values({
			kind: 'reset',
			tokenHash: hashSecret(token),
			email: normalise(user.email),
			userId: user.id,
			createdAt: now,
			expiresAt: new Date(now.getTime() + RESET_LIFETIME_MS)
		})
		.execute();
	return { token };
}

export async function findValidToken(
	db: Kysely<DB>,
	kind: UserTokenKind,
	token: string,
	now = new Date()
): Promise<ValidToken | null> {
	const row = await db
		.selectFrom('userToken')
		.select(['id', 'email', 'organisationId', 'role', 'userId'])
		.where('kind', '=', kind)
		.where('tokenHash', '=', hashSecret(token))
		.where('usedAt', 'is', null)
		.where('expiresAt', '>', now)
		.executeTakeFirst();
	return row ?? null;
}

/** What the invitation page shows: the organisation, the role, and whether an account exists. */
export async function findInvitation(
	db: Kysely<DB>,
	token: string,
	now = new Date()
): Promise<InvitationDetails | null> {
	const valid = await findValidToken(db, 'invitation', token, now);
	if (!valid?.organisationId) return null;
	const organisation = await db
		.selectFrom('organisation')
		.select('name')
		.where('id', '=', valid.organisationId)
		.executeTakeFirst();
	if (!organisation) return null;
	const user = await db
		.selectFrom('appUser')
		.select('passwordHash')
		.where(sql<string>`lower(email)`, '=', valid.email)
		.executeTakeFirst();
	return { ...valid, organisationName: organisation.name, hasAccount: !!user?.passwordHash };
}

/**
 * Accepts an invitation in one transaction. A new e-mail gets an account with the given name and
 * password. An existing account keeps its name and password (an invitation must not be a way to
 * change someone's password); only an account without a password takes the given one. The
 * membership gets the invited role, though an existing admin is never demoted.
 * Null when the token is unknown, used, expired — or a new account is missing name/password.
 */
export async function acceptInvitation(
	db: Kysely<DB>,
	token: string,
	details: { name: string; password: string } | null,
	now = new Date()
): Promise<{ userId: string } | null> {
	// Hashed before the transaction: PGlite serialises everything while one is open.
	const passwordHash = details ? await hashPassword(details.password) : null;
	return db
		.transaction()
		.execute(async (trx) => {
			const used = await trx
				.updateTable('userToken')
				.set({ usedAt: now })
				.where('kind', '=', 'invitation')
				.where('tokenHash', '=', hashSecret(token))
				.where('usedAt', 'is', null)
				.where('expiresAt', '>', now)
				.returning(['email', 'organisationId', 'role'])
				.executeTakeFirst();
			if (!used?.organisationId || !used.role) return null;

			const existing = await trx
				.selectFrom('appUser')
				.select(['id', 'passwordHash'])
				.where(sql<string>`lower(email)`, '=', normalise(used.email))
				.forUpdate()
				.executeTakeFirst();
			let userId: string;
			if (existing) {
				userId = existing.id;
				if (!existing.passwordHash) {
					if (!details || !passwordHash) return rollback();
					await trx
						.updateTable('appUser')
						.set({ name: details.name, passwordHash, passwordChangedAt: now })
						.where('id', '=', userId)
						.execute();
				}
			} else {
				if (!details || !passwordHash) return rollback();
				const created = await trx
					.insertInto('appUser')
					.values({
						email: normalise(used.email),
						name: details.name,
						passwordHash,
						passwordChangedAt: now
					})
					.returning('id')
					.executeTakeFirstOrThrow();
				userId = created.id;
			}
			await trx
				.insertInto('membership')
				.values({ userId, organisationId: used.organisationId, role: used.role })
				.onConflict((oc) =>
					oc
						.columns(['userId', 'organisationId'])
						.doUpdateSet({ role: 'admin' })
						.where(sql.ref('excluded.role'), '=', 'admin')
				)
				.execute();
			return { userId };
		})
		.catch((e) => {
			if (e instanceof Rollback) return null;
			throw e;
		});
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
		const used = await trx
			.updateTable('userToken')
			.set({ usedAt: now })
			.where('kind', '=', 'reset')
			.where('tokenHash', '=', hashSecret(token))
			.where('usedAt', 'is', null)
			.where('expiresAt', '>', now)
			.returning(['userId', 'email'])
			.executeTakeFirst();
		if (!used?.userId) return null;
		await trx
			.updateTable('appUser')
			.set({ passwordHash, passwordChangedAt: now })
			.where('id', '=', used.userId)
			.execute();
		// Older reset links for the same account die with this one.
		await trx
			.updateTable('userToken')
			.set({ usedAt: now })
			.where('kind', '=', 'reset')
			.where('userId', '=', used.userId)
			.where('usedAt', 'is', null)
			.execute();
		await invalidateUserSessions(trx, used.userId);
		return { userId: used.userId, email: used.email };
	});
	if (!result) return null;
	// The owner of the mailbox proved who they are: earlier failed logins no longer count.
	await resetBucket(db, loginAccountKey(result.email));
	return { userId: result.userId };
}

class Rollback extends Error {}
function rollback(): never {
	throw new Rollback();
}
