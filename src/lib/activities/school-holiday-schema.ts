import { z } from 'zod';
import { m } from '$lib/paraglide/messages.js';
import { diffDays } from '$lib/platform/dates/iso';
import { isWithinActivityRange } from './range-schema';
import { dateField } from './fields';
import { requiredText } from '$lib/platform/schema';

/** A summer holiday with the weekends around it is about 45 days; anything much longer is a typo. */
const MAX_HOLIDAY_DAYS = 70;

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
