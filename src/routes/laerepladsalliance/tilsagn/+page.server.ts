import { redirect } from '@sveltejs/kit';
import { ownCompanyIds } from '$lib/apprenticeship/server';
import type { PageServerLoad } from './$types';
import { requireUser } from '$lib/platform/server';

// The secretariat's picker posts here (?virksomhed=…); a member of one company goes straight to it.
export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireUser(locals, url);
	const chosen = url.searchParams.get('virksomhed')?.trim() ?? '';
	const own = ownCompanyIds(user);
	const target = chosen || (own.length === 1 ? own[0] : '');
	redirect(
		303,
		target ? `/laerepladsalliance/tilsagn/${encodeURIComponent(target)}` : '/laerepladsalliance'
	);
};
