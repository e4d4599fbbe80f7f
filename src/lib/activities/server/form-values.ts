import type { ActivityDetail } from './activity';
import type { SeriesDetail } from './queries/series';

type FormValues = Record<string, string | string[]>;

/** The fields an activity and a series share, as the form shows them. */
function sharedFormValues(
	s: Pick<
		ActivityDetail,
		| 'title'
		| 'description'
		| 'place'
		| 'categoryId'
		| 'ownerId'
		| 'startTime'
		| 'endTime'
		| 'visibility'
	>,
	participants: string[]
): FormValues {
	return {
		title: s.title,
		description: s.description,
		place: s.place,
		categoryId: s.categoryId,
		ownerId: s.ownerId,
		allDay: s.startTime === null ? 'on' : '',
		startTime: s.startTime?.slice(0, 5) ?? '',
		endTime: s.endTime?.slice(0, 5) ?? '',
		visibility: s.visibility,
		participants
	};
}

/** The activity (or one occurrence of a series) as the form's field values, to edit it. */
export function activityFormValues(a: ActivityDetail): FormValues {
	return {
		...sharedFormValues(
			a,
			a.participants.map((p) => p.id)
		),
		startDate: a.startDate,
		endDate: a.endDate
	};
}

const RULE_NUMBERS = [
	'week',
	'fromWeekday',
	'toWeekday',
	'month',
	'day',
	'durationDays',
	'interval',
	'weekday',
	'n'
] as const;

/** The series as the form's field values, to edit it. */
export function seriesFormValues(s: SeriesDetail): FormValues {
	const rule = s.rule as Record<string, unknown>;
	const values: FormValues = {
		...sharedFormValues(s, s.participantIds),
		ruleKind: s.rule.kind,
		startsOn: s.startsOn,
		endKind: s.until ? 'until' : 'count',
		until: s.until ?? '',
		count: s.occurrenceCount === null ? '' : String(s.occurrenceCount),
		months: Array.isArray(rule.months) ? rule.months.map(String) : []
	};
	for (const key of RULE_NUMBERS) {
		if (typeof rule[key] === 'number') values[key] = String(rule[key]);
	}
	return values;
}
