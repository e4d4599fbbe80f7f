import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { copenhagenToday } from '$lib/platform/dates/iso';
import { nextSchoolYear, previousSchoolYear, schoolYearOf } from '$lib/platform/dates/school-year';
import { parseForm, refused, requireForm, requireUser } from '$lib/platform/server';
import { dutySchoolYear, loadDuty, savePupilCounts } from '$lib/allocation/server';
import { pupilCountSchema } from '$lib/allocation';
import type { Actions, PageServerLoad } from './$types';

// /praktikfordeling/pligt?aar=2026/27: the erhvervspraktik duty of the schools the user may see,
// and for a school the form to state its pupils in grades 7–9.

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireUser(locals, url);
	const today = copenhagenToday();
	const current = schoolYearOf(today);
	const asked = url.searchParams.get('aar')?.trim();
	const schoolYear = asked ? dutySchoolYear(asked) : current;
	if (schoolYear === null) error(400, m.duty_err_year());
	const duty = await loadDuty(locals.db, user, { schoolYear, today });
	if (!duty) error(404, m.duty_err_not_found());
	const years = [previousSchoolYear(current), current, nextSchoolYear(current)];
	if (!years.includes(schoolYear)) years.push(schoolYear);
	return { duty, years: years.sort() };
};

export const actions: Actions = {
	default: async ({ locals, url, request }) => {
		const user = requireUser(locals, url);
		const form = await requireForm(request);
		const parsed = parseForm(pupilCountSchema, form);
		if (!parsed.ok) return parsed.failure;
		const result = await savePupilCounts(locals.db, user, parsed.data);
		if (!result.ok) return refused(form, result);
		return { saved: true, schoolId: parsed.data.schoolId };
	}
};
