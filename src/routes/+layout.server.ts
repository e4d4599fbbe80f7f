import type { LayoutServerLoad } from './$types';
import { getLocale } from '$lib/paraglide/runtime';
import { navBadges } from '$lib/dashboard/server';
import { canReadOutbox } from '$lib/platform/server';

export const load: LayoutServerLoad = async ({ locals }) => ({
	badges: await navBadges(locals.db, locals.user),
	user: locals.user
		? {
				id: locals.user.id,
				name: locals.user.name,
				email: locals.user.email,
				isSecretariat: locals.user.isSecretariat,
				memberships: locals.user.memberships
			}
		: null,
	locale: getLocale(),
	showOutbox: canReadOutbox(locals.user)
});
