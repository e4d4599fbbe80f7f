import { z } from 'zod';
import { m } from '$lib/paraglide/messages.js';
import { isIsoDate } from '$lib/platform/dates/iso';
import { isSkippedLocalTime } from '$lib/platform/dates/local-time';
import {
	ACTIVITY_DATE_MAX,
	ACTIVITY_DATE_MIN,
	FIRST_SCHOOL_YEAR,
	LAST_SCHOOL_YEAR,
	isWithinActivityRange
} from './range-schema';
import { checkbox, dateField, isTime, timeField } from './fields';
import { optionalText, requiredText, uuid } from '$lib/platform/schema';

export const VISIBILITIES = ['public', 'alliance', 'private'] as const;
export const MAX_PARTICIPANTS = 100;

export {
	ACTIVITY_DATE_MAX,
	ACTIVITY_DATE_MIN,
	FIRST_SCHOOL_YEAR,
	LAST_SCHOOL_YEAR,
	isWithinActivityRange
};

type Payload = { value: unknown };
const field = (payload: Payload, key: string): unknown =>
	typeof payload.value === 'object' && payload.value !== null
		? (payload.value as Record<string, unknown>)[key]
		: undefined;
const bothDatesValid = (p: Payload) =>
	isIsoDate(field(p, 'startDate')) && isIsoDate(field(p, 'endDate'));

/** The fields of an activity that a series has too (a series has rules instead of dates). */
export const ACTIVITY_FIELDS = {
	title: requiredText(200),
	description: optionalText(5000),
	place: optionalText(300),
	categoryId: uuid(),
	ownerId: uuid(),
	allDay: checkbox(),
	startTime: timeField(),
	endTime: timeField(),
	visibility: z.enum(VISIBILITIES, { error: () => m.val_invalid_choice() }),
	participants: z
		.array(uuid(), { error: () => m.val_invalid_choice() })
		.max(MAX_PARTICIPANTS, {
			error: () => m.activity_val_too_many_participants({ max: MAX_PARTICIPANTS })
		})
		.default([])
};

/** One schema for the create and the edit form. Times come out as 'HH:MM', or null when all-day. */
export const activitySchema = z
	.object({
		...ACTIVITY_FIELDS,
		startDate: dateField(),
		endDate: dateField()
	})
	.refine((v) => v.endDate >= v.startDate, {
		path: ['endDate'],
		error: () => m.activity_val_end_before_start(),
		when: bothDatesValid
	})
	.refine((v) => v.allDay || v.startTime !== undefined, {
		path: ['startTime'],
		error: () => m.val_required(),
		when: (p) => field(p, 'allDay') === false
	})
	.refine((v) => v.allDay || v.endTime !== undefined, {
		path: ['endTime'],
		error: () => m.val_required(),
		when: (p) => field(p, 'allDay') === false
	})
	.refine((v) => v.allDay || v.startDate !== v.endDate || (v.endTime ?? '') > (v.startTime ?? ''), {
		path: ['endTime'],
		error: () => m.activity_val_time_order(),
		when: (p) =>
			bothDatesValid(p) &&
			field(p, 'allDay') === false &&
			isTime(field(p, 'startTime')) &&
			isTime(field(p, 'endTime'))
	})
	// A time in the spring gap never happens; one in the autumn's repeated hour means the first
	// (see local-time.ts).
	.refine((v) => v.allDay || !v.startTime || !isSkippedLocalTime(v.startDate, v.startTime), {
		path: ['startTime'],
		error: () => m.val_time_skipped(),
		when: (p) => isIsoDate(field(p, 'startDate')) && isTime(field(p, 'startTime'))
	})
	.refine((v) => v.allDay || !v.endTime || !isSkippedLocalTime(v.endDate, v.endTime), {
		path: ['endTime'],
		error: () => m.val_time_skipped(),
		when: (p) => isIsoDate(field(p, 'endDate')) && isTime(field(p, 'endTime'))
	})
	.transform(({ startTime, endTime, ...rest }) => ({
		...rest,
		startTime: rest.allDay ? null : (startTime ?? null),
		endTime: rest.allDay ? null : (endTime ?? null)
	}));

export type ActivityInput = z.output<typeof activitySchema>;

/** Form fields that may repeat (for parseForm's arrayFields). */
export const ACTIVITY_ARRAY_FIELDS = ['participants'] as const;
