import { compareDates, daysInMonth, isIsoDate, type IsoDate } from '$lib/platform/dates/iso';
import { spansOf, type RecurrenceRule, type Span } from './recurrence-rules';

export type { RecurrenceRule } from './recurrence-rules';

export const MAX_OCCURRENCES = 500;

/** A recurring series: its rule, the first day it may start, and an end (until or count). */
export interface RecurrenceSeries {
	rule: RecurrenceRule;
	start: IsoDate;
	until?: IsoDate;
	count?: number;
}

export interface Occurrence extends Span {
	/** The occurrence's original start date; stays the same when the occurrence is moved. */
	occurrenceKey: IsoDate;
}

export interface RecurrenceIssue {
	field: string;
	message: string;
}

export class RecurrenceTooLargeError extends Error {
	readonly status = 400;
	constructor() {
		super(
			`Gentagelsen giver mere end ${MAX_OCCURRENCES} forekomster. Vælg en tidligere slutdato eller færre gentagelser.`
		);
		this.name = 'RecurrenceTooLargeError';
	}
}

export class InvalidRecurrenceError extends Error {
	readonly status = 400;
	constructor(readonly issues: RecurrenceIssue[]) {
		super(issues.map((issue) => issue.message).join(' '));
		this.name = 'InvalidRecurrenceError';
	}
}

const isInt = (value: unknown, min: number, max: number): boolean =>
	Number.isInteger(value) && (value as number) >= min && (value as number) <= max;

const WEEKDAY_MESSAGE = 'Ugedagen skal være mellem 1 (mandag) og 7 (søndag).';
const MONTH_MESSAGE = 'Måneden skal være mellem 1 og 12.';

function ruleIssues(rule: RecurrenceRule): RecurrenceIssue[] {
	const issues: RecurrenceIssue[] = [];
	const check = (ok: boolean, field: string, message: string) => {
		if (!ok) issues.push({ field, message });
	};
	const checkWeekdaySpan = (from: unknown, to: unknown) => {
		check(isInt(from, 1, 7), 'fromWeekday', WEEKDAY_MESSAGE);
		check(isInt(to, 1, 7), 'toWeekday', WEEKDAY_MESSAGE);
		check(
			!((to as number) < (from as number)),
			'toWeekday',
			'Slutdagen skal ligge samme dag som eller efter startdagen.'
		);
	};
	switch (rule?.kind) {
		case 'yearlyIsoWeek':
			check(isInt(rule.week, 1, 53), 'week', 'Ugenummeret skal være mellem 1 og 53.');
			checkWeekdaySpan(rule.fromWeekday, rule.toWeekday);
			break;
		case 'yearlyDate':
			check(isInt(rule.month, 1, 12), 'month', MONTH_MESSAGE);
			// A leap year's February is the longest, so 29 February is allowed and 30 February is not.
			check(
				isInt(rule.day, 1, isInt(rule.month, 1, 12) ? daysInMonth(2000, rule.month) : 31),
				'day',
				'Dagen findes ikke i den valgte måned.'
			);
			check(
				rule.durationDays === undefined || isInt(rule.durationDays, 1, 366),
				'durationDays',
				'Varigheden skal være mellem 1 og 366 dage.'
			);
			break;
		case 'everyNWeeks':
			check(isInt(rule.interval, 1, 52), 'interval', 'Intervallet skal være mellem 1 og 52 uger.');
			check(isInt(rule.weekday, 1, 7), 'weekday', WEEKDAY_MESSAGE);
			check(isIsoDate(rule.fromDate), 'fromDate', 'Vælg en gyldig dato at regne fra.');
			break;
		case 'nthWeekdayOfMonth':
			check(
				rule.n === -1 || isInt(rule.n, 1, 4),
				'n',
				'Vælg første, anden, tredje, fjerde eller sidste.'
			);
			check(isInt(rule.weekday, 1, 7), 'weekday', WEEKDAY_MESSAGE);
			check(
				rule.months === undefined ||
					(Array.isArray(rule.months) &&
						rule.months.length > 0 &&
						rule.months.every((m) => isInt(m, 1, 12))),
				'months',
				'Vælg mindst én måned mellem 1 og 12.'
			);
			break;
		case 'lastWeekOfMonth':
			check(rule.month === undefined || isInt(rule.month, 1, 12), 'month', MONTH_MESSAGE);
			checkWeekdaySpan(rule.fromWeekday, rule.toWeekday);
			break;
		default:
			check(false, 'kind', 'Vælg hvordan aktiviteten skal gentages.');
	}
	return issues;
}

/** Everything wrong with a series, in Danish; empty when it is valid. */
export function validateRecurrence(series: RecurrenceSeries): RecurrenceIssue[] {
	const issues = ruleIssues(series.rule);
	const validStart = isIsoDate(series.start);
	if (!validStart) issues.push({ field: 'start', message: 'Startdatoen er ikke en gyldig dato.' });
	const hasUntil = series.until !== undefined;
	const hasCount = series.count !== undefined;
	if (hasUntil === hasCount) {
		issues.push({ field: 'until', message: 'Vælg enten en slutdato eller et antal gentagelser.' });
	} else if (hasUntil && !isIsoDate(series.until)) {
		issues.push({ field: 'until', message: 'Slutdatoen er ikke en gyldig dato.' });
	} else if (hasUntil && validStart && compareDates(series.until!, series.start) < 0) {
		issues.push({ field: 'until', message: 'Slutdatoen skal ligge efter startdatoen.' });
	} else if (hasCount && !isInt(series.count, 1, MAX_OCCURRENCES)) {
		issues.push({
			field: 'count',
			message: `Antallet af gentagelser skal være mellem 1 og ${MAX_OCCURRENCES}.`
		});
	}
	return issues;
}

/**
 * The occurrences of a series that touch [from, to], in date order. `count` counts from the
 * series start, also occurrences before `from`. Throws InvalidRecurrenceError for a bad series
 * and RecurrenceTooLargeError beyond MAX_OCCURRENCES, both meant to become a 400 answer.
 */
export function expandRecurrence(
	series: RecurrenceSeries,
	from: IsoDate,
	to: IsoDate
): Occurrence[] {
	const issues = validateRecurrence(series);
	if (issues.length > 0) throw new InvalidRecurrenceError(issues);
	const last = series.until && compareDates(series.until, to) < 0 ? series.until : to;
	const occurrences: Occurrence[] = [];
	let produced = 0;
	for (const span of spansOf(series.rule, series.start)) {
		if (span.start < series.start) continue;
		if (span.start > last || (series.count !== undefined && produced >= series.count)) break;
		produced++;
		if (span.end < from) continue;
		if (occurrences.length === MAX_OCCURRENCES) throw new RecurrenceTooLargeError();
		occurrences.push({ ...span, occurrenceKey: span.start });
	}
	return occurrences;
}

export interface OccurrenceExceptions {
	cancelled?: Iterable<IsoDate>;
	moved?: ReadonlyMap<IsoDate, Span>;
}

/** Drops cancelled occurrences and moves overridden ones, keeping their occurrenceKey. */
export function applyExceptions(
	occurrences: readonly Occurrence[],
	exceptions: OccurrenceExceptions
): Occurrence[] {
	const cancelled = new Set(exceptions.cancelled ?? []);
	return occurrences
		.filter((occurrence) => !cancelled.has(occurrence.occurrenceKey))
		.map((occurrence) => {
			const moved = exceptions.moved?.get(occurrence.occurrenceKey);
			return moved ? { ...moved, occurrenceKey: occurrence.occurrenceKey } : occurrence;
		});
}
