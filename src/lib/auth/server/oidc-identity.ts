import type { Kysely, Transaction } from 'kysely';
import { m } from '$lib/paraglide/messages.js';
import type { DB } from '$lib/platform/server/db/schema';
import { UUID } from '$lib/platform/server/http/result';
import { recordAudit, memberSummary } from '$lib/audit/server';
import { auditMembership } from '$lib/organisations/server';
import type { OidcProvider } from './oidc-config';
import {
	addMembershipIfMissing,
	countLogins,
	deleteLinkedIdentity,
	findLinkedIdentity,
	findOrganisationByCvr,
	findUsableInvitation,
	findUserName,
	findUserProviderLink,
	insertLinkedIdentity,
	listLinkedIdentityRows,
	markInvitationUsed,
	touchLinkedIdentity,
	type AttemptRow
} from './queries/oidc';
import { upsertInvitedMembership } from './queries/memberships';
import { findUserByEmail, insertUser } from './queries/users';

// Which account an outside identity opens. The identity (provider + subject) is tied to an
// account only by an invitation, by the logged-in user's own choice, or — where the secretariat
// allows it for a provider — by the CVR claim naming an organisation. Never by an e-mail claim
// alone: whoever controls a provider's e-mail claim would otherwise take over the account.

export interface IdentityClaims {
	subject: string;
	email: string | null;
	name: string | null;
	/** Eight digits, or null. */
	cvr: string | null;
	organisation: string | null;
}

type Refusal = { ok: false; status: 400 | 403 | 404 | 409; message: string };
type Resolved = { ok: true; value: { kind: 'session' | 'linked'; userId: string } } | Refusal;

const refuse = (status: Refusal['status'], message: string): Refusal => ({
	ok: false,
	status,
	message
});
const session = (userId: string): Resolved => ({ ok: true, value: { kind: 'session', userId } });

class Rollback extends Error {
	constructor(readonly refusal: Refusal) {
		super(refusal.message);
	}
}

type Trx = Transaction<DB>;

function auditIdentity(
	trx: Trx | Kysely<DB>,
	userId: string,
	action: 'create' | 'delete',
	provider: string,
	label: string
) {
	return recordAudit(trx, {
		actorId: userId,
		organisationId: null,
		action,
		entityType: 'linked_identity',
		entityId: userId,
		summary: m.audit_sum_identity({ provider, name: label }, { locale: 'da' })
	});
}

async function link(
	trx: Trx,
	provider: OidcProvider,
	userId: string,
	claims: IdentityClaims,
	now: Date
) {
	if (await findUserProviderLink(trx, userId, provider.id)) {
		throw new Rollback(refuse(409, m.oidc_provider_taken({ provider: provider.displayName })));
	}
	const email = claims.email ?? '';
	await insertLinkedIdentity(
		trx,
		{ userId, provider: provider.id, subject: claims.subject, email },
		now
	);
	await auditIdentity(trx, userId, 'create', provider.displayName, email || claims.name || '');
}

/** A company user becomes a member of the organisation whose CVR the claim names. */
async function joinByCvr(trx: Trx, userId: string, organisationId: string, name: string) {
	if (await addMembershipIfMissing(trx, userId, organisationId, 'member')) {
		await auditMembership(
			trx,
			userId,
			'create',
			organisationId,
			userId,
			memberSummary(name, 'member')
		);
	}
}

