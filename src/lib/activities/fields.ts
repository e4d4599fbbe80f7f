import { z } from 'zod';
import { m } from '$lib/paraglide/messages.js';
import { isIsoDate } from '$lib/platform/dates/iso';
import { FIRST_SCHOOL_YEAR, LAST_SCHOOL_YEAR, isWithinActivityRange } from './range-schema';

// The form fields the activity, series and school-holiday forms share, each with its Danish
// message: a date in the planning range, a time of day, a checkbox.

const DATE_SHAPE = /^\d{4}-\d{2}-\d{2}$/;
// Browsers send 'HH:MM', or 'HH:MM:SS' when a step below a minute is set.
const TIME_SHAPE = /^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/;

/** An empty field counts as not filled in. */
export const blankToUndefined = (v: unknown) =>
	typeof v === 'string' && v.trim() === '' ? undefined : v;

/** A required date ('YYYY-MM-DD') that exists and lies in the school years the alliance plans. */
export const dateField = () =>
	z
		.string({ error: () => m.val_required() })
		.trim()
		.min(1, { error: () => m.val_required() })
		.regex(DATE_SHAPE, { error: () => m.activity_val_date_format() })
		.refine((v) => !DATE_SHAPE.test(v) || isIsoDate(v), {
			error: () => m.activity_val_date_missing()
		})
		.refine((v) => !isIsoDate(v) || isWithinActivityRange(v), {
			error: () => m.activity_val_date_range({ first: FIRST_SCHOOL_YEAR, last: LAST_SCHOOL_YEAR })
		});

/** An optional time of day, kept as 'HH:MM'. */
export const timeField = () =>
	z.preprocess(
		blankToUndefined,
		z
			.string({ error: () => m.activity_val_time_format() })
			.trim()
			.regex(TIME_SHAPE, { error: () => m.activity_val_time_format() })
			.transform((v) => v.slice(0, 5))
			.optional()
	);

export const isTime = (v: unknown) => typeof v === 'string' && TIME_SHAPE.test(v);

/** A checkbox: ticked ('on', or true from JSON) or not. */
export const checkbox = () =>
	z.preprocess((v) => v === 'on' || v === 'true' || v === true, z.boolean()).default(false);
