import type { Kysely, Transaction } from 'kysely';
import { m } from '$lib/paraglide/messages.js';
import { getLocale } from '$lib/paraglide/runtime';
import {
	expandRecurrence,
	validateRecurrence,
	RecurrenceTooLargeError,
	type Occurrence,
	type RecurrenceSeries
} from '$lib/wheel';
import { ACTIVITY_DATE_MAX, LAST_SCHOOL_YEAR } from '$lib/activities/range-schema';
import { seriesFieldOf, type SeriesInput } from '$lib/activities/series-schema';
import type { DB } from '$lib/platform/server/db/schema';
import { formatDate } from '$lib/platform/dates/format';
import { isSkippedLocalTime } from '$lib/platform/dates/local-time';
import type { Actor } from '$lib/auth';
import { failure, type ActivityResult, type FieldErrors } from './core';
import { checkActivityReferences } from './references';
import { insertActivities, insertParticipants } from './queries/activities';

export type SeriesWhen = Pick<SeriesInput, 'rule' | 'startsOn' | 'until' | 'count'> &
	Partial<Pick<SeriesInput, 'startTime' | 'endTime'>>;

function recurrenceOf(input: SeriesWhen): RecurrenceSeries {
	return {
		rule: input.rule,
		start: input.startsOn,
		until: input.until ?? undefined,
		count: input.count ?? undefined
	};
}

/** The occurrences a series produces, or Danish field errors (bad rule, > 500, beyond the plan). */
export function expandSeries(input: SeriesWhen): ActivityResult<Occurrence[]> {
	const series = recurrenceOf(input);
	const issues = validateRecurrence(series);
	if (issues.length > 0) {
		const errors: FieldErrors = {};
		for (const issue of issues) errors[seriesFieldOf(issue.field)] ??= issue.message;
		return failure('invalid', m.form_fix_errors(), errors);
	}
	let occurrences: Occurrence[];
	try {
		// With a count the end is open: the count (at most 500) stops the expansion.
		occurrences = expandRecurrence(series, input.startsOn, input.until ?? '9999-12-31');
	} catch (e) {
		if (!(e instanceof RecurrenceTooLargeError)) throw e;
		return failure('invalid', e.message, { [input.until ? 'until' : 'count']: e.message });
	}
	if (occurrences.length === 0) {
		const message = m.series_err_none();
		return failure('invalid', message, { ruleKind: message });
	}
	if (occurrences.some((o) => o.end > ACTIVITY_DATE_MAX)) {
		const message = m.series_err_beyond({ last: LAST_SCHOOL_YEAR });
		return failure('invalid', message, { [input.until ? 'until' : 'count']: message });
	}
	// A time in the spring gap never happens: refused as on a single activity, naming the day.
	{
		const errors: FieldErrors = {};
		for (const [field, time, day] of [
			['startTime', input.startTime, (o: Occurrence) => o.start],
			['endTime', input.endTime, (o: Occurrence) => o.end]
		] as const) {
			const skipped = time ? occurrences.find((o) => isSkippedLocalTime(day(o), time)) : undefined;
			if (time && skipped) {
				errors[field] = m.series_err_time_skipped({
					time,
					date: formatDate(day(skipped), getLocale(), 'long')
				});
			}
		}
		if (Object.keys(errors).length > 0) return failure('invalid', m.form_fix_errors(), errors);
	}
	return { ok: true, value: occurrences };
}

/** The owner takes part by definition, so it is not stored twice (as for single activities). */
export function seriesParticipants(input: Pick<SeriesInput, 'participants' | 'ownerId'>): string[] {
	const owner = input.ownerId.toLowerCase();
	return [...new Set(input.participants.map((id) => id.toLowerCase()))].filter(
		(id) => id !== owner
	);
}

/** Checks that need the database, with the same messages as the activity form. */
export async function checkSeriesReferences(
	db: Kysely<DB> | Transaction<DB>,
	user: Actor,
	input: SeriesInput
): Promise<ActivityResult<null>> {
	const problem = await checkActivityReferences(db, user, input, seriesParticipants(input));
	return problem ?? { ok: true, value: null };
}

const withSeconds = (time: string | null) => (time === null ? null : `${time}:00`);

/** The series row's columns: what its occurrences share, the rule and the participants. */
export function seriesColumns(input: SeriesInput) {
	return {
		...occurrenceColumns(input),
		rule: JSON.stringify(input.rule),
		startsOn: input.startsOn,
		until: input.until,
		occurrenceCount: input.count,
		participantIds: seriesParticipants(input)
	};
}

/** What every non-detached occurrence shares with its series. */
export function occurrenceColumns(input: SeriesInput) {
	return {
		ownerId: input.ownerId,
		categoryId: input.categoryId,
		title: input.title,
		description: input.description,
		place: input.place,
		startTime: withSeconds(input.startTime),
		endTime: withSeconds(input.endTime),
		visibility: input.visibility
	};
}

/** One activity row per occurrence (+ participants); returns the new ids. */
export async function insertOccurrences(
	trx: Transaction<DB>,
	seriesId: string,
	input: SeriesInput,
	occurrences: readonly Occurrence[],
	createdBy: string | null
): Promise<string[]> {
	if (occurrences.length === 0) return [];
	const shared = occurrenceColumns(input);
	const ids = await insertActivities(
		trx,
		occurrences.map((o) => ({
			...shared,
			startDate: o.start,
			endDate: o.end,
			seriesId,
			occurrenceKey: o.occurrenceKey,
			createdBy
		}))
	);
	await insertParticipants(trx, ids, seriesParticipants(input));
	return ids;
}
