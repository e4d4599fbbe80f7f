import { error, fail, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { parseForm, formValues, mailOrigin, readForm, requireUser } from '$lib/platform/server';
import {
	changeMemberRole,
	inviteMember,
	listMembers,
	removeMember,
	canChangeMemberRole,
	canInviteWithRole,
	canManageMembers,
	canRemoveMember,
	canViewMembers,
	type OrganisationRef
} from '$lib/organisations/server';
import { inviteSchema, removeMemberSchema, roleChangeSchema } from '$lib/organisations';
import type { Actor } from '$lib/auth';
import { organisationOr404 } from '../../access.server';
import type { Actions, PageServerLoad } from './$types';

type Action = 'invite' | 'role' | 'remove';
type Event = { locals: App.Locals; url: URL; params: { slug: string }; request: Request };

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requireUser(locals, url);
	const { db, organisation } = await organisationOr404(locals.db, params.slug, (org) =>
		canViewMembers(user, org)
	);
	return {
		organisation: { id: organisation.id, name: organisation.name, slug: organisation.slug },
		members: await listMembers(db, organisation.id),
		canManage: canManageMembers(user, organisation),
		userId: user.id
	};
};

/** Shared start of each action: logged in, allowed (else 404), and a readable form. */
async function begin(event: Event, allowed: (user: Actor, org: OrganisationRef) => boolean) {
	const user = requireUser(event.locals, event.url);
	const found = await organisationOr404(event.locals.db, event.params.slug, (org) =>
		allowed(user, org)
	);
	const form = (await readForm(event.request)) ?? new FormData();
	return { user, form, ...found };
}

function failed(action: Action, form: FormData, errors: Record<string, string>) {
	// The invite form shows each reason at its field; a row's role or remove button has no field.
	const message = action === 'invite' ? m.form_fix_errors() : Object.values(errors)[0];
	return fail(400, { action, errors, values: formValues(form), message });
}

export const actions: Actions = {
	invite: async (event) => {
		const { user, form, db, organisation } = await begin(event, canManageMembers);
		const parsed = parseForm(inviteSchema, form);
		if (!parsed.ok) return failed('invite', form, parsed.failure.data.errors);
		if (!canInviteWithRole(user, organisation, parsed.data.role)) error(404, m.error_not_found());
		const result = await inviteMember(db, {
			organisation,
			email: parsed.data.email,
			role: parsed.data.role,
			invitedBy: user,
			origin: mailOrigin(event.url)
		});
		if (!result.ok) return failed('invite', form, result.errors);
		return { action: 'invite' as const, done: m.members_invited({ email: parsed.data.email }) };
	},

	role: async (event) => {
		const { user, form, db, organisation } = await begin(event, canChangeMemberRole);
		const parsed = parseForm(roleChangeSchema, form);
		// A malformed user id cannot be one of this organisation's members.
		if (!parsed.ok && parsed.failure.data.errors.userId) error(404, m.error_not_found());
		if (!parsed.ok) return failed('role', form, parsed.failure.data.errors);
		const result = await changeMemberRole(
			db,
			organisation.id,
			parsed.data.userId,
			parsed.data.role,
			user.id
		);
		if (!result) error(404, m.error_not_found());
		if (!result.ok) return failed('role', form, result.errors);
		return { action: 'role' as const, done: m.members_role_changed({ name: result.value.name }) };
	},

	remove: async (event) => {
		const { user, form, db, organisation } = await begin(event, canRemoveMember);
		const parsed = parseForm(removeMemberSchema, form);
		if (!parsed.ok) error(404, m.error_not_found());
		const result = await removeMember(db, organisation.id, parsed.data.userId, user.id);
		if (!result) error(404, m.error_not_found());
		if (!result.ok) return failed('remove', form, result.errors);
		// Whoever removes themselves can no longer see the list.
		if (parsed.data.userId === user.id) redirect(303, `/organisationer/${organisation.slug}`);
		return { action: 'remove' as const, done: m.members_removed() };
	}
};
