import { m } from '$lib/paraglide/messages.js';
import { formatDate, monthName, weekdayName } from '$lib/platform/dates/format';
import type { Locale } from '$lib/platform/dates/weeks';
import type { RecurrenceRule } from '$lib/wheel';

const ORDINAL: Record<string, () => string> = {
	'1': m.series_n_1,
	'2': m.series_n_2,
	'3': m.series_n_3,
	'4': m.series_n_4,
	'-1': m.series_n_last
};

export const ORDINALS = ['1', '2', '3', '4', '-1'].map((value) => ({
	value,
	label: ORDINAL[value]
}));

/** 'Hvert år i uge 6, mandag–fredag' and the like, in the request's language. */
export function ruleText(rule: RecurrenceRule, locale: Locale = 'da'): string {
	const day = (d: number) => weekdayName(d, locale);
	const months = (list?: number[]) =>
		list?.length
			? ` ${m.series_rule_months({ months: list.map((mo) => monthName(mo, locale)).join(', ') })}`
			: '';
	switch (rule.kind) {
		case 'yearlyIsoWeek':
			return m.series_rule_yearlyIsoWeek({
				week: rule.week,
				from: day(rule.fromWeekday),
				to: day(rule.toWeekday)
			});
		case 'yearlyDate':
			return m.series_rule_yearlyDate({ day: rule.day, month: monthName(rule.month, locale) });
		case 'everyNWeeks':
			return m.series_rule_everyNWeeks({ interval: rule.interval, weekday: day(rule.weekday) });
		case 'nthWeekdayOfMonth':
			return (
				m.series_rule_nth({ n: ORDINAL[String(rule.n)](), weekday: day(rule.weekday) }) +
				months(rule.months)
			);
		case 'lastWeekOfMonth':
			return (
				m.series_rule_last_week({ from: day(rule.fromWeekday), to: day(rule.toWeekday) }) +
				months(rule.month ? [rule.month] : undefined)
			);
	}
}

export function periodText(
	series: { startsOn: string; until: string | null; occurrenceCount: number | null },
	locale: Locale = 'da'
): string {
	const start = formatDate(series.startsOn, locale);
	return series.until
		? m.series_period_until({ start, until: formatDate(series.until, locale) })
		: m.series_period_count({ start, count: series.occurrenceCount ?? 0 });
}