export async function resolveIdentity(
	db: Kysely<DB>,
	input: {
		provider: OidcProvider;
		attempt: AttemptRow;
		claims: IdentityClaims;
		currentUserId: string | null;
		now: Date;
	}
): Promise<Resolved> {
	const { provider, attempt, claims, now } = input;
	const name = provider.displayName;
	try {
		return await db.transaction().execute(async (trx): Promise<Resolved> => {
			const linked = await findLinkedIdentity(trx, provider.id, claims.subject);

			if (attempt.purpose === 'link') {
				const userId = attempt.userId;
				if (!userId || userId !== input.currentUserId) return refuse(403, m.oidc_wrong_account());
				if (linked && linked.userId !== userId) {
					return refuse(409, m.oidc_identity_taken({ provider: name }));
				}
				if (!linked) await link(trx, provider, userId, claims, now);
				return { ok: true, value: { kind: 'linked', userId } };
			}

			if (attempt.purpose === 'invitation') {
				const invitation = attempt.invitationId
					? await findUsableInvitation(trx, attempt.invitationId, now)
					: null;
				if (!invitation?.organisationId || !invitation.role) {
					return refuse(404, m.auth_link_invalid());
				}
				const account = await findUserByEmail(trx, invitation.email);
				let userId: string;
				let memberName: string;
				if (linked) {
					// The identity has an account: it may take the invitation only if it is that one.
					if (!account || linked.userId !== account.id) {
						return refuse(409, m.oidc_identity_taken({ provider: name }));
					}
					userId = account.id;
					memberName = account.name;
					await touchLinkedIdentity(trx, linked.id, now);
				} else if (account) {
					// An existing account is entered with its own login first, as with the link.
					if (input.currentUserId !== account.id) {
						return refuse(403, m.auth_invitation_login_required({ email: invitation.email }));
					}
					userId = account.id;
					memberName = account.name;
					await link(trx, provider, userId, claims, now);
				} else {
					memberName = claims.name ?? invitation.email.split('@')[0];
					userId = await insertUserWithoutPassword(trx, invitation.email, memberName);
					await link(trx, provider, userId, claims, now);
				}
				await markInvitationUsed(trx, invitation.id, now);
				await upsertInvitedMembership(trx, userId, invitation.organisationId, invitation.role);
				await auditMembership(
					trx,
					userId,
					'create',
					invitation.organisationId,
					userId,
					memberSummary(memberName, invitation.role)
				);
				return session(userId);
			}

			const organisation =
				provider.cvrMapping && claims.cvr ? await findOrganisationByCvr(trx, claims.cvr) : null;
			if (linked) {
				await touchLinkedIdentity(trx, linked.id, now);
				if (organisation) {
					const memberName = (await findUserName(trx, linked.userId)) ?? '';
					await joinByCvr(trx, linked.userId, organisation.id, memberName);
				}
				return session(linked.userId);
			}
			if (organisation) {
				if (!claims.email) return refuse(403, m.oidc_no_email({ provider: name }));
				if (await findUserByEmail(trx, claims.email)) {
					return refuse(409, m.oidc_email_has_account({ email: claims.email, provider: name }));
				}
				const memberName = claims.name ?? claims.email.split('@')[0];
				const id = await insertUserWithoutPassword(trx, claims.email, memberName);
				await link(trx, provider, id, claims, now);
				await joinByCvr(trx, id, organisation.id, memberName);
				return session(id);
			}
			const message = claims.organisation
				? m.oidc_unknown_identity_org({ provider: name, organisation: claims.organisation })
				: m.oidc_unknown_identity({ provider: name });
			return refuse(403, message);
		});
	} catch (e) {
		if (e instanceof Rollback) return e.refusal;
		throw e;
	}
}

export interface LinkedLogin {
	id: string;
	provider: string;
	providerName: string;
	email: string;
	createdAt: Date;
	lastLoginAt: Date | null;
}

/** The user's linked logins, with the provider's button name (its id when no longer set up). */
export async function listLinkedLogins(
	db: Kysely<DB>,
	userId: string,
	providers: OidcProvider[]
): Promise<LinkedLogin[]> {
	const rows = await listLinkedIdentityRows(db, userId);
	return rows.map((row) => ({
		...row,
		providerName: providers.find((p) => p.id === row.provider)?.displayName ?? row.provider
	}));
}

/**
 * Removes one of the user's own linked logins. The last way in stays: an account without a
 * password keeps its only linked login (the user sets a password first).
 */
export async function unlinkLogin(
	db: Kysely<DB>,
	userId: string,
	identityId: string,
	providers: OidcProvider[]
): Promise<{ ok: true; value: { providerName: string } } | Refusal> {
	if (!UUID.test(identityId)) return refuse(404, m.profile_login_not_found());
	try {
		return await db.transaction().execute(async (trx) => {
			const logins = await countLogins(trx, userId);
			const removed = await deleteLinkedIdentity(trx, userId, identityId);
			if (!logins || !removed) return refuse(404, m.profile_login_not_found());
			if (!logins.hasPassword && logins.identities <= 1) {
				throw new Rollback(refuse(409, m.profile_login_last()));
			}
			const providerName =
				providers.find((p) => p.id === removed.provider)?.displayName ?? removed.provider;
			await auditIdentity(trx, userId, 'delete', providerName, removed.email);
			return { ok: true as const, value: { providerName } };
		});
	} catch (e) {
		if (e instanceof Rollback) return e.refusal;
		throw e;
	}
}

/** A new account without a password: it logs in with its outside identity. */
function insertUserWithoutPassword(trx: Transaction<DB>, email: string, name: string) {
	return insertUser(trx, { email: email.trim().toLowerCase(), name, passwordHash: null });
}
