import type { Kysely } from 'kysely';
import type { DB } from '$lib/platform/server/db/schema';
import { hashPassword } from './password';
import { findValidToken, normalise, useToken, type ValidToken } from './user-token';
import { auditMembership } from '$lib/organisations/server';
import { memberSummary } from '$lib/audit/server';
import { findOrganisationName, upsertInvitedMembership } from './queries/memberships';
import { findUserByEmail, insertUser, lockUserByEmail } from './queries/users';

export interface InvitationDetails extends ValidToken {
	organisationName: string;
	/** The e-mail already belongs to an account with a password: that password stays. */
	hasAccount: boolean;
}

/** What the invitation page shows: the organisation, the role, and whether an account exists. */
export async function findInvitation(
	db: Kysely<DB>,
	token: string,
	now = new Date()
): Promise<InvitationDetails | null> {
	const valid = await findValidToken(db, 'invitation', token, now);
	if (!valid?.organisationId) return null;
	const organisationName = await findOrganisationName(db, valid.organisationId);
	if (organisationName === null) return null;
	const user = await findUserByEmail(db, valid.email);
	// Any existing account, with a password or not yet (one made by admin:create waits for its
	// own set-password link): the invitation link never sets its password.
	return { ...valid, organisationName, hasAccount: !!user };
}

/** How the invitee proves who they are: a new account's details, or the session of the account. */
export type InvitationAcceptance = { name: string; password: string } | { userId: string };

/**
 * Accepts an invitation in one transaction. A new e-mail gets an account with the given name and
 * password. An existing account must be the one logged in (`{ userId }`): the link alone is not
 * a login, or whoever holds it (the inviting admin, a reader of the outbox) would become that
 * account. It keeps its name and password and only gains the membership. That holds for an
 * account without a password too (admin:create makes one and mails its own set-password link):
 * if the invitation set its password, the inviting admin could become, say, a new secretariat
 * administrator. The membership gets the invited
 * role, though an existing admin is never demoted.
 * Null when the token is unknown, used or expired, when the account is not the one logged in, or
 * a new account is missing name/password — and then the token stays unused.
 */
export async function acceptInvitation(
	db: Kysely<DB>,
	token: string,
	acceptance: InvitationAcceptance | null,
	now = new Date()
): Promise<{ userId: string } | null> {
	const details = acceptance && 'password' in acceptance ? acceptance : null;
	const loggedInAs = acceptance && 'userId' in acceptance ? acceptance.userId : null;
	// Hashed before the transaction: PGlite serialises everything while one is open.
	const passwordHash = details ? await hashPassword(details.password) : null;
	return db
		.transaction()
		.execute(async (trx) => {
			const used = await useToken(trx, 'invitation', token, now);
			if (!used?.organisationId || !used.role) return null;

			const existing = await lockUserByEmail(trx, used.email);
			let userId: string;
			let name = details?.name ?? '';
			if (existing) {
				userId = existing.id;
				if (loggedInAs !== existing.id) return rollback();
				name = existing.name;
			} else {
				if (!details || !passwordHash) return rollback();
				userId = await insertUser(trx, {
					email: normalise(used.email),
					name: details.name,
					passwordHash,
					passwordChangedAt: now
				});
			}
			await upsertInvitedMembership(trx, userId, used.organisationId, used.role);
			// The new member acts: accepting is their own doing, not the inviter's.
			const summary = memberSummary(name, used.role);
			await auditMembership(trx, userId, 'create', used.organisationId, userId, summary);
			return { userId };
		})
		.catch((e) => {
			if (e instanceof Rollback) return null;
			throw e;
		});
}

class Rollback extends Error {}
function rollback(): never {
	throw new Rollback();
}
