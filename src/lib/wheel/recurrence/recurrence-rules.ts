import {
	addDays,
	daysInMonth,
	formatIsoDate,
	isLeapYear,
	parseIsoDate,
	weekday,
	type IsoDate,
	type Weekday
} from '$lib/platform/dates/iso';
import { dateFromIsoWeek } from '$lib/platform/dates/weeks';

/** The rule kinds a recurring series can follow; weekdays are ISO (1 = Monday). */
export type RecurrenceRule =
	| { kind: 'yearlyIsoWeek'; week: number; fromWeekday: Weekday; toWeekday: Weekday }
	| { kind: 'yearlyDate'; month: number; day: number; durationDays?: number }
	| { kind: 'everyNWeeks'; interval: number; weekday: Weekday; fromDate: IsoDate }
	| { kind: 'nthWeekdayOfMonth'; n: 1 | 2 | 3 | 4 | -1; weekday: Weekday; months?: number[] }
	| { kind: 'lastWeekOfMonth'; month?: number; fromWeekday: Weekday; toWeekday: Weekday };

export interface Span {
	start: IsoDate;
	end: IsoDate;
}

/** Stops a rule that can never match again from looping forever. */
const LAST_YEAR = 9999;

function yearOf(date: IsoDate): number {
	return parseIsoDate(date)!.year;
}

function daySpan(start: IsoDate, days = 1): Span {
	return { start, end: addDays(start, days - 1) };
}

function* yearlyIsoWeek(rule: Extract<RecurrenceRule, { kind: 'yearlyIsoWeek' }>, from: IsoDate) {
	// Uge 1 may start in the December before, so begin one year early.
	for (let year = yearOf(from) - 1; year <= LAST_YEAR; year++) {
		const start = dateFromIsoWeek(year, rule.week, rule.fromWeekday);
		const end = dateFromIsoWeek(year, rule.week, rule.toWeekday);
		if (start && end) yield { start, end };
	}
}

function* yearlyDate(rule: Extract<RecurrenceRule, { kind: 'yearlyDate' }>, from: IsoDate) {
	for (let year = yearOf(from); year <= LAST_YEAR; year++) {
		if (rule.month === 2 && rule.day === 29 && !isLeapYear(year)) continue;
		yield daySpan(formatIsoDate({ year, month: rule.month, day: rule.day }), rule.durationDays);
	}
}

function* everyNWeeks(rule: Extract<RecurrenceRule, { kind: 'everyNWeeks' }>) {
	let date = addDays(rule.fromDate, (rule.weekday - weekday(rule.fromDate) + 7) % 7);
	while (yearOf(date) <= LAST_YEAR) {
		yield daySpan(date);
		date = addDays(date, rule.interval * 7);
	}
}

function* months(from: IsoDate, only?: readonly number[]) {
	for (let year = yearOf(from); year <= LAST_YEAR; year++) {
		for (let month = 1; month <= 12; month++) {
			if (!only || only.includes(month)) yield { year, month };
		}
	}
}

function nthWeekdayOfMonth(year: number, month: number, n: number, day: Weekday): IsoDate {
	if (n === -1) {
		const last = formatIsoDate({ year, month, day: daysInMonth(year, month) });
		return addDays(last, -((weekday(last) - day + 7) % 7));
	}
	const first = formatIsoDate({ year, month, day: 1 });
	return addDays(first, ((day - weekday(first) + 7) % 7) + (n - 1) * 7);
}

/**
 * Assumption: "the last week of a month" is the last week in which every day from fromWeekday to
 * toWeekday lies inside the month, e.g. Mon 21 – Fri 25 June 2027, not Mon 28 Jun – Fri 2 Jul.
 */
function lastWeekOfMonth(year: number, month: number, fromDay: Weekday, toDay: Weekday): Span {
	const last = formatIsoDate({ year, month, day: daysInMonth(year, month) });
	const latestStart = addDays(last, -(toDay - fromDay));
	const start = addDays(latestStart, -((weekday(latestStart) - fromDay + 7) % 7));
	return { start, end: addDays(start, toDay - fromDay) };
}

/** Every span the rule produces from the year of `from` on, in date order, without end. */
export function* spansOf(rule: RecurrenceRule, from: IsoDate): Generator<Span> {
	switch (rule.kind) {
		case 'yearlyIsoWeek':
			return yield* yearlyIsoWeek(rule, from);
		case 'yearlyDate':
			return yield* yearlyDate(rule, from);
		case 'everyNWeeks':
			return yield* everyNWeeks(rule);
		case 'nthWeekdayOfMonth':
			for (const { year, month } of months(from, rule.months)) {
				yield daySpan(nthWeekdayOfMonth(year, month, rule.n, rule.weekday));
			}
			return;
		case 'lastWeekOfMonth':
			for (const { year, month } of months(from, rule.month ? [rule.month] : undefined)) {
				yield lastWeekOfMonth(year, month, rule.fromWeekday, rule.toWeekday);
			}
			return;
	}
}
