import type { Kysely } from 'kysely';
import { SECRETARIAT, seedId } from '../../../../db/seed/ids';
import type { DB } from '$lib/platform/server/db/schema';
import { hashPassword } from './password';
import { createPasswordReset, normalise } from './user-token';
import { deleteUserSessions } from './queries/sessions';
import {
	ensureOrganisationBySlug,
	findMembershipRole,
	upsertAdminMembership
} from './queries/memberships';
import {
	findUserByEmail,
	hasAnyUser,
	insertUser,
	makeSecretariat,
	setPasswordHash
} from './queries/users';

/**
 * The secretariat is the organisation DI Lærlingeindsatsen (slug `di-laerlingeindsatsen`): its
 * users have `is_secretariat` and act on everything. Same id and slug as the demo seed uses, so
 * that seeding the demo later finds this row instead of adding a second secretariat.
 */
export const SECRETARIAT_ORGANISATION = {
	id: seedId('organisation', SECRETARIAT),
	slug: SECRETARIAT,
	kind: 'partner',
	name: 'DI Lærlingeindsatsen',
	description: 'Alliancens sekretariat: planlægger året og indkalder til møder.'
} as const;

/** A first set-password link lives a day: the operator may hand it over by another channel. */
const FIRST_ADMIN_LINK_LIFETIME_MS = 24 * 60 * 60 * 1000;

export interface FirstAdminInput {
	email: string;
	name: string;
	/** Set this password (new or existing user); null: leave the password as it is. */
	password: string | null;
	/** When to make a one-time set-password link (the reset mechanism). */
	link: 'never' | 'if-created' | 'always';
}

export interface FirstAdminResult {
	userId: string;
	/** False when the e-mail already had an account. */
	created: boolean;
	/** True when an existing user was not yet a secretariat administrator and now is. */
	promoted: boolean;
	organisationCreated: boolean;
	passwordSet: boolean;
	link: { token: string; expiresAt: Date } | null;
}

/** True when no user exists at all: nobody can log in yet. */
export async function hasNoUsers(db: Kysely<DB>): Promise<boolean> {
	return !(await hasAnyUser(db));
}

/**
 * Makes `email` a secretariat administrator: the user (created if new), `is_secretariat`, and an
 * admin membership of the secretariat organisation (created if missing). An existing user keeps
 * the password unless a new one is given. Safe to run again with the same input.
 */
export async function createFirstAdmin(
	db: Kysely<DB>,
	input: FirstAdminInput,
	now = new Date()
): Promise<FirstAdminResult> {
	const email = normalise(input.email);
	// Hashed before the transaction: with the embedded engine a transaction holds the only connection.
	const passwordHash = input.password === null ? null : await hashPassword(input.password);
	const result = await db.transaction().execute(async (trx) => {
		const organisation = await ensureOrganisationBySlug(trx, SECRETARIAT_ORGANISATION);

		const existing = await findUserByEmail(trx, email);
		let userId: string;
		if (existing) {
			userId = existing.id;
			if (!existing.isSecretariat) await makeSecretariat(trx, userId);
			if (passwordHash !== null) {
				await setPasswordHash(trx, userId, passwordHash, now);
				await deleteUserSessions(trx, userId);
			}
		} else {
			userId = await insertUser(trx, {
				email,
				name: input.name,
				passwordHash,
				isSecretariat: true
			});
		}

		const role = await findMembershipRole(trx, userId, organisation.id);
		await upsertAdminMembership(trx, userId, organisation.id);
		return {
			userId,
			created: !existing,
			promoted: !!existing && (!existing.isSecretariat || role !== 'admin'),
			organisationCreated: organisation.created,
			passwordSet: passwordHash !== null
		};
	});
	const wantLink = input.link === 'always' || (input.link === 'if-created' && result.created);
	const link = wantLink
		? await createPasswordReset(db, email, now, FIRST_ADMIN_LINK_LIFETIME_MS)
		: null;
	return {
		...result,
		link: link && {
			token: link.token,
			expiresAt: new Date(now.getTime() + FIRST_ADMIN_LINK_LIFETIME_MS)
		}
	};
}
