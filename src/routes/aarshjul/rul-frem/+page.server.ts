import { error, fail } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { getLocale } from '$lib/paraglide/runtime';
import { copenhagenToday } from '$lib/platform/dates/iso';
import { formatDateRange } from '$lib/platform/dates/format';
import { formatWeekRange } from '$lib/platform/dates/weeks';
import {
	currentSchoolYear,
	formatSchoolYear,
	isSchoolYearLabel,
	parseSchoolYear
} from '$lib/platform/dates/school-year';
import { conflictText } from '$lib/activities';
import { readForm, requireUser } from '$lib/platform/server';
import { singleLine } from '$lib/platform/input-text';

const MAX_TITLE = 200;
import {
	listCategories,
	applyRollForward,
	listRollForwardCandidates,
	previewRollForward
} from '$lib/activities/server';
import type { Actions, PageServerLoad } from './$types';

const locale = () => (getLocale() === 'en' ? 'en' : 'da');
const span = (start: string, end: string) =>
	`${formatDateRange(start, end, locale())} (${formatWeekRange(start, end, locale())})`;

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireUser(locals, url);
	const current = currentSchoolYear(copenhagenToday());
	const asked = url.searchParams.get('year') ?? '';
	const year = isSchoolYearLabel(asked) ? asked : current;
	const categoryId = url.searchParams.get('kategori') ?? '';
	const db = locals.db;
	const candidates = await listRollForwardCandidates(db, user, year, { categoryId });
	const first = parseSchoolYear(current)! - 2;
	return {
		year,
		years: Array.from({ length: 5 }, (_, i) => formatSchoolYear(first + i)),
		categoryId,
		categories: (await listCategories(db)).map((c) => ({
			id: c.id,
			name: locale() === 'en' ? c.nameEn : c.nameDa
		})),
		// Everything is ticked unless the user asked for none (works without JavaScript).
		checked: url.searchParams.get('valg') !== 'ingen',
		candidates: candidates.map((c) => ({
			id: c.id,
			title: c.title,
			when: span(c.startDate, c.endDate),
			category: locale() === 'en' ? c.categoryNameEn : c.categoryNameDa,
			colour: c.colour,
			ownerName: c.ownerName
		}))
	};
};

async function chosen(request: Request) {
	const form = await readForm(request);
	if (!form) error(400, m.form_fix_errors());
	const fromYear = String(form.get('year') ?? '');
	const activityIds = form.getAll('activityIds').map(String);
	if (!isSchoolYearLabel(fromYear))
		return { problem: fail(400, { message: m.rollforward_bad_year() }) };
	if (activityIds.length === 0)
		return { problem: fail(400, { message: m.rollforward_choose_one() }) };
	// The copies' titles as edited in the preview: title-<source id>.
	const titles: Record<string, string> = {};
	for (const id of activityIds) {
		const title = singleLine(String(form.get(`title-${id}`) ?? '')).trim();
		if (title.length > MAX_TITLE) {
			return { problem: fail(400, { message: m.rollforward_title_too_long({ max: MAX_TITLE }) }) };
		}
		if (title) titles[id] = title;
	}
	return { fromYear, activityIds, titles };
}

export const actions: Actions = {
	preview: async ({ request, locals, url }) => {
		const user = requireUser(locals, url);
		const choice = await chosen(request);
		if ('problem' in choice) return choice.problem;
		const preview = await previewRollForward(locals.db, user, choice);
		if (!preview) return fail(400, { message: m.rollforward_bad_year() });
		return {
			preview: {
				fromYear: preview.fromYear,
				toYear: preview.toYear,
				ignored: preview.ignored.length,
				items: preview.items.map((i) => ({
					id: i.id,
					title: i.title,
					newTitle: i.newTitle,
					ownerName: i.ownerName,
					from: span(i.source.start, i.source.end),
					to: i.target ? span(i.target.start, i.target.end) : null,
					conflicts: i.conflicts.map((c) => conflictText(c, i.source.start, preview.toYear)),
					skipped: !i.target || i.conflicts.some((c) => c.kind === 'exists')
				}))
			}
		};
	},
	apply: async ({ request, locals, url }) => {
		const user = requireUser(locals, url);
		const choice = await chosen(request);
		if ('problem' in choice) return choice.problem;
		const outcome = await applyRollForward(locals.db, user, choice);
		if (!outcome) return fail(400, { message: m.rollforward_bad_year() });
		return {
			outcome: {
				toYear: outcome.toYear,
				created: outcome.created,
				skipped: outcome.skipped,
				ignored: outcome.ignored.length
			}
		};
	}
};
