import { redirect } from '@sveltejs/kit';
import { cookieMaxAge, cookieName, isLocale } from '$lib/paraglide/runtime';
import { safeRedirectPath } from '$lib/platform/http/safe-redirect';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => redirect(303, '/');

// A plain form post, so switching language works before JavaScript loads.
export const actions: Actions = {
	default: async ({ request, cookies }) => {
		const form = await request.formData();
		const locale = String(form.get('locale') ?? '');
		if (isLocale(locale)) {
			cookies.set(cookieName, locale, {
				path: '/',
				maxAge: cookieMaxAge,
				httpOnly: false,
				sameSite: 'lax'
			});
		}
		redirect(303, safeRedirectPath(form.get('redirectTo')));
	}
};
