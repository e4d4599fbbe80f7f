import { fail, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { changeName, changePassword, throttledMessage } from '$lib/auth/server';
import { formValues, parseForm, readForm, type FormFailure } from '$lib/platform/server';
import { changePasswordSchema, profileNameSchema } from '$lib/auth';
import type { Actions, PageServerLoad } from './$types';

const LOGIN = '/login?next=/profil';

export const load: PageServerLoad = ({ locals }) => {
	if (!locals.user) redirect(303, LOGIN);
	const { name, email, isSecretariat, memberships } = locals.user;
	return { profile: { name, email, isSecretariat, memberships } };
};

export const actions: Actions = {
	name: async ({ request, locals }) => {
		if (!locals.user) redirect(303, LOGIN);
		const form = (await readForm(request)) ?? new FormData();
		const parsed = parseForm(profileNameSchema, form);
		if (!parsed.ok) return fail(400, { ...parsed.failure.data, action: 'name' as const });
		await changeName(locals.db, locals.user.id, parsed.data.name);
		// The loads after this action read locals, which the hook filled before the change.
		locals.user.name = parsed.data.name;
		return { action: 'name' as const, saved: true };
	},
	password: async ({ request, locals }) => {
		if (!locals.user || !locals.session) redirect(303, LOGIN);
		const form = (await readForm(request)) ?? new FormData();
		const parsed = parseForm(changePasswordSchema, form);
		if (!parsed.ok) return fail(400, { ...parsed.failure.data, action: 'password' as const });
		const { currentPassword, password } = parsed.data;
		const db = locals.db;
		const result = await changePassword(
			db,
			locals.user.id,
			currentPassword,
			password,
			locals.session.id
		);
		if (!result.ok) {
			const throttled = result.reason === 'throttled';
			const failure: FormFailure = {
				values: formValues(form),
				errors: throttled ? {} : { currentPassword: m.profile_password_wrong() },
				message: throttled ? throttledMessage(result.retryAfterSeconds) : m.form_fix_errors()
			};
			return fail(throttled ? 429 : 400, { ...failure, action: 'password' as const });
		}
		return { action: 'password' as const, saved: true };
	}
};
