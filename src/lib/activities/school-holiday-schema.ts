import { z } from 'zod';
import { m } from '$lib/paraglide/messages.js';
import { diffDays, isIsoDate } from '$lib/platform/dates/iso';
import { FIRST_SCHOOL_YEAR, LAST_SCHOOL_YEAR, isWithinActivityRange } from './range-schema';
import { requiredText } from '$lib/platform/schema';

/** A summer holiday with the weekends around it is about 45 days; anything much longer is a typo. */
const MAX_HOLIDAY_DAYS = 70;

const DATE_SHAPE = /^\d{4}-\d{2}-\d{2}$/;

const dateField = () =>
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

const bothValid = (p: { value: unknown }) => {
	const v = p.value as Record<string, unknown> | null;
	return isWithinActivityRange(String(v?.startDate)) && isWithinActivityRange(String(v?.endDate));
};

export const schoolHolidaySchema = z
	.object({
		name: requiredText(100),
		startDate: dateField(),
		endDate: dateField()
	})
	.refine((v) => v.endDate >= v.startDate, {
		path: ['endDate'],
		error: () => m.activity_val_end_before_start(),
		when: bothValid
	})
	.refine((v) => v.endDate < v.startDate || diffDays(v.startDate, v.endDate) < MAX_HOLIDAY_DAYS, {
		path: ['endDate'],
		error: () => m.holiday_val_too_long({ max: MAX_HOLIDAY_DAYS }),
		when: bothValid
	});

export type SchoolHolidayInput = z.output<typeof schoolHolidaySchema>;
