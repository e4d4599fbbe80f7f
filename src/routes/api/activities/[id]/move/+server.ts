import { json } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { getLocale } from '$lib/paraglide/runtime';
import { moveActivity, toCalendarEvents } from '$lib/activities/server';
import type { RequestHandler } from './$types';

const STATUS = { not_found: 404, forbidden: 403, invalid: 400 } as const;

/** Calendar drag & drop: POST {startDate: 'YYYY-MM-DD'}; answers with the moved event. */
export const POST: RequestHandler = async ({ request, url, params, locals }) => {
	// SvelteKit checks Origin only for form posts; a JSON post from another site must fail too.
	if (request.headers.get('origin') !== url.origin) {
		return json({ message: m.cal_api_origin() }, { status: 403 });
	}
	if (!locals.user) return json({ message: m.cal_api_login() }, { status: 401 });
	let startDate: unknown;
	try {
		startDate = ((await request.json()) as { startDate?: unknown } | null)?.startDate;
	} catch {
		startDate = undefined;
	}
	if (typeof startDate !== 'string') return json({ message: m.cal_api_body() }, { status: 400 });
	const result = await moveActivity(locals.db, locals.user, params.id, startDate);
	if (!result.ok) return json({ message: result.message }, { status: STATUS[result.reason] });
	const locale = getLocale() === 'en' ? 'en' : 'da';
	// The first day of the moved activity (a course on several mornings has one event a day).
	return json(toCalendarEvents(result.value, locals.user, locale)[0]);
};
