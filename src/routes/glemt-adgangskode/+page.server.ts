import { fail } from '@sveltejs/kit';
import { requestPasswordReset, throttledMessage } from '$lib/auth/server';
import {
	formValues,
	parseForm,
	readForm,
	type FormFailure,
	mailOrigin
} from '$lib/platform/server';
import { forgotPasswordSchema } from '$lib/auth';
import type { Actions } from './$types';

export const actions: Actions = {
	default: async ({ request, locals, url, getClientAddress }) => {
		const form = (await readForm(request)) ?? new FormData();
		const parsed = parseForm(forgotPasswordSchema, form);
		if (!parsed.ok) return parsed.failure;
		const result = await requestPasswordReset(locals.db, {
			email: parsed.data.email,
			ip: getClientAddress(),
			origin: mailOrigin(url)
		});
		if (!result.ok) {
			const message = throttledMessage(result.retryAfterSeconds);
			const failure: FormFailure = { errors: {}, values: formValues(form), message };
			return fail(429, failure);
		}
		// The same answer whether or not the account exists.
		return { sent: true };
	}
};
