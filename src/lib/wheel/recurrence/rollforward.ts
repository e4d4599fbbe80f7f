import { danishPublicHolidays } from '$lib/platform/dates/holidays';
import { addDays, diffDays, spansOverlap, weekday, type IsoDate } from '$lib/platform/dates/iso';
import {
	nextSchoolYear,
	schoolYearOf,
	type SchoolYearLabel
} from '$lib/platform/dates/school-year';
import { dateFromIsoWeek, isoWeek } from '$lib/platform/dates/weeks';

export interface RollForwardItem {
	id: string;
	start: IsoDate;
	end: IsoDate;
}

export interface SchoolHoliday {
	start: IsoDate;
	end: IsoDate;
	name: string;
}

export type RollForwardConflict =
	/** The span starts in uge 53, which next year does not have: there is no target. */
	| { kind: 'week53' }
	| { kind: 'publicHoliday'; date: IsoDate; name: string }
	| { kind: 'schoolHoliday'; start: IsoDate; end: IsoDate; name: string }
	/** Keeping the week moved the span out of the next school year (only near 1 August). */
	| { kind: 'outsideSchoolYear'; schoolYear: SchoolYearLabel };

export interface RolledSpan {
	start: IsoDate;
	end: IsoDate;
	/** Days the span moved: 364 or 371. */
	shiftDays: number;
}

export interface RollForwardResult {
	id: string;
	source: { start: IsoDate; end: IsoDate };
	target: RolledSpan | null;
	conflicts: RollForwardConflict[];
}

export interface RollForwardOptions {
	/** The next school year's holidays, e.g. the municipality's efterårsferie and vinterferie. */
	schoolHolidays?: readonly SchoolHoliday[];
}

/**
 * The same ISO week and weekday one year later, keeping the length (also across New Year);
 * null when the span starts in uge 53 and the next year has none.
 */
export function rollForwardSpan(start: IsoDate, end: IsoDate): RolledSpan | null {
	const { weekYear, week } = isoWeek(start);
	const targetStart = dateFromIsoWeek(weekYear + 1, week, weekday(start));
	if (targetStart === null) return null;
	return {
		start: targetStart,
		end: addDays(targetStart, diffDays(start, end)),
		shiftDays: diffDays(start, targetStart)
	};
}

function conflictsOf(
	source: RollForwardItem,
	target: RolledSpan,
	schoolHolidays: readonly SchoolHoliday[]
): RollForwardConflict[] {
	const conflicts: RollForwardConflict[] = [];
	const expectedYear = nextSchoolYear(schoolYearOf(source.start));
	if (schoolYearOf(target.start) !== expectedYear) {
		conflicts.push({ kind: 'outsideSchoolYear', schoolYear: schoolYearOf(target.start) });
	}
	for (const holiday of danishPublicHolidays(target.start, target.end)) {
		conflicts.push({ kind: 'publicHoliday', date: holiday.date, name: holiday.name });
	}
	for (const holiday of schoolHolidays) {
		if (spansOverlap(target.start, target.end, holiday.start, holiday.end)) {
			conflicts.push({
				kind: 'schoolHoliday',
				start: holiday.start,
				end: holiday.end,
				name: holiday.name
			});
		}
	}
	return conflicts;
}

/** Rolls each item into the next school year and reports what the user should check. */
export function rollForward(
	items: readonly RollForwardItem[],
	options: RollForwardOptions = {}
): RollForwardResult[] {
	return items.map((item) => {
		const source = { start: item.start, end: item.end };
		const target = rollForwardSpan(item.start, item.end);
		const conflicts: RollForwardConflict[] = target
			? conflictsOf(item, target, options.schoolHolidays ?? [])
			: [{ kind: 'week53' }];
		return { id: item.id, source, target, conflicts };
	});
}

const YEAR_IN_TITLE = /(?<!\d)((?:19|20)\d{2})(?:([/–-])(\d{4}|\d{2}))?(?!\d)/g;

/**
 * A title as it reads one year later: each year moves on by one ('Alliancemøde september 2026'
 * → '… 2027'), and so does a school year ('2026/27' → '2027/28', '2026-2027' → '2027-2028').
 * Other numbers ('8. klasse', 'uge 44', '100 år') stay.
 */
export function rollTitleForward(title: string): string {
	return title.replace(YEAR_IN_TITLE, (_all, year: string, sep?: string, second?: string) => {
		const first = String(Number(year) + 1);
		if (!sep || !second) return first;
		const next =
			second.length === 4
				? String(Number(second) + 1)
				: String((Number(second) + 1) % 100).padStart(2, '0');
		return `${first}${sep}${next}`;
	});
}
