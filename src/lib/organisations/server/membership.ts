import type { Kysely } from 'kysely';
import { m } from '$lib/paraglide/messages.js';
import type { DB, Organisation, Role } from '$lib/platform/server/db/schema';
import { sendInvitationMail } from '$lib/platform/server/mail';
import type { OrganisationInput } from '$lib/organisations/schema';
import { createOrganisation, inTransaction, type Outcome } from './organisation';
import { createInvitation } from '$lib/auth/server';
import { auditInvitation, auditMembership } from './member-audit';
import { memberSummary } from '$lib/audit/server';
import {
	deleteMembership,
	isMemberByEmail,
	listMembers,
	lockMemberships,
	setMemberRole,
	type Member
} from './queries/memberships';

export { listMembers, type Member };

/**
 * Null when the user is not a member of this organisation. An organisation never loses its last
 * administrator: demoting them is a field error.
 */
export function changeMemberRole(
	db: Kysely<DB>,
	organisationId: string,
	userId: string,
	role: Role,
	actorId: string | null = null
): Promise<Outcome<Member> | null> {
	return inTransaction(db, async (trx) => {
		const members = await lockMemberships(trx, organisationId);
		const target = members.find((ms) => ms.userId === userId);
		if (!target) return null;
		const admins = members.filter((ms) => ms.role === 'admin').length;
		if (target.role === 'admin' && role !== 'admin' && admins <= 1)
			return { ok: false, errors: { role: m.members_last_admin() } };
		await setMemberRole(trx, organisationId, userId, role);
		const member = (await listMembers(trx, organisationId)).find((ms) => ms.userId === userId);
		if (!member) throw new Error('membership vanished inside its own transaction');
		const summary = memberSummary(member.name, role);
		await auditMembership(trx, actorId, 'update', organisationId, userId, summary);
		return { ok: true, value: member };
	});
}

/** Null when the user is not a member of this organisation; the last admin stays. */
export function removeMember(
	db: Kysely<DB>,
	organisationId: string,
	userId: string,
	actorId: string | null = null
): Promise<Outcome<true> | null> {
	return inTransaction(db, async (trx) => {
		const members = await lockMemberships(trx, organisationId);
		const target = members.find((ms) => ms.userId === userId);
		if (!target) return null;
		const admins = members.filter((ms) => ms.role === 'admin').length;
		if (target.role === 'admin' && admins <= 1)
			return { ok: false, errors: { userId: m.members_last_admin() } };
		const name = await deleteMembership(trx, organisationId, userId);
		const summary = memberSummary(name ?? '', target.role);
		await auditMembership(trx, actorId, 'delete', organisationId, userId, summary);
		return { ok: true, value: true };
	});
}

export interface InviteInput {
	organisation: { id: string; name: string };
	email: string;
	role: Role;
	invitedBy: { id: string };
	/** The site's origin, e.g. https://aarshjul.example.dk, for the link in the mail. */
	origin: string;
}

type Invitation = { email: string; token: string; expiresAt: Date };

async function prepareInvitation(
	db: Kysely<DB>,
	input: Omit<InviteInput, 'origin'>
): Promise<Outcome<Invitation>> {
	const email = input.email.trim().toLowerCase();
	if (await isMemberByEmail(db, input.organisation.id, email))
		return { ok: false, errors: { email: m.members_already_member() } };
	const { token, expiresAt } = await createInvitation(db, {
		email,
		organisationId: input.organisation.id,
		role: input.role,
		createdBy: input.invitedBy.id
	});
	await auditInvitation(db, input.invitedBy.id, input.organisation.id, email, input.role);
	return { ok: true, value: { email, token, expiresAt } };
}

// Sent after the commit: a slow SMTP server must not hold the (single, on PGlite) connection.
async function mailInvitation(
	db: Kysely<DB>,
	organisationName: string,
	role: Role,
	invitation: Invitation,
	origin: string
) {
	const base = origin.replace(/\/+$/, '');
	await sendInvitationMail(db, {
		...invitation,
		to: invitation.email,
		organisationName,
		role,
		origin: base
	});
	return { link: `${base}/invitation/${invitation.token}`, expiresAt: invitation.expiresAt };
}

/**
 * Creates the invitation and queues the Danish mail with its link. An e-mail that already belongs
 * to a member is a field error.
 */
export async function inviteMember(
	db: Kysely<DB>,
	input: InviteInput
): Promise<Outcome<{ link: string; expiresAt: Date }>> {
	const prepared = await inTransaction(db, (trx) => prepareInvitation(trx, input));
	if (!prepared.ok) return prepared;
	const sent = await mailInvitation(
		db,
		input.organisation.name,
		input.role,
		prepared.value,
		input.origin
	);
	return { ok: true, value: sent };
}

/** Creates an organisation and, in the same transaction, the invitation of its first admin. */
export async function createOrganisationWithAdmin(
	db: Kysely<DB>,
	input: OrganisationInput,
	admin: { email: string; invitedBy: { id: string }; origin: string } | null,
	actorId: string | null = admin?.invitedBy.id ?? null
): Promise<Outcome<Organisation>> {
	const result = await inTransaction(db, async (trx) => {
		const created = await createOrganisation(trx, input, actorId);
		if (!created.ok || !admin) return { created, invitation: null };
		const invitation = await prepareInvitation(trx, {
			organisation: created.value,
			email: admin.email,
			role: 'admin',
			invitedBy: admin.invitedBy
		});
		if (!invitation.ok) throw new Error('a new organisation cannot have members yet');
		return { created, invitation: invitation.value };
	});
	if (result.created.ok && result.invitation && admin)
		await mailInvitation(db, result.created.value.name, 'admin', result.invitation, admin.origin);
	return result.created;
}
