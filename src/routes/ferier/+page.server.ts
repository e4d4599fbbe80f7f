import { error, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { findMunicipality, listMunicipalities } from '$lib/organisations/server';
import { parseForm, readForm, requireUser } from '$lib/platform/server';
import {
	canEditSchoolHolidays,
	createSchoolHoliday,
	deleteSchoolHoliday,
	findEditableSchoolHoliday,
	listSchoolHolidays,
	updateSchoolHoliday,
	type HolidayResult
} from '$lib/activities/server';
import { schoolHolidaySchema } from '$lib/activities';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const db = locals.db;
	const municipalities = await listMunicipalities(db);
	const slug = url.searchParams.get('kommune');
	const municipality = slug ? municipalities.find((mu) => mu.slug === slug) : municipalities[0];
	if (slug && !municipality) error(404, m.holiday_err_not_found());
	return {
		municipalities,
		municipality: municipality ?? null,
		holidays: municipality ? await listSchoolHolidays(db, municipality.id) : [],
		canEdit: municipality ? canEditSchoolHolidays(locals.user, municipality.id) : false
	};
};

async function formOf(request: Request) {
	const form = await readForm(request);
	if (!form) error(400, m.form_fix_errors());
	return form;
}

/** Checked before the form, so someone else's holiday answers 404 whatever was posted. */
async function requireHoliday(db: App.Locals['db'], user: App.Locals['user'], form: FormData) {
	const id = String(form.get('id') ?? '');
	const holiday = await findEditableSchoolHoliday(db, user, id);
	if (!holiday) error(404, m.holiday_err_not_found());
	return holiday;
}

/** Back to the municipality's list (post/redirect/get), or 404 for what is not the user's. */
async function done(
	db: App.Locals['db'],
	result: HolidayResult<unknown>,
	municipalityId?: string
): Promise<never> {
	if (!result.ok) error(404, m.holiday_err_not_found());
	const municipality = municipalityId ? await findMunicipality(db, { id: municipalityId }) : null;
	const slug = municipality?.slug;
	redirect(303, slug ? `/ferier?kommune=${slug}` : '/ferier');
}

export const actions: Actions = {
	create: async ({ request, locals, url }) => {
		const user = requireUser(locals, url);
		const form = await formOf(request);
		const municipalityId = String(form.get('municipalityId') ?? '');
		if (!canEditSchoolHolidays(user, municipalityId)) error(404, m.holiday_err_not_found());
		const parsed = parseForm(schoolHolidaySchema, form);
		if (!parsed.ok) return parsed.failure;
		const result = await createSchoolHoliday(locals.db, user, municipalityId, parsed.data);
		return done(locals.db, result, municipalityId);
	},
	update: async ({ request, locals, url }) => {
		const user = requireUser(locals, url);
		const form = await formOf(request);
		const holiday = await requireHoliday(locals.db, user, form);
		const parsed = parseForm(schoolHolidaySchema, form);
		if (!parsed.ok) return parsed.failure;
		const result = await updateSchoolHoliday(locals.db, user, holiday.id, parsed.data);
		return done(locals.db, result, holiday.municipalityId);
	},
	delete: async ({ request, locals, url }) => {
		const user = requireUser(locals, url);
		const form = await formOf(request);
		const holiday = await requireHoliday(locals.db, user, form);
		const result = await deleteSchoolHoliday(locals.db, user, holiday.id);
		return done(locals.db, result, holiday.municipalityId);
	}
};
