import { fail, redirect } from '@sveltejs/kit';
import { safeRedirectPath } from '$lib/platform/http/safe-redirect';
import {
	logIn,
	throttledMessage,
	DEVICE_COOKIE,
	deviceCookieOptions,
	knownDeviceCookie,
	readKnownDevice,
	createSession,
	oidcProviders,
	setSessionCookie
} from '$lib/auth/server';
import { formValues, parseForm, readForm, type FormFailure } from '$lib/platform/server';
import { loginSchema } from '$lib/auth';
import { m } from '$lib/paraglide/messages.js';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	const next = safeRedirectPath(url.searchParams.get('next'));
	if (locals.user) redirect(303, next);
	const providers = oidcProviders().map((p) => ({ id: p.id, name: p.displayName }));
	return { next, providers };
};

export const actions: Actions = {
	default: async ({ request, cookies, locals, url, getClientAddress }) => {
		const form = (await readForm(request)) ?? new FormData();
		const parsed = parseForm(loginSchema, form);
		if (!parsed.ok) return parsed.failure;
		const db = locals.db;
		const device = await readKnownDevice(db, cookies.get(DEVICE_COOKIE));
		const result = await logIn(db, { ...parsed.data, ip: getClientAddress(), device });
		if (!result.ok) {
			const throttled = result.reason === 'throttled';
			const failure: FormFailure = {
				errors: {},
				values: formValues(form),
				message: throttled ? throttledMessage(result.retryAfterSeconds) : m.auth_login_invalid()
			};
			return fail(throttled ? 429 : 400, failure);
		}
		const { token, session } = await createSession(db, result.userId);
		setSessionCookie(cookies, url, token, session.expiresAt);
		const known = await knownDeviceCookie(db, device, result.userId);
		cookies.set(DEVICE_COOKIE, known, deviceCookieOptions(url));
		redirect(303, safeRedirectPath(form.get('next') ?? url.searchParams.get('next')));
	}
};
