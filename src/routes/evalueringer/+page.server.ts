import { copenhagenToday } from '$lib/platform/dates/iso';
import {
	currentSchoolYear,
	isSchoolYearLabel,
	previousSchoolYear
} from '$lib/platform/dates/school-year';
import { listActivitiesLackingEvaluation, listRecentEvaluations } from '$lib/evaluations/server';
import type { PageServerLoad } from './$types';
import { requireUser } from '$lib/platform/server';

/** Evaluations concern what has happened: this year and the four before it. */
const YEARS_SHOWN = 5;

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireUser(locals, url);
	const now = new Date();
	const current = currentSchoolYear(copenhagenToday(now));
	const years = [current];
	while (years.length < YEARS_SHOWN) years.push(previousSchoolYear(years[years.length - 1]));
	const asked = url.searchParams.get('skoleaar') ?? '';
	// An unknown or future year falls back to this one rather than showing an empty page.
	const schoolYear = isSchoolYearLabel(asked) && years.includes(asked) ? asked : current;
	const db = locals.db;
	return {
		schoolYear,
		years,
		lacking: await listActivitiesLackingEvaluation(db, user, { schoolYear, now }),
		recent: await listRecentEvaluations(db, user)
	};
};
