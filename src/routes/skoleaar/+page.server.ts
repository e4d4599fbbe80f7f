import { error, fail } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { formValues, readForm, requireUser } from '$lib/platform/server';
import {
	canCloseSchoolYear,
	closeSchoolYear,
	previewClose,
	listSchoolYears
} from '$lib/school-year/server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireUser(locals, url);
	const db = locals.db;
	const years = await listSchoolYears(db, user);
	if (!years) error(404, m.error_not_found());
	const chosen = url.searchParams.get('aar');
	if (chosen === null) return { years, preview: null, previewError: null };
	const preview = await previewClose(db, user, chosen);
	return preview.ok
		? { years, preview: preview.value, previewError: null }
		: { years, preview: null, previewError: preview.message };
};

export const actions: Actions = {
	close: async ({ request, locals, url }) => {
		const user = requireUser(locals, url);
		if (!canCloseSchoolYear(user)) error(404, m.error_not_found());
		const form = await readForm(request);
		if (!form) error(400, m.form_fix_errors());
		const values = formValues(form);
		const year = String(form.get('year') ?? '');
		// Deleting for good: the box must be ticked, also when JavaScript is off.
		if (form.get('confirm') !== 'yes') {
			const message = m.privacy_err_confirm();
			return fail(400, { errors: { confirm: message }, values, message });
		}
		const result = await closeSchoolYear(locals.db, user, year);
		if (!result.ok) {
			if (result.status === 404) error(404, result.message);
			return fail(result.status, {
				errors: result.errors ?? { year: result.message },
				values,
				message: result.message
			});
		}
		return { closed: result.value };
	}
};
