import { fail, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import {
	changeName,
	changePassword,
	listLinkedLogins,
	oidcProviders,
	throttledMessage,
	unlinkLogin
} from '$lib/auth/server';
import { formValues, parseForm, readForm, type FormFailure } from '$lib/platform/server';
import { changePasswordSchema, profileNameSchema, unlinkLoginSchema } from '$lib/auth';
import type { Actions, PageServerLoad } from './$types';

const LOGIN = '/login?next=/profil';

/** 'YYYY-MM-DD' in Copenhagen, for formatDate on the page. */
const copenhagenDate = (d: Date) =>
	d.toLocaleDateString('sv-SE', { timeZone: 'Europe/Copenhagen' });

export const load: PageServerLoad = async ({ locals, url }) => {
	if (!locals.user) redirect(303, LOGIN);
	const { name, email, isSecretariat, memberships } = locals.user;
	const providers = oidcProviders();
	const logins = await listLinkedLogins(locals.db, locals.user.id, providers);
	const linkedNow = providers.find((p) => p.id === url.searchParams.get('tilknyttet'));
	return {
		profile: { name, email, isSecretariat, memberships },
		logins: logins.map((l) => ({
			id: l.id,
			providerName: l.providerName,
			email: l.email,
			linkedOn: copenhagenDate(l.createdAt)
		})),
		// Providers not linked yet: each gets a "link" button.
		linkable: providers
			.filter((p) => !logins.some((l) => l.provider === p.id))
			.map((p) => ({ id: p.id, name: p.displayName })),
		linkedNow: linkedNow?.displayName ?? null
	};
};

export const actions: Actions = {
	unlink: async ({ request, locals }) => {
		if (!locals.user) redirect(303, LOGIN);
		const form = (await readForm(request)) ?? new FormData();
		const parsed = parseForm(unlinkLoginSchema, form);
		if (!parsed.ok) return fail(400, { ...parsed.failure.data, action: 'unlink' as const });
		const result = await unlinkLogin(locals.db, locals.user.id, parsed.data.id, oidcProviders());
		if (!result.ok) {
			const failure: FormFailure = { values: {}, errors: {}, message: result.message };
			return fail(result.status, { ...failure, action: 'unlink' as const });
		}
		return { action: 'unlink' as const, removed: result.value.providerName };
	},
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
