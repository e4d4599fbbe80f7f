import { z } from 'zod';
import { m } from '$lib/paraglide/messages.js';
import type { RecurrenceRule } from '$lib/wheel';
import { blankToUndefined, dateField } from './fields';
import { ACTIVITY_FIELDS } from './schema';

export const RULE_KINDS = [
	'yearlyIsoWeek',
	'yearlyDate',
	'everyNWeeks',
	'nthWeekdayOfMonth',
	'lastWeekOfMonth'
] as const;
export type RuleKind = (typeof RULE_KINDS)[number];

/** A whole number typed into a form field; the recurrence rules check the range in Danish. */
const intField = () =>
	z.preprocess(
		blankToUndefined,
		z.coerce
			.number({ error: () => m.series_val_number() })
			.int({ error: () => m.series_val_number() })
			.optional()
	);

/** The series form: an activity without dates, plus how it repeats and when it ends. */
export const seriesSchema = z
	.object({
		...ACTIVITY_FIELDS,
		ruleKind: z.enum(RULE_KINDS, { error: () => m.series_val_rule_kind() }),
		week: intField(),
		fromWeekday: intField(),
		toWeekday: intField(),
		month: intField(),
		day: intField(),
		durationDays: intField(),
		interval: intField(),
		weekday: intField(),
		n: intField(),
		months: z.array(z.coerce.number().int()).default([]),
		startsOn: dateField(),
		endKind: z.enum(['until', 'count'], { error: () => m.val_invalid_choice() }),
		until: z.preprocess(blankToUndefined, dateField().optional()),
		count: intField()
	})
	.refine((v) => v.allDay || v.startTime !== undefined, {
		path: ['startTime'],
		error: () => m.val_required()
	})
	.refine((v) => v.allDay || v.endTime !== undefined, {
		path: ['endTime'],
		error: () => m.val_required()
	})
	.refine((v) => v.allDay || !v.startTime || !v.endTime || v.endTime > v.startTime, {
		path: ['endTime'],
		error: () => m.activity_val_time_order()
	})
	.refine((v) => v.endKind !== 'until' || v.until !== undefined, {
		path: ['until'],
		error: () => m.val_required()
	})
	.refine((v) => v.endKind !== 'count' || v.count !== undefined, {
		path: ['count'],
		error: () => m.val_required()
	})
	.transform((v) => ({
		title: v.title,
		description: v.description,
		place: v.place,
		categoryId: v.categoryId,
		ownerId: v.ownerId,
		startTime: v.allDay ? null : (v.startTime ?? null),
		endTime: v.allDay ? null : (v.endTime ?? null),
		visibility: v.visibility,
		participants: v.participants,
		rule: ruleOf(v),
		startsOn: v.startsOn,
		until: v.endKind === 'until' ? (v.until ?? null) : null,
		count: v.endKind === 'count' ? (v.count ?? null) : null
	}));

export type SeriesInput = z.output<typeof seriesSchema>;
export const SERIES_ARRAY_FIELDS = ['participants', 'months'] as const;

type RuleFields = {
	ruleKind: RuleKind;
	startsOn: string;
	[key: string]: unknown;
};

/** Missing numbers stay undefined here; validateRecurrence names the field in Danish. */
function ruleOf(v: RuleFields): RecurrenceRule {
	const n = (key: string) => v[key] as never;
	switch (v.ruleKind) {
		case 'yearlyIsoWeek':
			return {
				kind: v.ruleKind,
				week: n('week'),
				fromWeekday: n('fromWeekday'),
				toWeekday: n('toWeekday')
			};
		case 'yearlyDate':
			return {
				kind: v.ruleKind,
				month: n('month'),
				day: n('day'),
				durationDays: n('durationDays')
			};
		case 'everyNWeeks':
			return {
				kind: v.ruleKind,
				interval: n('interval'),
				weekday: n('weekday'),
				fromDate: v.startsOn
			};
		case 'nthWeekdayOfMonth': {
			const months = v.months as number[];
			return {
				kind: v.ruleKind,
				n: n('n'),
				weekday: n('weekday'),
				months: months.length ? months : undefined
			};
		}
		case 'lastWeekOfMonth':
			return {
				kind: v.ruleKind,
				month: n('month'),
				fromWeekday: n('fromWeekday'),
				toWeekday: n('toWeekday')
			};
	}
}

/** Where a recurrence issue is shown in the form (validateRecurrence uses the rule's names). */
export function seriesFieldOf(issueField: string): string {
	if (issueField === 'start' || issueField === 'fromDate') return 'startsOn';
	if (issueField === 'kind') return 'ruleKind';
	return issueField;
}
